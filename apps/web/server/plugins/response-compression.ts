import { COMPRESSIBLE, MIN_BYTES, compressBody, isInternalPath, pickEncoding } from '../utils/response-compression';

/**
 * Compresses rendered pages and other text answers (static assets are
 * pre-compressed at build time: nitro.compressPublicAssets). A proxy in front
 * may do this too; it then sees Content-Encoding and leaves the body alone.
 *
 * Order matters: this file's hook runs after server/plugins/page-cache.ts
 * (plugins load in file-name order), so the page cache stores the plain text
 * and every answer, a cache hit included, is compressed here.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    if (typeof response.body !== 'string' || Buffer.byteLength(response.body) < MIN_BYTES) return;
    if (isInternalPath(event.path)) return;
    if (getResponseHeader(event, 'content-encoding')) return;
    if (!COMPRESSIBLE.test(String(getResponseHeader(event, 'content-type') ?? ''))) return;
    appendResponseHeader(event, 'vary', 'Accept-Encoding');
    const encoding = pickEncoding(getRequestHeader(event, 'accept-encoding'));
    if (encoding === 'identity') return;
    response.body = compressBody(response.body, encoding);
    setResponseHeader(event, 'content-encoding', encoding);
    removeResponseHeader(event, 'content-length');
  });
});
