/**
 * The settings of the site's caches and limits, from runtimeConfig (read
 * once at start: `NUXT_*` variables), checked: a wrong value falls back on
 * the default rather than turning a cache into a leak or a limit off.
 */
export interface CacheSettings {
  page: {
    /** How long a stored page is served without asking the app again (0: no page cache). */
    ttlSeconds: number;
    /** How long past that a page is kept to be served when the CMS fails. */
    staleSeconds: number;
    maxBytes: number;
    /**
     * A miss answers within this (stale, or a 503 page) whatever happens in the
     * render. A hanging CMS is caught sooner, by the CMS reads' own timeout
     * (cms.timeoutMs) and pause; this is the last resort, long enough that a
     * busy server makes readers wait rather than fail.
     */
    renderTimeoutMs: number;
    /** Pages rendered at the same time; the others wait their turn. */
    renderConcurrency: number;
  };
  cms: {
    /** How long a CMS answer is reused without a purge (0: no data cache). */
    ttlSeconds: number;
    maxBytes: number;
    /** Per attempt. */
    timeoutMs: number;
  };
  /** Renders of uncached pages and searches allowed per client and window (0: no limit). */
  renderLimit: { points: number; windowSeconds: number };
  /** proxy-addr trust list: whose X-Forwarded-For is believed (empty: nobody's). */
  trustedProxies: string[];
  redisUrl: string;
  /** Prefix of the site's keys in Redis (one per site sharing a Redis). */
  redisPrefix: string;
  /** The caching proxy to purge along with the site's own cache (empty: none). */
  proxyPurgeUrl: string;
}

const whole = (value: unknown, fallback: number, max: number): number => {
  const number = Number(value);
  return value !== '' && value !== undefined && Number.isInteger(number) && number >= 0 && number <= max ? number : fallback;
};
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const MB = 1024 * 1024;

interface RawConfig {
  redisUrl?: unknown;
  trustedProxies?: unknown;
  proxyPurgeUrl?: unknown;
  strapiTimeoutMs?: unknown;
  pageCache?: { ttlSeconds?: unknown; staleSeconds?: unknown; maxMegabytes?: unknown; renderTimeoutMs?: unknown; renderConcurrency?: unknown; redisPrefix?: unknown };
  cmsCache?: { ttlSeconds?: unknown; maxMegabytes?: unknown };
  renderLimit?: { points?: unknown; windowSeconds?: unknown };
}

export function cacheSettings(config: RawConfig): CacheSettings {
  return {
    page: {
      ttlSeconds: whole(config.pageCache?.ttlSeconds, 600, 86_400),
      staleSeconds: whole(config.pageCache?.staleSeconds, 86_400, 7 * 86_400),
      maxBytes: (whole(config.pageCache?.maxMegabytes, 64, 4_096) || 64) * MB,
      renderTimeoutMs: whole(config.pageCache?.renderTimeoutMs, 10_000, 60_000) || 10_000,
      renderConcurrency: whole(config.pageCache?.renderConcurrency, 4, 64) || 4,
    },
    cms: {
      ttlSeconds: whole(config.cmsCache?.ttlSeconds, 600, 86_400),
      maxBytes: (whole(config.cmsCache?.maxMegabytes, 32, 4_096) || 32) * MB,
      timeoutMs: whole(config.strapiTimeoutMs, 1_200, 60_000) || 1_200,
    },
    renderLimit: {
      points: whole(config.renderLimit?.points, 30, 1_000_000),
      windowSeconds: whole(config.renderLimit?.windowSeconds, 10, 3_600) || 10,
    },
    trustedProxies: text(config.trustedProxies).split(',').map((item) => item.trim()).filter(Boolean),
    redisUrl: text(config.redisUrl),
    redisPrefix: text(config.pageCache?.redisPrefix) || 'chiudete:page-cache',
    proxyPurgeUrl: text(config.proxyPurgeUrl).replace(/\/+$/, ''),
  };
}

let settings: CacheSettings | undefined;

/** The settings of this process (runtimeConfig as the environment set it at start). */
export function siteCacheSettings(): CacheSettings {
  settings ??= cacheSettings(useRuntimeConfig() as RawConfig);
  return settings;
}

/** What a render needs of the heap besides the caches: the app (about 40 MB live) and the renders in flight. */
const RENDER_HEAP_BYTES = 96 * MB;

/**
 * Why this heap cannot hold the caches kept in memory (no Redis), or null
 * when it can. The production stack caps the heap (NODE_OPTIONS
 * `--max-old-space-size`) because its caches are in Redis; the same cap with
 * the caches in the process would run out of memory once they fill up.
 */
export function heapShortfall(settings: CacheSettings, heapLimitBytes: number): string | null {
  if (settings.redisUrl) return null;
  const pages = settings.page.ttlSeconds === 0 ? 0 : settings.page.maxBytes;
  const needed = pages + settings.cms.maxBytes + RENDER_HEAP_BYTES;
  if (heapLimitBytes >= needed) return null;
  const mb = (bytes: number) => Math.round(bytes / MB);
  return `The heap is capped at ${mb(heapLimitBytes)} MB (NODE_OPTIONS), but without NUXT_REDIS_URL the caches live in this process: `
    + `${mb(pages)} MB of pages (NUXT_PAGE_CACHE_MAX_MEGABYTES) and ${mb(settings.cms.maxBytes)} MB of CMS answers (NUXT_CMS_CACHE_MAX_MEGABYTES), `
    + `plus about ${mb(RENDER_HEAP_BYTES)} MB to render, ${mb(needed)} MB in all. Set NUXT_REDIS_URL, lower those caches, or raise --max-old-space-size.`;
}
