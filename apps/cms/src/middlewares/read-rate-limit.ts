import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { clientIp, hashIp } from '../anti-abuse/client-ip';
import { antiAbuseContext } from '../anti-abuse/context';
import { readRateLimitErrorBody, refuse } from '../anti-abuse/errors';
import { consumeRateLimitStatus } from '../anti-abuse/rate-limiter';

/**
 * Content API paths with limits of their own (src/api/anti-abuse, and the
 * testimony-submission token routes): not counted here.
 */
const EXCLUDED_PATHS = ['/form-tokens', '/altcha', '/testimony-submissions'];

const isUnder = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/** The token of `Authorization: Bearer <token>`, or undefined. */
function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Rate limit of the public read API (`GET`/`HEAD /api/...`), in the
 * anti-abuse store (Redis when REDIS_URL is set, so shared by every
 * instance; this process's memory otherwise), with a fixed window:
 * - with `Authorization: Bearer <token>`: RATE_LIMIT_READS_TOKEN per token
 *   (counted by the token's SHA-256, never the token itself; the token is
 *   validated later by Strapi, so an invalid one gets this bucket, then 401);
 * - otherwise: RATE_LIMIT_READS_ANONYMOUS per client IP (IPv6: per /64, hashed).
 * Window: RATE_LIMIT_READS_WINDOW_SECONDS. A limit of 0 turns that bucket off.
 *
 * Every counted response carries the IETF draft headers `RateLimit-Limit`,
 * `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and `RateLimit-Policy`;
 * over the limit: 429 with `Retry-After`, in Strapi's error envelope.
 */
const readRateLimit: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const excluded = EXCLUDED_PATHS.map((path) => `${prefix}${path}`);

  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!isUnder(ctx.path, prefix) || excluded.some((base) => isUnder(ctx.path, base))) return next();

    const { config, store } = antiAbuseContext(strapi);
    const { windowSeconds } = config.reads;
    const token = bearerToken(ctx.get('Authorization'));
    const by = token === undefined ? 'ip' : 'token';
    const limit = token === undefined ? config.reads.anonymous : config.reads.token;
    if (limit <= 0) return next();

    const key = token === undefined
      ? `rl:reads:ip:${hashIp(config.ipHashKey, clientIp(ctx))}`
      : `rl:reads:token:${createHash('sha256').update(token).digest('hex')}`;
    const status = await consumeRateLimitStatus(store, { key, limit, windowSeconds });

    ctx.set('RateLimit-Limit', String(limit));
    ctx.set('RateLimit-Remaining', String(status.remaining));
    ctx.set('RateLimit-Reset', String(status.resetSeconds));
    ctx.set('RateLimit-Policy', `${limit};w=${windowSeconds}`);

    if (!status.allowed) {
      ctx.set('Cache-Control', 'no-store');
      refuse(ctx, readRateLimitErrorBody(status.resetSeconds, limit, windowSeconds, by), status.resetSeconds);
      return;
    }
    await next();
  };
};

export default readRateLimit;
