import { safeReturnPath } from '../../utils/preview/return-path';
import { setPreviewHeaders } from '../../utils/preview/headers';

/**
 * «Esci dall'anteprima»: back to the page as readers see it (a page of this
 * site only; the banner sends the page's path without the preview's token).
 */
export default defineEventHandler((event) => {
  setPreviewHeaders(event);
  const back = safeReturnPath(getQuery(event).ritorno, useRuntimeConfig(event).public.siteUrl);
  return sendRedirect(event, back, 303);
});
