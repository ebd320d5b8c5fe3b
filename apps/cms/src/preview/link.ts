import { PREVIEW_TOKEN_TTL_SECONDS, previewEntryUrl, type PreviewPayload, type PreviewStatus, type PreviewType } from '@chiudete/types/preview';

/**
 * The content types editors can preview on the site (Strapi's Preview
 * button), and the `type` the preview token names them by
 * (`@chiudete/types/preview`, shared with the site).
 */
export const PREVIEWABLE_TYPES = {
  'api::article.article': 'article',
  'api::book-release.book-release': 'book-release',
  'api::testimony.testimony': 'testimony',
  'api::answer.answer': 'answer',
  'api::video.video': 'video',
} as const satisfies Record<string, PreviewType>;

export type PreviewableUid = keyof typeof PREVIEWABLE_TYPES;
export type { PreviewPayload, PreviewStatus, PreviewType };

export const isPreviewableUid = (uid: string): uid is PreviewableUid => uid in PREVIEWABLE_TYPES;

/**
 * How long a preview link is valid: the admin's preview pane signs a new one
 * each time it opens; a forwarded link soon stops working.
 */
export const PREVIEW_LINK_TTL_SECONDS = PREVIEW_TOKEN_TTL_SECONDS;

/**
 * The address the admin opens in its preview pane: the site's `/anteprima`
 * route with a short-lived token signed with PREVIEW_SECRET (the one
 * implementation, `@chiudete/types/preview`, is also the site's check). The
 * secret itself never leaves the servers.
 */
export const previewUrl = (siteUrl: string, secret: string, payload: PreviewPayload): string => previewEntryUrl(siteUrl, secret, payload);
