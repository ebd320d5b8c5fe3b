import { IPX_INTERNAL_HEADER, IPX_INTERNAL_SECRET, isIpxPath } from '../ipx/internal';
import { publicImageRequest } from '../ipx/public-image';

/**
 * Only two kinds of `/_ipx` requests reach @nuxt/image's IPX handler: the
 * public variants of CMS uploads, on its disk or S3 (handled by routes/_ipx/…/[source]/[file])
 * and that route's own in-process calls. Anything else (another host, a local
 * file, an odd size) is a 404 before IPX sees it. See ../ipx/internal.ts.
 */
export default defineEventHandler((event) => {
  const path = event.path;
  if (!isIpxPath(path)) return;
  if (getRequestHeader(event, IPX_INTERNAL_HEADER) === IPX_INTERNAL_SECRET) return;
  if (publicImageRequest(path)) return;
  throw createError({ status: 404, statusText: 'Not Found', message: 'Immagine non trovata.' });
});
