import type { AntiAbuseStore } from './store';

export interface RateLimit {
  /** Counter key (the store adds its own prefix). */
  key: string;
  /** Requests allowed per window; 0 means no limit. */
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult
  = | { allowed: true; remaining: number }
    | { allowed: false; retryAfterSeconds: number };

/** One rule's state after a request, for the IETF `RateLimit-*` headers. */
export interface RateLimitStatus {
  allowed: boolean;
  /** Requests still allowed in this window (0 once refused); Infinity without a limit. */
  remaining: number;
  /** Seconds until the window ends (at least 1); 0 without a limit. */
  resetSeconds: number;
}

/**
 * Fixed window counted from the first request: the counter and its expiry
 * are set atomically by the store, so every instance sharing the store
 * shares the limit. Every attempt counts, refused ones included: a client
 * that keeps hammering does not get a fresh window sooner.
 */
export async function consumeRateLimitStatus(store: AntiAbuseStore, { key, limit, windowSeconds }: RateLimit): Promise<RateLimitStatus> {
  if (limit <= 0) return { allowed: true, remaining: Number.POSITIVE_INFINITY, resetSeconds: 0 };
  const { count, resetInMs } = await store.increment(key, windowSeconds * 1000);
  const resetSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetSeconds };
}

/** `consumeRateLimitStatus`, as allowed-with-remaining or refused-with-retry-after. */
export async function consumeRateLimit(store: AntiAbuseStore, rule: RateLimit): Promise<RateLimitResult> {
  const { allowed, remaining, resetSeconds } = await consumeRateLimitStatus(store, rule);
  return allowed ? { allowed: true, remaining } : { allowed: false, retryAfterSeconds: resetSeconds };
}

/** Checks limits in order and stops at the first one exceeded (later counters are not touched). */
export async function consumeRateLimits(store: AntiAbuseStore, limits: readonly RateLimit[]): Promise<RateLimitResult> {
  let remaining = Number.POSITIVE_INFINITY;
  for (const limit of limits) {
    const result = await consumeRateLimit(store, limit);
    if (!result.allowed) return result;
    remaining = Math.min(remaining, result.remaining);
  }
  return { allowed: true, remaining };
}
