import { PREVIEW_TOKEN_PARAM } from '@chiudete/types/preview';
import { refusePreview } from '../../utils/preview/refusal';
import { setPreviewHeaders } from '../../utils/preview/headers';
import { checkPreviewToken, previewPageUrl } from '../../utils/preview/token';

/**
 * Where Strapi's Preview sends the editor (apps/cms/src/preview): checks the
 * link's token (signature, payload, expiry) and redirects to the entry's
 * real page with the same token in its address (`?anteprima=`), where the
 * draft of that one document is rendered. Refused links get an Italian page
 * that shows no content.
 */
export default defineEventHandler((event) => {
  setPreviewHeaders(event);
  const { previewSecret, previewToken } = useRuntimeConfig(event);
  if (!previewSecret || !previewToken) {
    console.error('[preview] refused: NUXT_PREVIEW_SECRET and NUXT_PREVIEW_TOKEN must both be set on the site.');
    return refusePreview(event, 'unconfigured');
  }
  const token = getQuery(event)[PREVIEW_TOKEN_PARAM];
  const check = checkPreviewToken(previewSecret, token);
  if (!check.ok) return refusePreview(event, check.reason);
  // The published version is the live page: the token then reads no draft, it only lets the admin frame the page.
  return sendRedirect(event, previewPageUrl(check.payload.type, check.payload.slug, token as string), 303);
});
