import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { clientIp, hashIp } from '../api/anti-abuse/lib/client-ip';
import { antiAbuseContext } from '../api/anti-abuse/lib/context';
import { readRateLimitErrorBody, refuse } from '../api/anti-abuse/lib/errors';
import { consumeRateLimitStatus } from '../api/anti-abuse/lib/rate-limiter';
import { siteTokenConfig, siteTokenMatcher } from '../site-token';
import { bearerToken } from '../site-token/client-address';

/**
 * Content API paths with limits of their own (src/api/anti-abuse, and the
 * testimony-submission token routes): not counted here.
 */
const EXCLUDED_PATHS = ['/form-tokens', '/altcha', '/testimony-submissions'];

const isUnder = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

interface Bucket {
  by: 'ip' | 'token' | 'site';
  key: string;
  limit: number;
}

/**
 * Rate limit of the public read API (`GET`/`HEAD /api/...`), in the
 * anti-abuse store (Redis when REDIS_URL is set, so shared by every
 * instance; this process's memory otherwise), with a fixed window:
 * - with the site's own token (exactly SITE_API_TOKEN, compared in constant
 *   time): RATE_LIMIT_READS_SITE for all of the site's reads together,
 *   by default 0 = not counted at all (the site's pages must never fail
 *   because of a reader's traffic; the site limits its visitors itself);
 * - with `Authorization: Bearer <token>` of a real API token:
 *   RATE_LIMIT_READS_TOKEN per token (counted by the token's SHA-256, never
 *   the token itself);
 * - otherwise, and for a bearer token that is not a real API token (random,
 *   malformed, revoked, expired): RATE_LIMIT_READS_ANONYMOUS per client IP
 *   (IPv6: per /64, hashed), so an invented token never buys a fresh
 *   allowance. Whether a token is real is looked up once and remembered
 *   (src/api/anti-abuse/lib/token-verifier.ts).
 * Window: RATE_LIMIT_READS_WINDOW_SECONDS. A limit of 0 turns that bucket off.
 *
 * Every counted response carries the IETF draft headers `RateLimit-Limit`,
 * `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and `RateLimit-Policy`;
 * over the limit: 429 with `Retry-After`, in Strapi's error envelope.
 */
const readRateLimit: Core.MiddlewareFactory = (_config, { strapi }) => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const excluded = EXCLUDED_PATHS.map((path) => `${prefix}${path}`);
  const isSiteToken = siteTokenMatcher(siteTokenConfig(strapi));

  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!isUnder(ctx.path, prefix) || excluded.some((base) => isUnder(ctx.path, base))) return next();

    const { config, store, tokens } = antiAbuseContext(strapi);
    const { windowSeconds } = config.reads;
    const byIp = (): Bucket => ({ by: 'ip', key: `rl:reads:ip:${hashIp(config.ipHashKey, clientIp(ctx))}`, limit: config.reads.anonymous });
    const token = bearerToken(ctx.get('Authorization'));

    let bucket: Bucket;
    if (token === undefined) {
      bucket = byIp();
    } else if (isSiteToken(token)) {
      bucket = { by: 'site', key: 'rl:reads:site', limit: config.reads.site };
    } else {
      const digest = createHash('sha256').update(token).digest('hex');
      bucket = await tokens.verify(token, digest)
        ? { by: 'token', key: `rl:reads:token:${digest}`, limit: config.reads.token }
        : byIp();
    }

    const status = bucket.limit > 0 ? await consumeRateLimitStatus(store, { key: bucket.key, limit: bucket.limit, windowSeconds }) : undefined;
    if (status) {
      const { limit } = bucket;
      ctx.set('RateLimit-Limit', String(limit));
      ctx.set('RateLimit-Remaining', String(status.remaining));
      ctx.set('RateLimit-Reset', String(status.resetSeconds));
      ctx.set('RateLimit-Policy', `${limit};w=${windowSeconds}`);
      if (!status.allowed) {
        ctx.set('Cache-Control', 'no-store');
        refuse(ctx, readRateLimitErrorBody(status.resetSeconds, limit, windowSeconds, bucket.by), status.resetSeconds);
        return;
      }
    }
    await next();
  };
};

export default readRateLimit;
