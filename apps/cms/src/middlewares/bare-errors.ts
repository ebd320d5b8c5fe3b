import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Core } from '@strapi/strapi';

export interface ErrorEnvelope {
  data: null;
  error: { status: number; name: string; message: string; details: Record<string, unknown> };
}

/** Strapi's error envelope for a status: `404` → `NotFoundError`, "Not Found". */
export function errorEnvelope(status: number): ErrorEnvelope {
  const message = STATUS_CODES[status] ?? 'Client Error';
  return { data: null, error: { status, name: `${message.replace(/[^A-Za-z]/g, '')}Error`, message, details: {} } };
}

/** The methods of an `Allow` header (`HEAD, GET`), in alphabetical order. */
export function allowedMethods(allow: string | undefined): string[] {
  return [...new Set((allow ?? '').split(',').map((method) => method.trim().toUpperCase()).filter((method) => /^[A-Z]+$/.test(method)))].sort();
}

/**
 * A 405 in Strapi's envelope, with a message that names the methods the
 * path answers (those of the router's `Allow` header, also in
 * `details.allow`): `DELETE /api/articles/…` → "Method DELETE is not
 * allowed here: use GET or HEAD (see the Allow header).".
 */
export function methodNotAllowedEnvelope(method: string, allow: string[]): ErrorEnvelope {
  const methods = allow.length === 0 ? 'none' : allow.length === 1 ? allow[0] : `${allow.slice(0, -1).join(', ')} or ${allow[allow.length - 1]}`;
  const message = allow.length === 0
    ? `Method ${method} is not allowed here.`
    : `Method ${method} is not allowed here: use ${methods} (see the Allow header).`;
  return { data: null, error: { status: 405, name: 'MethodNotAllowedError', message, details: { allow } } };
}

/** A route of koa-router, as it lists them in `ctx.matched`: those whose path matches the request's, whatever the method. */
interface MatchedLayer {
  methods: string[];
  match(path: string): boolean;
}

/** A path no route has: a route that matches it matches every path. */
const NO_SUCH_PATH = `/${randomUUID()}/${randomUUID()}`;

/**
 * Whether a route of the app has this path. Strapi serves the public
 * folder with a `GET` route matching every path (`strapi::public`), so
 * koa-router answers a write to any path with a 405 "use GET or HEAD":
 * that catch-all, like the middleware layers (no methods), does not count.
 */
export function hasRoute(matched: readonly MatchedLayer[] | undefined): boolean {
  return (matched ?? []).some((layer) => layer.methods.length > 0 && !layer.match(NO_SUCH_PATH));
}

/**
 * The answers Koa's router gives without a body, in Strapi's error envelope:
 * `405 Method Not Allowed` for a method a route does not offer
 * (`PUT /api/articles`, from koa-router's `allowedMethods()`, which @strapi/core
 * mounts after the routes and which sets `Allow`), and `501 Not Implemented`
 * for a method no route offers (`PROPFIND`), which becomes a 405 too (the
 * API offers GET, HEAD, POST and OPTIONS; a 5xx would say the server
 * failed). Under the API's prefix, either is a `404 Not Found` when no
 * route has the path (`POST /api/nothing-here`: only the public folder's
 * catch-all answered it, see `hasRoute`), as a `GET` there is. Otherwise
 * Koa sends the bare text "Method Not Allowed", and clients (the typed
 * client, partners) expect
 * `{ data: null, error: { status, name, message, details } }` on every error.
 * Registered right after `strapi::errors`, so it sees the final status.
 * HEAD gets the status and headers, no body; OPTIONS (200 with `Allow`, or
 * the CORS preflight) is left as it is. Found by tests/fuzz-contract.test.ts;
 * tested by tests/public-errors.test.ts.
 */
const bareErrors: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');

  return async (ctx, next) => {
    await next();
    let status = ctx.status === 501 && ctx.body == null ? 405 : ctx.status;
    const isContentApi = ctx.path === prefix || ctx.path.startsWith(`${prefix}/`);
    if (status === 405 && ctx.body == null && isContentApi && !hasRoute((ctx as { matched?: MatchedLayer[] }).matched)) {
      status = 404;
      ctx.remove('Allow');
    }
    if (status >= 400 && status < 500 && ctx.body == null) {
      const allow = allowedMethods(ctx.response.get('Allow') || undefined);
      ctx.body = ctx.method === 'HEAD' ? null : status === 405 ? methodNotAllowedEnvelope(ctx.method, allow) : errorEnvelope(status);
      // Setting a body may reset an implicit status: keep the router's.
      ctx.status = status;
    }
  };
};

export default bareErrors;
