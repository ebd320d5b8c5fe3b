import { randomBytes } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import type { Redis } from 'ioredis';
import { heapShortfall, siteCacheSettings, type CacheSettings } from './cache-settings';
import { memoryReadCache, redisReadCache } from './cms/read-cache';
import { createCmsReader, type CmsReader } from './cms/reader';
import { clientAddressResolver, clientIpResolver } from './limits/client-ip';
import { renderBudget, type RenderBudget } from './limits/render-budget';
import { memoryPageStore } from './page-cache/memory-store';
import { redisPageStore } from './page-cache/redis-store';
import type { PageStore } from './page-cache/store';
import { connectRedis } from './redis';

/**
 * The site server's shared machinery, created once per process from its
 * settings: the page cache, the CMS reader with its data cache, each
 * client's render budget, all in Redis when NUXT_REDIS_URL is set (shared by
 * every instance), in memory otherwise.
 */
export interface SiteServices {
  settings: CacheSettings;
  redis: Redis | undefined;
  /** Undefined when the page cache is off (NUXT_PAGE_CACHE_TTL_SECONDS=0). */
  pages: PageStore | undefined;
  cms: CmsReader;
  budget: RenderBudget;
  clientAddress: ReturnType<typeof clientAddressResolver>;
  /** The client's own address (for the CMS, which makes its own buckets: the public forms' relay). */
  clientIp: ReturnType<typeof clientIpResolver>;
  /** Secret of this process marking the page cache's own renders. */
  renderSecret: string;
}

let services: SiteServices | undefined;

export function siteServices(): SiteServices {
  if (services) return services;
  const settings = siteCacheSettings();
  const { strapiUrl, strapiToken } = useRuntimeConfig();
  if (!strapiToken && !import.meta.dev) {
    // Fail closed: anonymous reads share the CMS's public limit with every visitor, and one crawler closes the site.
    throw new Error('NUXT_STRAPI_TOKEN is not set: the site must read the CMS with its own token (the CMS creates it from SITE_API_TOKEN; `pnpm setup:env` writes both).');
  }
  // Fail closed: a heap sized for caches in Redis would run out of memory with them in the process.
  const shortfall = heapShortfall(settings, getHeapStatistics().heap_size_limit);
  if (shortfall) throw new Error(shortfall);
  const redis = settings.redisUrl ? connectRedis(settings.redisUrl, 'site-cache') : undefined;
  const { page, cms } = settings;
  services = {
    settings,
    redis,
    pages: page.ttlSeconds === 0 ? undefined : redis ? redisPageStore(redis, settings.redisPrefix) : memoryPageStore({ maxBytes: page.maxBytes }),
    cms: createCmsReader({
      baseUrl: strapiUrl,
      token: strapiToken,
      cache: redis ? redisReadCache(redis, settings.redisPrefix) : memoryReadCache({ maxBytes: cms.maxBytes }),
      ttlSeconds: cms.ttlSeconds,
      retainSeconds: page.staleSeconds,
      timeoutMs: cms.timeoutMs,
    }),
    budget: renderBudget({ ...settings.renderLimit, redis, keyPrefix: `${settings.redisPrefix}:render-budget` }),
    clientAddress: clientAddressResolver(settings.trustedProxies),
    clientIp: clientIpResolver(settings.trustedProxies),
    renderSecret: randomBytes(18).toString('base64url'),
  };
  return services;
}
