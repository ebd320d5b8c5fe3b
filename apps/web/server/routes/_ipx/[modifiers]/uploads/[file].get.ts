import { createHash } from 'node:crypto';
import { IPX_INTERNAL_HEADER, IPX_INTERNAL_SECRET } from '../../../../ipx/internal';
import { internalIpxPath, publicImageRequest } from '../../../../ipx/public-image';
import { matchesETag } from '../../../../utils/page-cache/respond';

/**
 * Image URLs carry the upload's `updatedAt` (`?v=`, see useResponsiveImage):
 * the bytes behind one URL never change, so browsers may keep them.
 */
const CACHE_CONTROL = 'public, max-age=2592000, immutable';

/**
 * A resized WebP variant of a CMS upload: `/_ipx/<modifiers>/uploads/<file>`,
 * the URLs MediaImage writes in `src`/`srcset`. This route is more specific
 * than @nuxt/image's `/_ipx/**`, so it receives them; it checks the request
 * against the variants the site uses, then asks IPX in-process to produce it
 * from the CMS's private address (runtime config, NUXT_STRAPI_URL). Its own
 * headers, never IPX's error bodies (they name that private address).
 */
export default defineEventHandler(async (event) => {
  const request = publicImageRequest(event.path);
  if (!request) throw createError({ status: 404, statusText: 'Not Found', message: 'Immagine non trovata.' });

  const { strapiUrl } = useRuntimeConfig(event);
  // Not `event.fetch`: it passes on the reader's headers, and IPX would answer their
  // `If-None-Match` or `Range` itself (a 304 or a 206 taken for a failure).
  const response = await useNitroApp().localFetch(internalIpxPath(request, strapiUrl), { headers: { [IPX_INTERNAL_HEADER]: IPX_INTERNAL_SECRET } });
  if (response.status !== 200) {
    console.error(`[images] IPX answered ${response.status} for /uploads/${request.file}`);
    throw createError(response.status === 404
      ? { status: 404, statusText: 'Not Found', message: 'Immagine non trovata.' }
      : { status: 502, statusText: 'Bad Gateway', message: 'Immagine momentaneamente non disponibile.' });
  }

  const body = Buffer.from(await response.arrayBuffer());
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  setResponseHeaders(event, { 'content-type': `image/${request.modifiers.format}`, 'cache-control': CACHE_CONTROL, 'etag': etag });
  if (matchesETag(getRequestHeader(event, 'if-none-match'), etag)) {
    setResponseStatus(event, 304);
    return null;
  }
  return body;
});
