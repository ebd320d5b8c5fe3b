import type { BookRelease } from '@chiudete/types';
import type { ComputedRef } from 'vue';

/** The most recent published book release, or null when there is none yet. */
export function useLatestBook(): Promise<ComputedRef<BookRelease | null>> {
  return useCmsData('book:latest', async (cms) => {
    const { data } = await cms.books.list({ page: 1, pageSize: 1, sort: ['releaseDate:desc', 'id:desc'] });
    return data[0] ?? null;
  });
}

/** The book page's book: the latest release, or a 404 while none is published. */
export async function useBook(): Promise<ComputedRef<BookRelease>> {
  return requireFound(await useLatestBook(), 'Il libro non è ancora stato pubblicato.');
}
