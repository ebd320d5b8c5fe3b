import type { Core } from '@strapi/strapi';

/** The request field where `strapi::query` caches each parsed query string. */
export interface QueryCacheHolder {
  _querycache?: Record<string, unknown>;
}

/**
 * A parsed-query cache without a prototype, for every request.
 *
 * `strapi::query` defines `ctx.request.query` as `qs.parse(querystring)`,
 * cached per request in `this._querycache[querystring]`, a plain `{}` it
 * creates on first use. The raw query string is the key: for
 * `GET /api/articles?__proto__` the cache answers `Object.prototype`
 * (`?constructor`, `?toString`...: built-in functions) instead of a parsed
 * query, and the first middleware that sets a query parameter (the
 * `<type>-populate` middlewares set `populate`) writes it onto
 * Object.prototype, for every object in the process, until it restarts.
 * Found by tests/fuzz-contract.test.ts.
 *
 * A cache created here first, without a prototype, holds no such keys
 * (Strapi keeps an existing cache). Registered first in config/middlewares.ts.
 */
export const withSafeQueryCache = (request: QueryCacheHolder): void => {
  request._querycache = Object.create(null) as Record<string, unknown>;
};

const safeQuery: Core.MiddlewareFactory = () => async (ctx, next) => {
  withSafeQueryCache(ctx.request as unknown as QueryCacheHolder);
  await next();
};

export default safeQuery;
