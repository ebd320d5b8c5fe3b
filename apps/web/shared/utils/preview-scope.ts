/**
 * What one preview shows as a draft (issue #11, defect 6): the one document
 * its link was signed for, on that document's page(s). Everything else on
 * the page (related content, lists, the site settings) is read as readers
 * see it, published only. The server's CMS client of a preview render
 * (app/composables/strapi.ts) asks this module, for each CMS request, whether
 * to read the draft, the published version, or the published list with the
 * previewed draft put in it (types without a page of their own, shown in a
 * list: videos on /video, the book on /libro).
 */

import { PREVIEW_TYPES, hasEntryPages, publicContentType, type PreviewType } from '@chiudete/types';

/** The content types editors can preview, as the preview token names them (@chiudete/types/preview). */
export { PREVIEW_TYPES, type PreviewType };

/** The document a preview is for. */
export interface PreviewScope {
  type: PreviewType;
  documentId: string;
  slug: string;
}

// Functions, not tables computed at load: the browser bundle of app/composables/strapi.ts (whose
// preview client is the server's) then drops this module and the registry (e2e/page-weight.e2e.ts).

/** The REST collection of a previewable type (the registry's). */
export const previewCollection = (type: PreviewType): string => publicContentType(type).restPath;

/** Types shown in a list rather than on a page of their own (the registry's: videos, the book): the previewed draft is put into that list. */
const isListedType = (type: PreviewType): boolean => !hasEntryPages(type);

/**
 * How a preview render reads one CMS request: `draft` (this request reads
 * the previewed document: its draft, that document only), `merge` (the
 * published list, with the previewed draft in it), `published`.
 */
export type PreviewRead
  = | { kind: 'draft'; params: Record<string, unknown> }
    | { kind: 'merge'; params: Record<string, unknown> }
    | { kind: 'published'; params: Record<string, unknown> };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `filters` is exactly `{ <field>: { $eq: <value> } }`. */
function filtersOnly(filters: unknown, field: string, value: string): boolean {
  if (!isRecord(filters) || Object.keys(filters).length !== 1) return false;
  const condition = filters[field];
  return isRecord(condition) && Object.keys(condition).length === 1 && condition.$eq === value;
}

/** The filter that reads the previewed document and nothing else. */
export const previewedDocumentFilter = (scope: PreviewScope) => ({ documentId: { $eq: scope.documentId } });

/** The read of one CMS request (`url`: the path below `/api`; `params`: its query) in a preview of `scope`. */
export function previewRead(scope: PreviewScope, url: string | undefined, params: unknown): PreviewRead {
  const query: Record<string, unknown> = isRecord(params) ? { ...params } : {};
  delete query.status;
  const collection = `/${previewCollection(scope.type)}`;
  if (url === `${collection}/${encodeURIComponent(scope.documentId)}`) return { kind: 'draft', params: { ...query, status: 'draft' } };
  if (url !== collection) return { kind: 'published', params: query };
  // The page's own read (getBySlug), pinned to the previewed document: another draft with that slug is never read.
  if (filtersOnly(query.filters, 'slug', scope.slug)) {
    return { kind: 'draft', params: { ...query, filters: { slug: { $eq: scope.slug }, ...previewedDocumentFilter(scope) }, status: 'draft' } };
  }
  if (filtersOnly(query.filters, 'documentId', scope.documentId)) return { kind: 'draft', params: { ...query, status: 'draft' } };
  if (isListedType(scope.type) && query.filters === undefined) return { kind: 'merge', params: query };
  return { kind: 'published', params: query };
}

interface ListPage {
  data: Array<{ documentId: string }>;
  meta?: { pagination?: { pageSize?: number } };
}

const isListPage = (value: unknown): value is ListPage =>
  isRecord(value) && Array.isArray(value.data) && value.data.every((entry) => isRecord(entry) && typeof entry.documentId === 'string');

/**
 * A published list with the previewed draft in it: in the place of its
 * published version, or first (a document never published yet), the list
 * keeping its length.
 */
export function mergePreviewedEntry<T>(page: T, draft: { documentId: string } | undefined): T {
  if (!draft || !isListPage(page)) return page;
  const index = page.data.findIndex((entry) => entry.documentId === draft.documentId);
  if (index >= 0) return { ...page, data: page.data.map((entry, i) => (i === index ? draft : entry)) } as T;
  const size = Math.max(page.meta?.pagination?.pageSize ?? page.data.length + 1, 1);
  return { ...page, data: [draft, ...page.data].slice(0, size) } as T;
}
