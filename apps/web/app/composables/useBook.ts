import type { BookRelease } from '@chiudete/types';
import type { ComputedRef } from 'vue';
import type { Countdown } from '~/utils/countdown';

/** What other pages show of the book («Chi siamo»). */
export type BookSummary = Pick<BookRelease, 'documentId' | 'title' | 'subtitle' | 'releaseDate' | 'publisher' | 'cover'>;

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

export interface ReleaseCountdown {
  /** Whether the book is out (buy links are shown only then). */
  released: boolean;
  /** Calendar days to the release day, in Italian time. */
  days: number;
  countdown: Countdown;
}

/**
 * The countdown to a release date at `now`, for the server's render. In the
 * browser the enhancement script (app/enhance/countdown.ts) takes over with
 * the reader's clock, every second, until the release moment (midnight in Italy).
 */
export function releaseCountdown(releaseDate: string, now: number): ReleaseCountdown {
  return {
    released: isReleased(releaseDate, now),
    days: daysUntilRelease(releaseDate, now),
    countdown: countdownTo(releaseDate, now),
  };
}
