import { safeReturnPath } from '../../utils/preview/return-path';
import { endPreviewSession, setPreviewHeaders } from '../../utils/preview/session';

/** «Esci dall'anteprima»: ends the preview session and goes back to the page as readers see it (a page of this site only). */
export default defineEventHandler((event) => {
  endPreviewSession(event);
  setPreviewHeaders(event);
  const back = safeReturnPath(getQuery(event).ritorno, useRuntimeConfig(event).public.siteUrl);
  return sendRedirect(event, back, 303);
});
