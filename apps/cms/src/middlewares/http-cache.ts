import type { Core } from '@strapi/strapi';
import { cacheControlFor, isNotModified, newestUpdatedAt, serializeJsonBody, strongETag } from '../http-cache/etag';

/** Content API paths that are never cached: their handlers answer `Cache-Control: no-store`. */
const UNCACHED_PATHS = ['/testimony-submissions', '/form-tokens', '/altcha'];

const isUnder = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/**
 * HTTP caching of the public content API (`GET`/`HEAD /api/...`, 200 with a
 * JSON body): a strong ETag of the body, Last-Modified from the newest
 * `updatedAt` in `data`, a Cache-Control the handler did not set itself,
 * `Vary: Origin, Authorization`, and 304 Not Modified for a current copy.
 * Errors, non-JSON bodies and the private endpoints pass through untouched.
 * See docs/partners-caching.md.
 */
const httpCache: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const uncached = UNCACHED_PATHS.map((path) => `${prefix}${path}`);

  return async (ctx, next) => {
    await next();

    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
    if (ctx.status !== 200 || !isUnder(ctx.path, prefix) || uncached.some((base) => isUnder(ctx.path, base))) return;
    if (/\bno-store\b/i.test(ctx.response.get('Cache-Control'))) return;
    const serialized = serializeJsonBody(ctx.body, Boolean(ctx.response.is('json')));
    if (serialized === undefined) return;

    const etag = strongETag(serialized);
    const lastModified = newestUpdatedAt(typeof ctx.body === 'string' ? undefined : ctx.body);
    ctx.set('ETag', etag);
    if (lastModified) ctx.set('Last-Modified', lastModified.toUTCString());
    if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', cacheControlFor(Boolean(ctx.get('Authorization'))));
    ctx.vary('Origin');
    ctx.vary('Authorization');

    const conditional = { ifNoneMatch: ctx.get('If-None-Match'), ifModifiedSince: ctx.get('If-Modified-Since') };
    if (isNotModified(conditional, { etag, lastModified })) {
      // Status first: Koa then drops the body and its Content-Type/Length.
      ctx.status = 304;
      ctx.body = null;
    }
  };
};

export default httpCache;
