import type { Ref } from 'vue';

/** An editor's preview of a draft, as the page knows it (from the signed token in its address). */
export interface PreviewState {
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}

/**
 * Whether this page is a preview (drafts shown): set during server rendering
 * from the request (server/middleware/preview.ts), carried to the browser in
 * the payload. Null for every reader.
 */
export function usePreview(): Ref<PreviewState | null> {
  return useState<PreviewState | null>('preview', () => null);
}
