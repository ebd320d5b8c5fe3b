import { createHmac } from 'node:crypto';

/**
 * The content types editors can preview on the site (Strapi's Preview button),
 * and the `type` the site's `/anteprima` route knows them by.
 */
export const PREVIEWABLE_TYPES = {
  'api::article.article': 'article',
  'api::book-release.book-release': 'book-release',
  'api::testimony.testimony': 'testimony',
  'api::answer.answer': 'answer',
  'api::video.video': 'video',
} as const;

export type PreviewableUid = keyof typeof PREVIEWABLE_TYPES;
export type PreviewType = (typeof PREVIEWABLE_TYPES)[PreviewableUid];
export type PreviewStatus = 'draft' | 'published';

export const isPreviewableUid = (uid: string): uid is PreviewableUid => uid in PREVIEWABLE_TYPES;

/** How long a preview link is valid: the admin's preview pane signs a new one each time it opens; a forwarded link soon stops working (the site's session lasts as long). */
export const PREVIEW_LINK_TTL_SECONDS = 20 * 60;

export interface PreviewLink {
  type: PreviewType;
  documentId: string;
  slug: string;
  status: PreviewStatus;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

/**
 * The signed string. The site verifies it with the same secret
 * (apps/web/server/utils/preview/signing.ts): keep both in step. The prefix
 * separates these signatures from any other use of the secret.
 */
export const previewLinkPayload = ({ type, documentId, slug, status, exp }: PreviewLink): string =>
  ['chiudete-preview-link:v1', type, documentId, slug, status, String(exp)].join('\n');

export const signPreviewLink = (secret: string, link: PreviewLink): string =>
  createHmac('sha256', secret).update(previewLinkPayload(link)).digest('base64url');

/**
 * The address the admin opens in its preview pane: the site's `/anteprima`
 * route with the entry's coordinates and a short-lived HMAC signature. The
 * secret itself never leaves the servers.
 */
export function previewUrl(siteUrl: string, secret: string, link: PreviewLink): string {
  const url = new URL('/anteprima', siteUrl);
  url.searchParams.set('type', link.type);
  url.searchParams.set('id', link.documentId);
  url.searchParams.set('slug', link.slug);
  url.searchParams.set('status', link.status);
  url.searchParams.set('exp', String(link.exp));
  url.searchParams.set('sig', signPreviewLink(secret, link));
  return url.toString();
}
