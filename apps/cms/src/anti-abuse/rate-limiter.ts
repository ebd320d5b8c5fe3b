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

/**
 * Fixed window counted from the first request: the counter and its expiry
 * are set atomically by the store, so every instance sharing the store
 * shares the limit. Every attempt counts, refused ones included: a client
 * that keeps hammering does not get a fresh window sooner.
 */
export async function consumeRateLimit(store: AntiAbuseStore, { key, limit, windowSeconds }: RateLimit): Promise<RateLimitResult> {
  if (limit <= 0) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
  const { count, resetInMs } = await store.increment(key, windowSeconds * 1000);
  if (count <= limit) return { allowed: true, remaining: limit - count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
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
