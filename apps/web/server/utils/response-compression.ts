import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text responses worth compressing: pages, feeds, the sitemap, JSON. */
export const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|feed\+json|ld\+json|javascript))/;
export const MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * Requests the server makes to itself (Nuxt's error page render at
 * `/__nuxt_error`, other internal `$fetch` calls) read the body as it is:
 * never compress those.
 */
export function isInternalPath(path: string): boolean {
  return path.startsWith('/__') || path.startsWith('/api/');
}

/**
 * The encoding to answer with, from Accept-Encoding: brotli, then gzip, then
 * none; `q=0` refuses one. Parsed without allocations: it runs on every hit.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = acceptEncoding.toLowerCase();
  if (accepts(accepted, 'br')) return 'br';
  if (accepts(accepted, 'gzip')) return 'gzip';
  return 'identity';
}

function accepts(header: string, coding: string): boolean {
  let from = 0;
  for (;;) {
    const at = header.indexOf(coding, from);
    if (at < 0) return false;
    from = at + coding.length;
    const before = at === 0 ? ',' : header[at - 1]!;
    const after = header[from] ?? ',';
    if ((before === ',' || before === ' ') && (after === ',' || after === ';' || after === ' ')) {
      const end = header.indexOf(',', from);
      const params = header.slice(from, end < 0 ? undefined : end);
      return !/;\s*q=0(?:\.0{0,3})?\s*$/.test(params);
    }
  }
}

/** The body compressed with the chosen encoding (brotli quality 5: fast enough to do per response). */
export function compressBody(body: string | Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body, { level: 6 });
}
