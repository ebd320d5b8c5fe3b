import { PREVIEW_COOKIE } from '../utils/page-cache/policy';
import { endPreviewSession, readPreviewSession, setPreviewHeaders } from '../utils/preview/session';

/**
 * Recognises an editor's preview session (the cookie set by /anteprima): the
 * request's pages then read drafts (app/composables/strapi.ts), show the
 * preview banner, and are never cached nor indexed. A forged or expired
 * cookie is dropped and the request served as anybody's.
 */
export default defineEventHandler((event) => {
  if (!getCookie(event, PREVIEW_COOKIE) || event.path.startsWith('/_nuxt/')) return;
  const session = readPreviewSession(event, useRuntimeConfig(event).previewSecret);
  if (!session) {
    endPreviewSession(event);
    return;
  }
  event.context.preview = session;
  setPreviewHeaders(event);
});
