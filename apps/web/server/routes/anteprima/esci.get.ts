import { endPreviewSession, setPreviewHeaders } from '../../utils/preview/session';

/** A path of this site only (`/...`, not `//host` nor `/\host`). */
const isLocalPath = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 1_000 && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');

/** «Esci dall'anteprima»: ends the preview session and goes back to the page as readers see it. */
export default defineEventHandler((event) => {
  endPreviewSession(event);
  setPreviewHeaders(event);
  const back = getQuery(event).ritorno;
  return sendRedirect(event, isLocalPath(back) ? back : '/', 303);
});
