import { SEARCH_PAGE_MAX, SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MIN_LENGTH, SEARCH_TYPES, sitePath, type SearchHit, type SearchType } from '@chiudete/types';
import { firstQueryValue, parsePage, type RouteQuery } from '../../shared/utils/query';

/**
 * The /cerca page's address: `?q=<text>&tipo=articoli|testimonianze|risposte&pagina=N`
 * (Italian names in the site's URLs, the API's names inside).
 */
export const SEARCH_TYPE_PARAMS: Readonly<Record<SearchType, string>> = {
  article: 'articoli',
  testimony: 'testimonianze',
  answer: 'risposte',
};

export type SearchProblem = 'too_short' | 'too_long';

export interface SiteSearchQuery {
  /** The query, trimmed ('' when none). */
  q: string;
  type: SearchType | undefined;
  page: number;
  /** Why `q` cannot be searched as it is, if it cannot. */
  problem: SearchProblem | undefined;
}

export function searchTypeFromParam(value: string | undefined): SearchType | undefined {
  return SEARCH_TYPES.find((type) => SEARCH_TYPE_PARAMS[type] === value);
}

/** Reads `?q=&tipo=&pagina=`; an unknown `tipo` means every type, a page past the API's limit the first. */
export function parseSiteSearchQuery(query: RouteQuery): SiteSearchQuery {
  const q = (firstQueryValue(query.q) ?? '').trim();
  // Counted in code points, as the CMS's schema counts (searchQuerySchema, zod): an emoji is one
  // character, not two UTF-16 units (a query the CMS refuses would fail the page).
  const length = [...q].length;
  const problem = q === ''
    ? undefined
    : length < SEARCH_QUERY_MIN_LENGTH ? 'too_short' : length > SEARCH_QUERY_MAX_LENGTH ? 'too_long' : undefined;
  const page = parsePage(query.pagina);
  return { q, type: searchTypeFromParam(firstQueryValue(query.tipo)), page: page <= SEARCH_PAGE_MAX ? page : 1, problem };
}

/** Whether the query can be sent to the CMS. */
export const isSearchable = (query: SiteSearchQuery): boolean => query.q !== '' && query.problem === undefined;

/** The query string of a /cerca address, without empty values (page 1 has no `pagina`). */
export function siteSearchQuery({ q, type, page }: { q?: string; type?: SearchType; page?: number }): Record<string, string> {
  return {
    ...(q ? { q } : {}),
    ...(type ? { tipo: SEARCH_TYPE_PARAMS[type] } : {}),
    ...(page && page > 1 ? { pagina: String(page) } : {}),
  };
}

/** The site path of a search result (`/articoli/<slug>`...). */
export function searchHitPath(hit: Pick<SearchHit, 'type' | 'slug'>): string {
  return sitePath(hit.type, hit.slug);
}

/**
 * `1 risultato`, `12 risultati`; when the CMS stopped counting (`capped`: a
 * word so common that only the newest matches are ranked), `più di 1.000 risultati`.
 */
export const resultCount = (count: number, capped = false): string =>
  capped ? `più di ${thousands(count)} risultati` : count === 1 ? '1 risultato' : `${count} risultati`;

/** `1.000`: Italian CLDR leaves four-digit numbers ungrouped, the status line groups them as readers write them. */
const thousands = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
