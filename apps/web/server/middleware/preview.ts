import { PREVIEW_COOKIE } from '../utils/page-cache/policy';
import { isPreviewedPage } from '../utils/preview/pages';
import { endPreviewSession, readPreviewSession, setPreviewHeaders } from '../utils/preview/session';

/**
 * Recognises an editor's preview session (the cookie set by /anteprima). On
 * the page(s) of the session's document, a draft session reads that
 * document's draft (app/composables/strapi.ts) and shows the preview banner;
 * every other page, and the live page of a `published` session (the admin's
 * «Pubblicato» tab), is rendered as readers see it. Every response of a session is
 * never cached nor indexed, and may be framed by the admin's preview pane
 * (the editor may follow links there). A forged or expired cookie is
 * dropped and the request served as anybody's.
 */
export default defineEventHandler((event) => {
  if (!getCookie(event, PREVIEW_COOKIE) || event.path.startsWith('/_nuxt/')) return;
  const session = readPreviewSession(event, useRuntimeConfig(event).previewSecret);
  if (!session) {
    endPreviewSession(event);
    return;
  }
  setPreviewHeaders(event);
  if (session.status === 'draft' && isPreviewedPage(session, event.path)) event.context.preview = session;
});
