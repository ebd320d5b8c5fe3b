import { PUBLIC_CONTENT_TYPES, hasEntryPages, listPath } from '@chiudete/types';
import { OSSERVATORIO_PATH, WIDGET_PATHS, osservatorioQuery, parseOsservatorioQuery, widgetQuery } from './osservatorio-routes';
import { parsePage, parseTestimonyQuery, testimonyQuery, type RouteQuery } from './query';

/**
 * The site's addresses as the server sees them before any page runs: which
 * path segments are slugs (kept as written) and which query parameters each
 * page reads. The page cache builds its one canonical URL per page from this
 * (server/utils/page-cache/canonical.ts); `site-routes.test.ts` checks it
 * against the files in app/pages, so a new page cannot be forgotten here.
 */

/** Sections whose entries have a page of their own at `/<section>/<slug>` (the registry's types with a page per entry). */
export const ENTRY_SECTIONS: readonly string[] = /* @__PURE__ */ PUBLIC_CONTENT_TYPES.filter(hasEntryPages).map((type) => listPath(type).slice(1));
export type EntrySection = string;

/** Pages of their own under an entry section: these second segments are not slugs. */
export const SECTION_PAGES: Readonly<Partial<Record<EntrySection, readonly string[]>>> = {
  testimonianze: ['invia', 'inviata', 'stato'],
};

const isEntrySection = (segment: string): segment is EntrySection => ENTRY_SECTIONS.includes(segment);

/** Whether segment `index` (0-based) of a lower-cased path is an entry's slug. */
export function isSlugSegment(segments: readonly string[], index: number): boolean {
  if (index !== 1 || segments.length !== 2) return false;
  const section = segments[0]!.toLowerCase();
  return isEntrySection(section) && !(SECTION_PAGES[section] ?? []).includes(segments[1]!.toLowerCase());
}

/** Paginated listings: `?pagina=N` (page 1 has none). */
const PAGINATED = /^\/(?:articoli|(?:categorie|autori)\/[^/]+)$/;

/**
 * The query parameters a page reads, with the values it understands, in the
 * order its own links write them; everything else is dropped. A path without
 * parameters of its own gets `{}`.
 */
export function canonicalPageQuery(path: string, query: RouteQuery): Record<string, string> {
  if (path === '/testimonianze') return testimonyQuery(parseTestimonyQuery(query));
  if (path === OSSERVATORIO_PATH) return osservatorioQuery(parseOsservatorioQuery(query));
  if ((WIDGET_PATHS as readonly string[]).includes(path)) {
    const { sector } = widgetQuery(query);
    return sector ? { settore: sector } : {};
  }
  if (PAGINATED.test(path)) {
    const page = parsePage(query.pagina);
    return page > 1 ? { pagina: String(page) } : {};
  }
  return {};
}
