import type { BookRelease } from '@chiudete/types';
import type { ComputedRef, MaybeRefOrGetter } from 'vue';
import type { Countdown } from '~/utils/countdown';

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
  /** True in the browser while the live countdown runs. */
  live: boolean;
  /** True once the release moment passed while the reader was on the page. */
  releasedWhileWatching: boolean;
}

/**
 * The countdown to a release date. The server renders it with its own clock,
 * which travels in the payload so that the browser hydrates the same text;
 * once mounted, the browser ticks every second with its own clock until the
 * release moment (midnight in Italy), then stops.
 */
export function useReleaseCountdown(releaseDate: MaybeRefOrGetter<string>): ReleaseCountdown {
  const now = useState('book:release-now', () => Date.now());
  const live = ref(false);
  const releasedWhileWatching = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;

  const released = computed(() => isReleased(toValue(releaseDate), now.value));

  function tick(): void {
    now.value = Date.now();
    if (released.value) {
      clearInterval(timer);
      if (live.value) releasedWhileWatching.value = true;
      live.value = false;
    }
  }

  onMounted(() => {
    now.value = Date.now();
    if (released.value) return;
    live.value = true;
    timer = setInterval(tick, 1000);
  });
  onBeforeUnmount(() => clearInterval(timer));

  return reactive({
    released,
    days: computed(() => daysUntilRelease(toValue(releaseDate), now.value)),
    countdown: computed(() => countdownTo(toValue(releaseDate), now.value)),
    live,
    releasedWhileWatching,
  });
}
