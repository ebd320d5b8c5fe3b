import { isPreviewedPage } from '../utils/preview/pages';
import { setPreviewHeaders } from '../utils/preview/headers';
import { refusePreview } from '../utils/preview/refusal';
import { checkPreviewToken, previewTokenOf } from '../utils/preview/token';

/**
 * Recognises a request of an editor's preview: its address carries the
 * signed token (`?anteprima=`, server/utils/preview/token.ts). On the
 * page(s) of the token's document, a draft token reads that document's draft
 * (app/composables/strapi.ts) and shows the preview banner; on any other
 * page, and with a `published` token (the admin's «Pubblicato» tab), the
 * page is rendered as readers see it. Every response of a preview is never
 * cached nor indexed, and may be framed by the admin's preview pane. A
 * forged, altered or expired token gets the Italian refusal page, no content.
 */
export default defineEventHandler((event) => {
  if (event.path.startsWith('/_nuxt/')) return;
  const token = previewTokenOf(event);
  if (token === undefined) return;
  const { previewSecret, previewToken } = useRuntimeConfig(event);
  if (!previewSecret || !previewToken) return refusePreview(event, 'unconfigured');
  const check = checkPreviewToken(previewSecret, token);
  if (!check.ok) return refusePreview(event, check.reason);
  setPreviewHeaders(event);
  const { type, documentId, slug, status, exp } = check.payload;
  if (status === 'draft' && isPreviewedPage({ type, documentId, slug }, event.path)) {
    event.context.preview = { type, documentId, slug, expiresAt: exp };
  }
});
