import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Encoding } from '../response-compression';

/**
 * A cached page: its bytes in each encoding the site serves, computed once
 * when the page is stored (never again per request), with the headers worth
 * replaying and a strong ETag. A hit is then a lookup and one write.
 */

export interface PageMeta {
  status: number;
  /** Replayed response headers, lower-case names (content type, robots...). */
  headers: Record<string, string>;
  etag: string;
  /** When the page was rendered, ms since the epoch. */
  storedAt: number;
}

export interface PageEntry extends PageMeta {
  bodies: Record<Encoding, Buffer>;
}

/** One encoding of an entry, as a hit reads it (Redis sends only the one asked for). */
export interface PageVariant extends PageMeta {
  encoding: Encoding;
  body: Buffer;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Brotli quality 6: as small as 9 for these pages within 2 ms (11 takes 100 ms for 70 KB); in zlib's thread pool, off the event loop. */
const BROTLI_QUALITY = 6;

export async function createEntry(meta: Omit<PageMeta, 'etag'>, body: Buffer): Promise<PageEntry> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: 6 }),
  ]);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { ...meta, etag, bodies: { br, gzip: gz, identity: body } };
}

export const entryBytes = (entry: PageEntry): number =>
  entry.bodies.br.length + entry.bodies.gzip.length + entry.bodies.identity.length + 512;

const variants = new WeakMap<PageEntry, Partial<Record<Encoding, PageVariant>>>();

/**
 * One encoding of an entry kept in this process: the same object at every
 * hit, so that what an answer derives from it once (its headers:
 * respond.ts) is kept with it, and goes when the entry goes.
 */
export function variantOf(entry: PageEntry, encoding: Encoding): PageVariant {
  let byEncoding = variants.get(entry);
  if (!byEncoding) variants.set(entry, (byEncoding = {}));
  return (byEncoding[encoding] ??= { status: entry.status, headers: entry.headers, etag: entry.etag, storedAt: entry.storedAt, encoding, body: entry.bodies[encoding] });
}
