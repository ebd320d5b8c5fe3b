import type { H3Event } from 'h3';
import { verifyPreviewToken, type PreviewTokenCheck } from '@chiudete/types/preview';
import { PREVIEW_QUERY_PARAM } from '../page-cache/policy';
import { entryPath } from '../page-cache/paths';

/**
 * The preview travels in the address: the CMS's link (`/anteprima?token=…`)
 * leads to the document's page with the same signed token in
 * `?anteprima=…`, and every request of the preview carries it. No cookie:
 * the admin frames the site, a third-party context where browsers drop
 * cookies when the admin and the site are on different sites. The token is
 * checked on every request (signature, payload, expiry: @chiudete/types/preview).
 */

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The request's `?anteprima=` value: undefined when there is none; anything else (empty, repeated) is checked, and refused. */
export const previewTokenOf = (event: H3Event): unknown => getQuery(event)[PREVIEW_QUERY_PARAM];

export const checkPreviewToken = (secret: string, token: unknown): PreviewTokenCheck => verifyPreviewToken(secret, token, nowSeconds());

/** The page a preview opens on: the document's own page, carrying the token. */
export function previewPageUrl(type: Parameters<typeof entryPath>[0], slug: string, token: string): string {
  return `${entryPath(type, slug)}?${PREVIEW_QUERY_PARAM}=${encodeURIComponent(token)}`;
}
