import { uidOf, type ContentTypeUid } from '@chiudete/types';
import { PREVIEW_TOKEN_TTL_SECONDS, PREVIEW_TYPES, previewEntryUrl, type PreviewPayload, type PreviewStatus, type PreviewType } from '@chiudete/types/preview';

export type PreviewableUid = ContentTypeUid<PreviewType>;
export type { PreviewPayload, PreviewStatus, PreviewType };

/**
 * The content types editors can preview on the site (Strapi's Preview
 * button), and the `type` the preview token names them by
 * (`@chiudete/types/preview`, shared with the site): the registry's public
 * types with draft & publish.
 */
export const PREVIEWABLE_TYPES = Object.fromEntries(PREVIEW_TYPES.map((type) => [uidOf(type), type])) as Readonly<Record<PreviewableUid, PreviewType>>;

export const isPreviewableUid = (uid: string): uid is PreviewableUid => Object.prototype.hasOwnProperty.call(PREVIEWABLE_TYPES, uid);

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
