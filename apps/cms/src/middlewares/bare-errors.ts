import { STATUS_CODES } from 'node:http';
import type { Core } from '@strapi/strapi';

export interface ErrorEnvelope {
  data: null;
  error: { status: number; name: string; message: string; details: Record<string, never> };
}

/** Strapi's error envelope for a status: `405` → `MethodNotAllowedError`, "Method Not Allowed". */
export function errorEnvelope(status: number): ErrorEnvelope {
  const message = STATUS_CODES[status] ?? 'Client Error';
  return { data: null, error: { status, name: `${message.replace(/[^A-Za-z]/g, '')}Error`, message, details: {} } };
}

/**
 * The answers Koa's router gives without a body, in Strapi's error envelope:
 * `405 Method Not Allowed` for a method a route does not offer
 * (`PUT /api/articles`), and `501 Not Implemented` for a method no route
 * offers (`PROPFIND`), which becomes a 405 too (the API offers GET, HEAD,
 * POST and OPTIONS; a 5xx would say the server failed). Otherwise Koa sends
 * the bare text "Method Not Allowed", and clients (the typed client,
 * partners) expect `{ data: null, error: { status, name, message } }` on
 * every error. Registered right after `strapi::errors`, so it sees the final
 * status. Found by tests/fuzz-contract.test.ts.
 */
const bareErrors: Core.MiddlewareFactory = () => async (ctx, next) => {
  await next();
  const status = ctx.status === 501 && ctx.body == null ? 405 : ctx.status;
  if (status >= 400 && status < 500 && ctx.body == null) {
    ctx.body = ctx.method === 'HEAD' ? null : errorEnvelope(status);
    // Setting a body may reset an implicit status: keep the router's.
    ctx.status = status;
  }
};

export default bareErrors;
