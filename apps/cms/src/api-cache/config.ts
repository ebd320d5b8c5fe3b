/**
 * Settings of the response cache of the public read API (src/api-cache),
 * read from the environment once per Strapi instance. A wrong value stops
 * the boot with a message instead of silently caching too much or too long.
 */
export interface ApiCacheConfig {
  /** Lifetime of a cached response without a purge (API_CACHE_TTL_SECONDS); 0 turns the cache off. */
  ttlSeconds: number;
  /** Memory the cache may use in this process when there is no Redis (API_CACHE_MAX_MB). */
  maxBytes: number;
  /** Largest response kept: bigger ones are served uncached. */
  maxEntryBytes: number;
  redis: {
    /** REDIS_URL (the anti-abuse store's): unset, each instance keeps its own cache in memory. */
    url: string | undefined;
    /** Prefix of every key written to Redis (API_CACHE_REDIS_PREFIX). */
    keyPrefix: string;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

const MB = 1024 * 1024;

const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`API cache configuration: ${name}="${raw}" must be a whole number between ${min} and ${max}.`);
  }
  return Number(raw);
}

export function loadApiCacheConfig(env: Env = process.env): ApiCacheConfig {
  const maxBytes = readInt(env, 'API_CACHE_MAX_MB', 64, 1, 65_536) * MB;
  return {
    ttlSeconds: readInt(env, 'API_CACHE_TTL_SECONDS', 300, 0, 86_400),
    maxBytes,
    maxEntryBytes: Math.min(4 * MB, Math.floor(maxBytes / 4)),
    redis: {
      url: read(env, 'REDIS_URL'),
      keyPrefix: read(env, 'API_CACHE_REDIS_PREFIX') ?? 'chiudete:api-cache:',
    },
  };
}
