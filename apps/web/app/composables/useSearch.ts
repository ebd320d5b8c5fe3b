import { SEARCH_PAGE_SIZE_DEFAULT, type SearchResponse } from '@chiudete/types';
import type { ComputedRef, Ref } from 'vue';
import { isSearchable, type SiteSearchQuery } from '~/utils/search';

export const SEARCH_PAGE_SIZE = SEARCH_PAGE_SIZE_DEFAULT;

export interface SiteSearch {
  /** The results of the current query; null when there is nothing to search (no query, or one too short/long). */
  results: ComputedRef<SearchResponse | null>;
  pending: Ref<boolean>;
  /** The CMS did not answer a search made after the page loaded (the page itself stays usable). */
  failed: ComputedRef<boolean>;
}

/**
 * Site search for the /cerca page. Unlike the other domain composables the
 * page is not re-created per query: the key follows the query, so a new
 * search re-fetches in place and the form and the results' live region stay
 * in the page (focus kept, new counts announced). On the server the CMS is
 * called directly; in the browser, through the same-origin proxy. A CMS that
 * does not answer fails the first render with a 503 (as every page does), and
 * later searches with an inline message.
 */
export async function useSearch(query: ComputedRef<SiteSearchQuery>): Promise<SiteSearch> {
  const cms = useStrapi();
  const key = computed(() => {
    const { q, type, page } = query.value;
    return `search:${type ?? 'all'}:${page}:${q}`;
  });

  const { data, error, pending } = await useAsyncData(
    key,
    async (): Promise<SearchResponse | null> => {
      const current = query.value;
      if (!isSearchable(current)) return null;
      return cms.search({ q: current.q, type: current.type, page: current.page, pageSize: SEARCH_PAGE_SIZE }).catch(toPageError);
    },
    { default: () => null },
  );

  if (import.meta.server && error.value) {
    throw createError({ status: error.value.status ?? 503, statusText: error.value.statusText, message: error.value.message, fatal: true });
  }

  return {
    results: computed(() => data.value ?? null),
    pending,
    failed: computed(() => Boolean(error.value)),
  };
}
