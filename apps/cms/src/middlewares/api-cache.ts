import type { Core } from '@strapi/strapi';
import { apiCache, cacheKey, readsPublishedOnly, type CachedResponse } from '../api-cache';
import { isApiTokenAuth, type RequestAuth } from '../api-tokens/auth';
import { isNotModified, type ConditionalHeaders } from '../http-cache/etag';
import { canReadDrafts } from '../preview/token';

/** The cache's name in `Cache-Status` (RFC 9211). */
const CACHE_NAME = 'chiudete-api';

/** Request headers that make the inner middlewares answer 304 instead of the body the cache needs. */
const CONDITIONAL_HEADERS = ['if-none-match', 'if-modified-since'] as const;

/** Response headers that are not part of the cached answer: recomputed per response, or never cacheable. */
const NOT_REPLAYED = new Set(['content-length', 'vary', 'date', 'connection', 'transfer-encoding', 'cache-status']);

type Koa = Parameters<Core.MiddlewareHandler>[0];
type HeaderValue = string | string[] | number | undefined;

const sameValue = (a: HeaderValue, b: HeaderValue) =>
  (Array.isArray(a) && Array.isArray(b)) ? a.join('\n') === b.join('\n') : a === b;

/** The conditional headers of the request, as http-cache reads them. */
const conditionalOf = (ctx: Koa): ConditionalHeaders => ({ ifNoneMatch: ctx.get('If-None-Match'), ifModifiedSince: ctx.get('If-Modified-Since') });

/** Answers from a cached response, 304 when the client's copy is current (the same test as `global::http-cache`). */
function serve(ctx: Koa, entry: CachedResponse, conditional: ConditionalHeaders): void {
  for (const [name, value] of entry.headers) ctx.set(name, value);
  for (const field of entry.vary) ctx.vary(field);
  const lastModified = entry.lastModified === undefined ? undefined : new Date(entry.lastModified);
  if (isNotModified(conditional, { etag: entry.etag, lastModified })) {
    // Status first: Koa then drops the body and its Content-Type/Length, like http-cache does.
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.body = entry.body;
}

/**
 * The answer just computed, as a cache entry, or undefined when it must not
 * be stored: anything but a 200 JSON body with an ETag, a response that sets
 * a cookie or says no-store, a credential that may read drafts, or a
 * credential other than an API token (the cache serves hits before Strapi
 * authenticates: only tokens, whose changes purge the cache, qualify).
 */
function toEntry(ctx: Koa, before: Record<string, HeaderValue>): CachedResponse | undefined {
  if (ctx.status !== 200 || !ctx.response.is('json')) return undefined;
  const headers = ctx.response.headers as Record<string, HeaderValue>;
  const etag = headers.etag;
  if (typeof etag !== 'string' || headers['set-cookie'] !== undefined) return undefined;
  if (/\b(no-store|no-cache)\b/i.test(String(headers['cache-control'] ?? ''))) return undefined;
  const auth = (ctx.state as { auth?: RequestAuth }).auth;
  if (ctx.get('Authorization') !== '' && (!isApiTokenAuth(auth) || canReadDrafts(auth))) return undefined;

  const { body } = ctx;
  let bytes: Buffer;
  if (Buffer.isBuffer(body)) bytes = body;
  else if (typeof body === 'string') bytes = Buffer.from(body);
  else if (typeof body === 'object' && body !== null && typeof (body as { pipe?: unknown }).pipe !== 'function') bytes = Buffer.from(JSON.stringify(body));
  else return undefined;

  const replayed: CachedResponse['headers'] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_REPLAYED.has(name) || value === undefined || sameValue(value, before[name])) continue;
    replayed.push([name, Array.isArray(value) ? value : String(value)]);
  }
  const vary = String(headers.vary ?? '').split(',').map((field) => field.trim()).filter(Boolean);
  const lastModified = typeof headers['last-modified'] === 'string' ? headers['last-modified'] : undefined;
  return { body: bytes, headers: replayed, vary, etag, lastModified };
}

/** How long an entry may live: the TTL, and never past the expiry of the token it was read with. */
function lifetimeMs(ctx: Koa, ttlSeconds: number): number {
  const ttl = ttlSeconds * 1000;
  const auth = (ctx.state as { auth?: RequestAuth }).auth;
  const expiresAt = isApiTokenAuth(auth) && auth.credentials.expiresAt ? new Date(auth.credentials.expiresAt).getTime() : Number.NaN;
  return Number.isNaN(expiresAt) ? ttl : Math.min(ttl, expiresAt - Date.now());
}

/**
 * Response cache of the public read API (`GET`/`HEAD` of the public content
 * types' find/findOne routes), see docs/partners-caching.md. Placed after
 * `global::read-rate-limit` (every request counts, hits included) and before
 * `global::http-cache`, whose ETag, Last-Modified, Cache-Control and Vary it
 * stores with the exact body bytes and replays on a hit, answering 304 by
 * the same rule. Keyed by the full URL and a hash of the Authorization
 * header. Purged on every public change (src/api-cache/index.ts); entries
 * live API_CACHE_TTL_SECONDS at most. `Cache-Status` tells what happened:
 * `chiudete-api; hit`, `chiudete-api; fwd=miss; stored`, `chiudete-api;
 * fwd=miss` (not stored), `chiudete-api; fwd=bypass; detail=status` (drafts
 * asked for), `chiudete-api; fwd=bypass; detail=unavailable` (the shared
 * store cannot be reached).
 */
const apiCacheMiddleware: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
  const cache = apiCache(strapi);
  if (!cache || !cache.isPublicRoute(ctx.path)) return next();
  if (!readsPublishedOnly(ctx.querystring)) {
    ctx.set('Cache-Status', `${CACHE_NAME}; fwd=bypass; detail=status`);
    return next();
  }

  const key = cacheKey(ctx.get('Authorization'), ctx.url);
  const found = await cache.store.lookup(key);
  if (found?.entry) {
    ctx.set('Cache-Status', `${CACHE_NAME}; hit`);
    serve(ctx, found.entry, conditionalOf(ctx));
    return;
  }
  if (!found) {
    ctx.set('Cache-Status', `${CACHE_NAME}; fwd=bypass; detail=unavailable`);
    return next();
  }

  // A miss: have the inner middlewares compute the full 200 (not a 304) so it can be stored, then answer the conditional here.
  const conditional = conditionalOf(ctx);
  const { headers } = ctx.request;
  const stripped = CONDITIONAL_HEADERS.map((name) => [name, headers[name]] as const);
  for (const [name] of stripped) Reflect.deleteProperty(headers, name);
  const before = ctx.response.headers as Record<string, HeaderValue>;
  // Stays on error answers too (thrown errors are formatted by the outer `strapi::errors`).
  ctx.set('Cache-Status', `${CACHE_NAME}; fwd=miss`);
  try {
    await next();
  } finally {
    for (const [name, value] of stripped) if (value !== undefined) headers[name] = value;
  }

  const entry = toEntry(ctx, before);
  const ttlMs = entry ? lifetimeMs(ctx, cache.config.ttlSeconds) : 0;
  if (entry && entry.body.length <= cache.config.maxEntryBytes && ttlMs > 0) {
    if (await cache.store.save(found.generation, key, entry, ttlMs)) ctx.set('Cache-Status', `${CACHE_NAME}; fwd=miss; stored`);
    serve(ctx, entry, conditional);
    return;
  }
  const etag = ctx.response.get('ETag');
  if (ctx.status === 200 && etag !== '') {
    // Not storable but validated by http-cache: the conditional it did not see.
    const lastModified = ctx.response.get('Last-Modified');
    if (isNotModified(conditional, { etag, lastModified: lastModified ? new Date(lastModified) : undefined })) {
      ctx.status = 304;
      ctx.body = null;
    }
  }
};

export default apiCacheMiddleware;
