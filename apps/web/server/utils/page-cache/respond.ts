import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMPRESSIBLE, MIN_BYTES, compressBody, pickEncoding } from '../response-compression';
import type { PageVariant } from './entry';

/**
 * How the page cache answers, written straight to Node's response: a
 * cached page (200, or 304 for a current copy), a page rendered for this
 * request, a redirect to the canonical URL, or a short Italian error page.
 */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE';

/**
 * The headers every answer carries (the security headers, the request id:
 * server/plugins/page-cache.ts), as a flat list of lower-case names and
 * values. Each answer is written with one `writeHead` of a flat list: Node
 * then checks and writes each header once, without first storing it in the
 * response (`setHeader`) and merging (docs/benchmarks/cached-pages.md).
 */
export type CommonHeaders = readonly string[];

/** The common headers but those the answer sets itself (a page's CSP replaces the common one), as a new flat list. */
function commonExcept(common: CommonHeaders, ownHas: (name: string) => boolean): string[] {
  const list: string[] = [];
  for (let index = 0; index < common.length; index += 2) {
    if (!ownHas(common[index]!)) list.push(common[index]!, common[index + 1]!);
  }
  return list;
}

/** The common headers, then the answer's own; an own header replaces a common one of the same name. */
export function headerList(common: CommonHeaders, own: Record<string, string | number>): string[] {
  const list = commonExcept(common, (name) => Object.hasOwn(own, name));
  for (const name in own) list.push(name, String(own[name]));
  return list;
}

export interface PageCachePolicy {
  ttlSeconds: number;
  staleSeconds: number;
}

/**
 * Browsers revalidate every time (a 304 from the cache costs nothing); a
 * proxy in front may keep the page as long as this server does, since the
 * same purge reaches it (server/utils/page-cache/proxy-purge.ts); a stale
 * copy served because the CMS fails is kept only briefly.
 */
export function pageCacheControl(status: CacheStatus, { ttlSeconds, staleSeconds }: PageCachePolicy): string {
  return status === 'STALE'
    ? 'public, max-age=0, s-maxage=5'
    : `public, max-age=0, s-maxage=${ttlSeconds}, stale-if-error=${staleSeconds}`;
}

/** `If-None-Match` lists the ETag (weak comparison), or is `*`. */
export function matchesETag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/** The headers of a 200 with a cached page that are the same at every answer: its stored headers, validator, encoding and length. */
interface VariantHeaders {
  names: ReadonlySet<string>;
  list: readonly string[];
}

/** Per variant object: the memory store hands the same one to every hit (entry.ts: variantOf). */
const variantHeaders = new WeakMap<PageVariant, VariantHeaders>();

function headersOf(page: PageVariant): VariantHeaders {
  let headers = variantHeaders.get(page);
  if (!headers) {
    const { 'cache-control': _perAnswer, ...stored } = page.headers;
    const own: Record<string, string | number> = { ...stored, 'etag': page.etag, 'vary': 'Accept-Encoding', 'content-length': page.body.length };
    if (page.encoding !== 'identity') own['content-encoding'] = page.encoding;
    headers = { names: new Set([...Object.keys(own), 'cache-control', 'x-cache', 'age']), list: Object.entries(own).flatMap(([name, value]) => [name, String(value)]) };
    variantHeaders.set(page, headers);
  }
  return headers;
}

export function sendVariant(req: IncomingMessage, res: ServerResponse, common: CommonHeaders, page: PageVariant, status: CacheStatus, policy: PageCachePolicy, now: number): void {
  const cacheControl = page.headers['cache-control'] ?? pageCacheControl(status, policy);
  const age = String(Math.max(0, Math.floor((now - page.storedAt) / 1000)));
  if (matchesETag(req.headers['if-none-match'], page.etag)) {
    const { 'content-type': _none, ...stored } = page.headers;
    res.writeHead(304, headerList(common, { ...stored, 'etag': page.etag, 'vary': 'Accept-Encoding', 'cache-control': cacheControl, 'x-cache': status, 'age': age })).end();
    return;
  }
  // The common headers but those the page has, the page's, then this answer's.
  const { names, list } = headersOf(page);
  const headers = commonExcept(common, (name) => names.has(name));
  headers.push(...list, 'cache-control', cacheControl, 'x-cache', status, 'age', age);
  res.writeHead(page.status, headers);
  res.end(req.method === 'HEAD' ? undefined : page.body);
}

/** A response rendered for this request and not cached (a 404, an error page, a degraded page), compressed if worth it. */
export function sendRendered(req: IncomingMessage, res: ServerResponse, common: CommonHeaders, page: { status: number; headers: Record<string, string>; body: Buffer }, extra: Record<string, string> = {}): void {
  const headers: Record<string, string | number> = { ...page.headers, ...extra };
  let body = page.body;
  const encoding = pickEncoding(req.headers['accept-encoding']);
  if (encoding !== 'identity' && body.length >= MIN_BYTES && COMPRESSIBLE.test(String(headers['content-type'] ?? ''))) {
    body = compressBody(body, encoding);
    headers['content-encoding'] = encoding;
    headers['vary'] = 'Accept-Encoding';
  }
  headers['content-length'] = body.length;
  res.writeHead(page.status, headerList(common, headers));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The longest canonical URL redirected to. A longer one would come from a
 * query no page of this site writes (the pages that keep theirs, like
 * /cerca, take short values), and its `Location` header could overflow the
 * header buffers of a proxy (nginx: 4 or 8 KB by default, a 502) or a
 * client (Node: 16 KB): a 414 instead.
 */
export const MAX_REDIRECT_LENGTH = 2_048;

export function sendCanonicalRedirect(req: IncomingMessage, res: ServerResponse, common: CommonHeaders, location: string): void {
  if (location.length > MAX_REDIRECT_LENGTH) {
    sendPage(req, res, common, 414, TOO_LONG);
    return;
  }
  res.writeHead(301, headerList(common, { 'location': location, 'cache-control': 'public, max-age=86400', 'content-length': 0 })).end();
}

const page = (title: string, text: string) => Buffer.from(`<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${title} · Chiudete i Call Center</title>
<style>body{font:1.125rem/1.6 Georgia,serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f1b16;background:#faf6ee}a{color:#9b2c1f}</style></head>
<body><h1>${title}</h1><p>${text}</p><p><a href="/">Torna alla pagina iniziale</a></p></body></html>
`);

const TOO_MANY = page('Troppe richieste', 'Da questo indirizzo sono arrivate molte richieste in poco tempo. Riprova tra qualche secondo.');
const UNAVAILABLE = page('Contenuti momentaneamente non disponibili', 'I contenuti del sito non sono raggiungibili in questo momento. Riprova tra qualche minuto.');
const TOO_LONG = page('Indirizzo troppo lungo', `Questo indirizzo è più lungo di ${MAX_REDIRECT_LENGTH} caratteri: nessuna pagina del sito ne ha uno così. Controlla il link.`);
const BAD_ADDRESS = page('Indirizzo non valido', 'Questo indirizzo contiene caratteri che nessuna pagina del sito usa. Controlla il link.');

function sendPage(req: IncomingMessage, res: ServerResponse, common: CommonHeaders, status: number, body: Buffer, headers: Record<string, string | number> = {}) {
  res.writeHead(status, headerList(common, { 'content-type': 'text/html;charset=utf-8', 'cache-control': 'no-store', 'content-length': body.length, ...headers }));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A client over its budget of uncached renders. */
export const sendTooManyRequests = (req: IncomingMessage, res: ServerResponse, common: CommonHeaders, retryAfterSeconds: number) =>
  sendPage(req, res, common, 429, TOO_MANY, { 'retry-after': retryAfterSeconds });

/** The page could not be rendered in time (the CMS hangs or fails) and no copy is kept. */
export const sendUnavailable = (req: IncomingMessage, res: ServerResponse, common: CommonHeaders) => sendPage(req, res, common, 503, UNAVAILABLE, { 'retry-after': 30 });

export const sendBadAddress = (req: IncomingMessage, res: ServerResponse, common: CommonHeaders) => sendPage(req, res, common, 400, BAD_ADDRESS);
