import redisDriver from 'unstorage/drivers/redis';
import { pageCacheSettings, PAGE_CACHE_STORAGE } from '../utils/page-cache/config';
import { boundedMemoryDriver } from '../utils/page-cache/memory-driver';
import { isCacheableResponse } from '../utils/page-cache/policy';
import { writeEntry } from '../utils/page-cache/store';
import { pageCacheStore } from '../utils/page-cache/storage';

type Driver = Parameters<ReturnType<typeof useStorage>['mount']>[1];

/** Headers that belong to one response only, never replayed from the cache. */
const NOT_REPLAYED = new Set(['set-cookie', 'date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'x-cache', 'age']);

/**
 * The page cache: mounts its storage (Redis when NUXT_REDIS_URL is set, so
 * that every instance of the site shares it and one purge reaches them all;
 * otherwise a bounded memory store), and stores the pages that
 * server/middleware/page-cache.ts marked as misses, once rendered.
 */
export default defineNitroPlugin((nitroApp) => {
  const settings = pageCacheSettings();
  if (settings.redisUrl) {
    const driver = redisDriver({
      url: settings.redisUrl,
      base: settings.redisPrefix,
      ttl: settings.ttlSeconds || undefined,
      // Fail fast while Redis is down (pages are then rendered, not cached), never queue.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    });
    // ioredis reconnects on its own; say so once a minute rather than at every attempt.
    let lastLogged = 0;
    driver.getInstance().on('error', (error) => {
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      console.error(`[page-cache] Redis unavailable (${error.message}): pages are rendered without the cache until it is back.`);
    });
    useStorage().mount(PAGE_CACHE_STORAGE, driver as unknown as Driver);
  } else {
    useStorage().mount(PAGE_CACHE_STORAGE, boundedMemoryDriver({ maxEntries: settings.maxEntries }));
  }

  nitroApp.hooks.hook('beforeResponse', async (event, response) => {
    const mark = event.context.pageCache;
    if (!mark) return;
    event.context.pageCache = undefined;
    if (event.method !== 'GET' || event.context.preview || typeof response.body !== 'string') return;

    const headers = getResponseHeaders(event);
    const text = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value));
    const cacheable = isCacheableResponse({
      status: getResponseStatus(event),
      contentType: text(headers['content-type']),
      setCookie: headers['set-cookie'] !== undefined,
      cacheControl: text(headers['cache-control']),
    });
    if (!cacheable) return;

    const replayed: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const single = text(value);
      if (single !== undefined && !NOT_REPLAYED.has(name.toLowerCase())) replayed[name.toLowerCase()] = single;
    }
    try {
      await writeEntry(pageCacheStore(), mark.key, { body: response.body, headers: replayed, storedAt: Date.now() }, {
        ttlSeconds: pageCacheSettings(event).ttlSeconds,
        renderStartedAt: mark.renderStartedAt,
      });
    } catch (error) {
      console.error(`[page-cache] could not store ${event.path}: ${(error as Error).message}`);
    }
  });
});
