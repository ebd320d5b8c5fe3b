import { describe, expect, it } from 'vitest';
import { cacheSettings, heapShortfall } from './cache-settings';

const MB = 1024 * 1024;

describe('heapShortfall', () => {
  // The production stack's cap (docker-compose.yml): 128 MB of old generation and 3 × 16 MB of young.
  const capped = 176 * MB;

  it('lets a capped heap run when the caches are in Redis', () => {
    expect(heapShortfall(cacheSettings({ redisUrl: 'redis://redis:6379/0' }), capped)).toBeNull();
  });

  it('refuses the same cap with the default caches in the process, naming what to change', () => {
    const message = heapShortfall(cacheSettings({}), capped);
    expect(message).toContain('capped at 176 MB');
    expect(message).toContain('64 MB of pages (NUXT_PAGE_CACHE_MAX_MEGABYTES)');
    expect(message).toContain('32 MB of CMS answers (NUXT_CMS_CACHE_MAX_MEGABYTES)');
    expect(message).toContain('192 MB in all');
    expect(message).toContain('NUXT_REDIS_URL');
  });

  it('accepts the cap once the caches in memory are small enough to fit, or the page cache is off', () => {
    expect(heapShortfall(cacheSettings({ pageCache: { maxMegabytes: '32' } }), capped)).toBeNull();
    expect(heapShortfall(cacheSettings({ pageCache: { ttlSeconds: '0' } }), capped)).toBeNull();
  });

  it('accepts V8\'s own sizing on an ordinary machine', () => {
    expect(heapShortfall(cacheSettings({}), 4 * 1024 * MB)).toBeNull();
  });
});
