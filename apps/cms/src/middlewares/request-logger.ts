import type { Core } from '@strapi/strapi';

/** Private submission tokens travel in the path: never write them to the logs. */
const PRIVATE_PATH = /(\/testimony-submissions\/(?:status|withdraw)\/)[^/?#]+/;

export const maskPrivateTokens = (url: string): string => url.replace(PRIVATE_PATH, '$1[token]');

/** `strapi::logger`'s one line per request, with private tokens masked. */
const requestLogger: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  const start = Date.now();
  try {
    await next();
  } finally {
    strapi.log.http(`${ctx.method} ${maskPrivateTokens(ctx.url)} (${Date.now() - start} ms) ${ctx.status}`);
  }
};

export default requestLogger;
