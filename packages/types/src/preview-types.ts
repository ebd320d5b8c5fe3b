/**
 * The content types editors can preview on the site, as the preview token
 * names them (`@chiudete/types/preview`). Here, free of Node built-ins, so
 * that the site's app code may use the list too.
 */
export const PREVIEW_TYPES = ['article', 'book-release', 'testimony', 'answer', 'video'] as const;
export type PreviewType = (typeof PREVIEW_TYPES)[number];
