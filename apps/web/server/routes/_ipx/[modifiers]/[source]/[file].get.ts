import { createHash } from 'node:crypto';
import { IPX_INTERNAL_HEADER, IPX_INTERNAL_SECRET } from '../../../../ipx/internal';
import { internalIpxPath, publicImageRequest } from '../../../../ipx/public-image';
import { imageSourcesFrom, type ImageSources } from '../../../../ipx/sources';

/**
 * Image URLs carry the upload's `updatedAt` (`?v=`, see useResponsiveImage):
 * the bytes behind one URL never change, so browsers may keep them.
 */
const CACHE_CONTROL = 'public, max-age=2592000, immutable';

let sources: ImageSources | undefined;

/**
 * A resized WebP variant of a CMS upload: `/_ipx/<modifiers>/uploads/<file>`
 * (the CMS's disk) or `/_ipx/<modifiers>/s3/<file>` (the S3 bucket), the URLs
 * MediaImage writes in `src`/`srcset`. This route is more specific than
 * @nuxt/image's `/_ipx/**`, so it receives them; it checks the request
 * against the variants the site uses, then asks IPX in-process to produce it
 * from the source's address in the runtime config (NUXT_STRAPI_URL, the CMS's
 * private address; NUXT_S3_READ_URL or NUXT_PUBLIC_S3_PUBLIC_URL, the
 * bucket's), never one taken from the request. Its own headers, never IPX's
 * error bodies (they name those addresses).
 */
export default defineEventHandler(async (event) => {
  const request = publicImageRequest(event.path);
  if (!request) throw createError({ status: 404, statusText: 'Not Found', message: 'Immagine non trovata.' });

  if (!sources) {
    const config = useRuntimeConfig(event);
    sources = imageSourcesFrom({ strapiUrl: config.strapiUrl, s3PublicUrl: config.public.s3PublicUrl, s3ReadUrl: config.s3ReadUrl });
  }
  const internalPath = internalIpxPath(request, sources);
  if (!internalPath) throw createError({ status: 404, statusText: 'Not Found', message: 'Immagine non trovata.' });
  const response = await event.fetch(internalPath, { headers: { [IPX_INTERNAL_HEADER]: IPX_INTERNAL_SECRET } });
  if (response.status !== 200) {
    console.error(`[images] IPX answered ${response.status} for /${request.source}/${request.file}`);
    throw createError(response.status === 404
      ? { status: 404, statusText: 'Not Found', message: 'Immagine non trovata.' }
      : { status: 502, statusText: 'Bad Gateway', message: 'Immagine momentaneamente non disponibile.' });
  }

  const body = Buffer.from(await response.arrayBuffer());
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  setResponseHeaders(event, { 'content-type': `image/${request.modifiers.format}`, 'cache-control': CACHE_CONTROL, 'etag': etag });
  if (getRequestHeader(event, 'if-none-match') === etag) {
    setResponseStatus(event, 304);
    return null;
  }
  return body;
});
