import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Each client's budget of expensive work: renders of pages that are not in
 * the cache, and searches. One client (a crawler walking every link with a
 * new query, a script) spends its own budget and then gets 429s, cheaply,
 * while other readers keep theirs; pages in the cache are never counted.
 * Shared by every instance through Redis when there is one (rate-limiter-
 * flexible), with this process's memory as insurance while Redis is down.
 */
export interface RenderBudget {
  /** Charges one render to `client`: undefined when allowed, otherwise the seconds to wait. */
  take(client: string): Promise<number | undefined>;
}

export interface RenderBudgetOptions {
  /** Renders per window and client; 0: no limit. */
  points: number;
  windowSeconds: number;
  redis?: Redis;
  keyPrefix: string;
}

export function renderBudget({ points, windowSeconds, redis, keyPrefix }: RenderBudgetOptions): RenderBudget {
  if (points <= 0) return { take: async () => undefined };
  const memory = new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix });
  const limiter = redis
    ? new RateLimiterRedis({ storeClient: redis, points, duration: windowSeconds, keyPrefix, rejectIfRedisNotReady: true, insuranceLimiter: memory })
    : memory;
  return {
    async take(client) {
      try {
        await limiter.consume(client);
        return undefined;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        // Neither Redis nor the insurance answered: do not turn a broken limiter into an outage.
        console.error(`[render-budget] ${(rejection as Error).message}`);
        return undefined;
      }
    },
  };
}
