import { Redis } from 'ioredis';

/**
 * One Redis connection per process for everything the site shares between
 * its instances (the page cache, the CMS data cache, the render limits),
 * or undefined without NUXT_REDIS_URL. Commands fail fast while Redis is
 * away (no offline queue, one retry, a short timeout): callers then render
 * without the cache or limit in memory, never hang on it.
 */
export function connectRedis(url: string, label: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
  });
  // ioredis reconnects on its own; say so once a minute rather than at every attempt.
  let lastLogged = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    console.error(`[${label}] Redis unavailable (${error.message}): pages are rendered without the shared cache until it is back.`);
  });
  return redis;
}
