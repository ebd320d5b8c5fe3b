import type { Core } from '@strapi/strapi';
import { clientIp, hashIp } from '../../anti-abuse/lib/client-ip';
import { antiAbuseContext } from '../../anti-abuse/lib/context';
import { rateLimitErrorBody, refuse } from '../../anti-abuse/lib/errors';
import { consumeRateLimit } from '../../anti-abuse/lib/rate-limiter';
import type { SubmissionsConfig } from '../../../../config/submissions';

/**
 * Rate limit of the status/withdraw-by-token routes, per client IP, in the
 * anti-abuse store (shared by every instance when REDIS_URL is set) and
 * window (RATE_LIMIT_WINDOW_SECONDS). Tokens are 256-bit, so this is not
 * what stops guessing: it keeps a client from hammering the database.
 * 429 with Retry-After in Strapi's envelope, like the form limits.
 */
const tokenRateLimit: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    const limit = strapi.config.get<SubmissionsConfig>('submissions').tokenRequestsPerIp;
    const { config, store } = antiAbuseContext(strapi);
    const ipHash = hashIp(config.ipHashKey, clientIp(ctx));
    const result = await consumeRateLimit(store, {
      key: `rl:submission-token:ip:${ipHash}`,
      limit,
      windowSeconds: config.rateLimit.windowSeconds,
    });
    if (!result.allowed) {
      ctx.set('Cache-Control', 'no-store');
      refuse(ctx, rateLimitErrorBody(result.retryAfterSeconds, 'requests'), result.retryAfterSeconds);
      return;
    }
    await next();
  };
};

export default tokenRateLimit;
