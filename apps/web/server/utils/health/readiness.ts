import { REQUEST_ID_HEADER, runHealthChecks, type HealthCheck, type HealthReport } from '@chiudete/types';

/** The part of the site's Redis connection the probe uses (ioredis). */
interface Pingable {
  ping(): Promise<string>;
}

export interface SiteReadinessOptions {
  /** The CMS's origin as this server reaches it (NUXT_STRAPI_URL). */
  cmsUrl: string;
  /** The site's shared Redis, when NUXT_REDIS_URL is set. */
  redis?: Pingable;
  /** Per check (NUXT_HEALTH_CHECK_TIMEOUT_MS). */
  timeoutMs: number;
  requestId?: string;
  fetch?: typeof globalThis.fetch;
  onFailure?: (name: string, reason: unknown) => void;
}

/**
 * Whether this site instance can serve fresh pages: the CMS answers its own
 * readiness probe (`/_health/ready`: its database, Redis, S3), and the
 * site's Redis answers when there is one. Either failing makes the report
 * `degraded`, never `fail`: without its CMS the site serves its cached pages
 * (stale-if-error), without Redis it renders uncached, so an outage of a
 * dependency every instance shares must not take every instance out of the
 * load balancer at once. The report names checks only, never the CMS's address.
 */
export function checkSiteReadiness(options: SiteReadinessOptions): Promise<HealthReport> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const checks: Record<string, HealthCheck> = {
    cms: async () => {
      const response = await doFetch(`${options.cmsUrl.replace(/\/+$/, '')}/_health/ready`, {
        headers: { accept: 'application/json', ...(options.requestId ? { [REQUEST_ID_HEADER]: options.requestId } : {}) },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel();
      if (response.status !== 200) throw new Error(`the CMS's readiness probe answered ${response.status}`);
    },
  };
  const { redis } = options;
  if (redis) {
    checks.redis = async () => {
      const answer = await redis.ping();
      if (answer !== 'PONG') throw new Error(`Redis answered ${answer} to PING`);
    };
  }
  return runHealthChecks(checks, { timeoutMs: options.timeoutMs, onFailure: options.onFailure, degradeOnly: ['cms', 'redis'] });
}
