import type { H3Event } from 'h3';

export interface PageCacheSettings {
  /** 0 turns the page cache off. */
  ttlSeconds: number;
  maxEntries: number;
  redisUrl: string;
  /** Prefix of the page cache's keys in Redis. */
  redisPrefix: string;
}

const wholeNumber = (value: unknown, fallback: number, max: number): number => {
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 && number <= max ? number : fallback;
};

/**
 * runtimeConfig.pageCache (NUXT_PAGE_CACHE_TTL_SECONDS, NUXT_PAGE_CACHE_MAX_ENTRIES,
 * NUXT_PAGE_CACHE_REDIS_PREFIX)
 * and runtimeConfig.redisUrl (NUXT_REDIS_URL), checked: a wrong value falls
 * back on the default rather than turning the cache into a leak.
 */
export function pageCacheSettings(event?: H3Event): PageCacheSettings {
  const config = useRuntimeConfig(event);
  return {
    ttlSeconds: wholeNumber(config.pageCache?.ttlSeconds, 600, 86_400),
    maxEntries: wholeNumber(config.pageCache?.maxEntries, 1_000, 100_000) || 1_000,
    redisUrl: typeof config.redisUrl === 'string' ? config.redisUrl.trim() : '',
    redisPrefix: (typeof config.pageCache?.redisPrefix === 'string' && config.pageCache.redisPrefix.trim()) || 'chiudete:page-cache',
  };
}

/** The mount point in Nitro's storage. */
export const PAGE_CACHE_STORAGE = 'page-cache';
