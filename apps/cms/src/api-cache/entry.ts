/**
 * One cached answer of the public read API: the exact bytes of a 200 JSON
 * body and the response headers the handler and `global::http-cache` set
 * (Content-Type, ETag, Last-Modified, Cache-Control...), so that a hit
 * answers byte for byte what the miss answered, 304s included.
 */
export interface CachedResponse {
  body: Buffer;
  /** Header name (lowercase) and value, set again on a hit. */
  headers: Array<[string, string | string[]]>;
  /** `Vary` fields, merged on a hit with those the outer middlewares set (CORS). */
  vary: string[];
  etag: string;
  /** HTTP date, when the response had one. */
  lastModified: string | undefined;
}

interface Meta {
  headers: CachedResponse['headers'];
  vary: string[];
  etag: string;
  lastModified?: string;
}

/** Bytes an entry takes in memory, roughly (the body dominates). */
export const entrySize = (entry: CachedResponse): number =>
  entry.body.length + 64 + entry.headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);

/** One Buffer for Redis: the 4-byte length of a JSON header block, the block, then the body as is. */
export function encodeEntry(entry: CachedResponse): Buffer {
  const meta: Meta = { headers: entry.headers, vary: entry.vary, etag: entry.etag, lastModified: entry.lastModified };
  const json = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json, entry.body]);
}

/** The entry, or undefined for bytes that are not one (a foreign or truncated value). */
export function decodeEntry(bytes: Buffer): CachedResponse | undefined {
  if (bytes.length < 4) return undefined;
  const length = bytes.readUInt32BE(0);
  if (4 + length > bytes.length) return undefined;
  try {
    const meta = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Meta;
    if (!Array.isArray(meta.headers) || !Array.isArray(meta.vary) || typeof meta.etag !== 'string') return undefined;
    return { headers: meta.headers, vary: meta.vary, etag: meta.etag, lastModified: meta.lastModified, body: bytes.subarray(4 + length) };
  } catch {
    return undefined;
  }
}
