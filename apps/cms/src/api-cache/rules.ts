import { createHash } from 'node:crypto';
import { PUBLIC_CONTENT_TYPES, type PublicContentUid } from '../content-events';

/**
 * What the response cache of the public read API may store, and which
 * writes change what it stores: pure rules, tested in rules.test.ts.
 */

export interface ContentTypeRoute {
  kind: 'collectionType' | 'singleType';
  /** REST name: the plural of a collection type, the singular of a single type. */
  name: string;
}

/**
 * A matcher of the public read routes: `GET <prefix>/<plural>` and
 * `<prefix>/<plural>/<documentId>` of each public collection type,
 * `<prefix>/<singular>` of a single type. Nothing else is cached: not the
 * forms' routes, the search, the OpenAPI document, plugins or the admin.
 */
export function publicRouteMatcher(prefix: string, routes: readonly ContentTypeRoute[]): (path: string) => boolean {
  const lists = new Set(routes.map(({ name }) => `${prefix}/${name}`));
  const collections = new Set(routes.filter(({ kind }) => kind === 'collectionType').map(({ name }) => `${prefix}/${name}`));
  return (path) => {
    if (lists.has(path)) return true;
    const slash = path.lastIndexOf('/');
    return slash > 0 && slash < path.length - 1 && collections.has(path.slice(0, slash));
  };
}

/**
 * Whether a query string asks for published content only: no `status`
 * parameter in any spelling (`status`, `status[$ne]`, percent-encoded...),
 * or exactly `status=published`. Drafts are never cached, not even for the
 * tokens that may read them.
 */
export function readsPublishedOnly(querystring: string): boolean {
  if (!/status/i.test(querystring)) return true;
  const values: string[] = [];
  for (const [name, value] of new URLSearchParams(querystring)) {
    if (name.trim().toLowerCase().startsWith('status')) values.push(name === 'status' ? value : '\0');
  }
  return values.length === 0 || (values.length === 1 && values[0] === 'published');
}

/**
 * The cache key: SHA-256 of the Authorization header and of the full URL
 * (path and query string as sent). One credential's answers are never
 * served to another, nor to anonymous readers.
 */
export const cacheKey = (authorization: string, url: string): string =>
  createHash('sha256').update(`${authorization.length}:${authorization}\n${url}`).digest('base64url');

/** Document-service actions that write. */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Whether a document-service call can change what the public API shows:
 * publish, unpublish and delete of a draft-and-publish type (or a create or
 * update that publishes at once), any write of a type without draft and
 * publish (authors, categories, Global). Draft edits change nothing public.
 */
export function changesPublicVersion(uid: string, action: string, params: { status?: unknown } | undefined): boolean {
  if (!(uid in PUBLIC_CONTENT_TYPES) || !WRITES.has(action)) return false;
  if (!PUBLIC_CONTENT_TYPES[uid as PublicContentUid].draftAndPublish) return action !== 'discardDraft';
  if (action === 'publish' || action === 'unpublish' || action === 'delete') return true;
  return (action === 'create' || action === 'update') && params?.status === 'published';
}
