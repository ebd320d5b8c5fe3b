import { entryPath } from '../../utils/page-cache/paths';
import { previewRefusalPage } from '../../utils/preview/page';
import { setPreviewHeaders, startPreviewSession } from '../../utils/preview/session';
import { verifyPreviewLink } from '../../utils/preview/signing';

/**
 * Where Strapi's Preview sends the editor (apps/cms/src/preview): checks the
 * link's signature and expiry, opens a preview session (an httpOnly cookie)
 * for the draft of the link's document only, on that document's page(s),
 * and redirects to the entry's real page, which then renders the draft.
 * Refused links get a 401 page that shows no content.
 */
export default defineEventHandler((event) => {
  setPreviewHeaders(event);
  const { previewSecret, previewToken } = useRuntimeConfig(event);
  const refuse = (status: number, title: string, message: string) => {
    setResponseStatus(event, status);
    setResponseHeader(event, 'content-type', 'text/html; charset=utf-8');
    return previewRefusalPage(title, message);
  };

  if (!previewSecret || !previewToken) {
    console.error('[preview] refused: NUXT_PREVIEW_SECRET and NUXT_PREVIEW_TOKEN must both be set on the site.');
    return refuse(503, 'Anteprima non disponibile', 'L\'anteprima non è configurata su questo sito. Avvisa chi gestisce il sito.');
  }

  const check = verifyPreviewLink(previewSecret, getQuery(event), Math.floor(Date.now() / 1000));
  if (!check.ok) {
    return check.reason === 'expired'
      ? refuse(401, 'Anteprima scaduta', 'Il collegamento all\'anteprima è scaduto. Riapri l\'anteprima dal pannello della redazione.')
      : refuse(401, 'Anteprima non autorizzata', 'Questo collegamento non è valido. L\'anteprima si apre dal pannello della redazione.');
  }

  const { link } = check;
  // The published version is the live page: its session reads no draft, it only lets the admin frame the page.
  startPreviewSession(event, previewSecret, link);
  return sendRedirect(event, entryPath(link.type, link.slug), 303);
});
