import type { Video } from '@chiudete/types';
import type { ComputedRef } from 'vue';

/** Every video is listed on one page. */
export const VIDEOS_LIST_SIZE = 100;

/** A YouTube video id: 11 characters of the URL-safe base64 alphabet. */
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

export function isValidYoutubeId(value: string | null | undefined): value is string {
  return typeof value === 'string' && YOUTUBE_ID.test(value);
}

/** The privacy-enhanced player URL of a video, or `null` when the id is not a YouTube id. */
export function youtubeEmbedUrl(youtubeId: string | null | undefined): string | null {
  return isValidYoutubeId(youtubeId) ? `https://www.youtube-nocookie.com/embed/${youtubeId}?autoplay=1` : null;
}

/** The video's page on YouTube (the player's link for readers without JavaScript), or `null` when the id is not a YouTube id. */
export function youtubeWatchUrl(youtubeId: string | null | undefined): string | null {
  return isValidYoutubeId(youtubeId) ? `https://www.youtube.com/watch?v=${youtubeId}` : null;
}

/**
 * The published videos (with their poster), in the order they were recorded:
 * the parts of a story («Parte 1», «Parte 2») read in order.
 */
export function useVideoList(): Promise<ComputedRef<Video[]>> {
  return useEntryList('video', { pageSize: VIDEOS_LIST_SIZE, sort: ['recordedOn:asc', 'publishedAt:asc', 'id:asc'] });
}

/** A duration in seconds as Italian text: «4 min 05 s», «1 h 02 min»; empty when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return '';
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(rest).padStart(2, '0')} s`;
  return `${rest} s`;
}
