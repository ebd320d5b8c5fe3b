import { REQUEST_ID_HEADER, acceptRequestId, maskPrivateTokens } from '@chiudete/types';
import type { Core } from '@strapi/strapi';
import { isHealthProbe } from '../health/paths';
import { runWithRequestId } from '../logging/request-id-context';

/** Private submission tokens travel in the path: masked (@chiudete/types, shared with the site's log). */
export { maskPrivateTokens };

/**
 * The request id and one log line per request (in place of `strapi::logger`).
 *
 * - The id: the caller's `X-Request-Id` when it is a valid one (the proxy's,
 *   or the site's server passing on its own), a new UUID otherwise
 *   (@chiudete/types, request-id.ts). Echoed in the answer, kept in
 *   `ctx.state.requestId`, and on every log line written while the request
 *   is served (src/logging).
 * - The line: level `http`, the fields method, path (without the query),
 *   status and duration (ms), private tokens masked. In production one JSON
 *   object (config/logger.ts). Health probes that pass are `debug` (below
 *   production's level: a probe every few seconds is not news).
 */
const requestLogger: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  const start = performance.now();
  const requestId = acceptRequestId(ctx.get(REQUEST_ID_HEADER));
  ctx.state.requestId = requestId;
  ctx.set(REQUEST_ID_HEADER, requestId);
  try {
    await runWithRequestId(requestId, next);
  } finally {
    const duration = Math.round(performance.now() - start);
    const level = isHealthProbe(ctx.path) && ctx.status < 400 ? 'debug' : 'http';
    strapi.log[level](`${ctx.method} ${maskPrivateTokens(ctx.url)} (${duration} ms) ${ctx.status}`, {
      requestId,
      method: ctx.method,
      path: maskPrivateTokens(ctx.path),
      status: ctx.status,
      duration,
    });
  }
};

export default requestLogger;
