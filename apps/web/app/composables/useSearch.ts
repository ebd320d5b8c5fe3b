import { SEARCH_PAGE_SIZE_DEFAULT, type SearchResponse } from '@chiudete/types';
import type { ComputedRef } from 'vue';
import { isSearchable, type SiteSearchQuery } from '~/utils/search';

export const SEARCH_PAGE_SIZE = SEARCH_PAGE_SIZE_DEFAULT;

/**
 * Site search for the /cerca page, rendered on the server like every page
 * (a new search is a new page load: the form is a plain GET form). The
 * results of the query, or null when there is nothing to search (no query,
 * or one too short or too long); a CMS that does not answer fails the page
 * with a 503, as everywhere.
 */
export function useSearch(query: SiteSearchQuery): Promise<ComputedRef<SearchResponse | null>> {
  const { q, type, page } = query;
  return useCmsData(`search:${type ?? 'all'}:${page}:${q}`, async (cms) => (
    isSearchable(query) ? cms.search({ q, type, page, pageSize: SEARCH_PAGE_SIZE }) : null
  ));
}
