import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text responses worth compressing: pages, feeds, the sitemap, JSON. */
export const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|feed\+json|ld\+json|javascript))/;
export const MIN_BYTES = 1024;

/**
 * Requests the server makes to itself (Nuxt's error page render at
 * `/__nuxt_error`, the sitemap module's `/api/__sitemap__/...`, other
 * internal `$fetch` calls) read the body as it is: never compress those.
 */
export function isInternalPath(path: string): boolean {
  return path.startsWith('/__') || path.startsWith('/api/');
}

/** The encoding to answer with, from the request's Accept-Encoding (brotli first). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/(?:^|[\s,])br(?:$|[\s,;])/.test(accepted) && !/br;q=0(?:\.0*)?(?:$|[\s,])/.test(accepted)) return 'br';
  if (/(?:^|[\s,])gzip(?:$|[\s,;])/.test(accepted) && !/gzip;q=0(?:\.0*)?(?:$|[\s,])/.test(accepted)) return 'gzip';
  return null;
}

/** The body compressed with the chosen encoding (brotli quality 5: fast enough to do per response). */
export function compressBody(body: string, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body, { level: 6 });
}
