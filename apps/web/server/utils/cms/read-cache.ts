import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * The CMS's answers as this site read them, by URL: each page's data is
 * read once, not once per render. A purge (every content change) starts a
 * new generation: answers of the old one are never read again, and a read
 * that began before the purge is stored under the old one, so it can never
 * bring back what the purge removed. In memory (one instance) or in Redis
 * (shared by every instance of the site, so one purge reaches them all).
 */
export interface CachedRead {
  /** When the CMS answered, ms since the epoch. */
  storedAt: number;
  /** The JSON text of a 200. */
  body: string;
}

export interface ReadCacheStore {
  /** The current generation, and the entry stored under it for `url` if any. */
  lookup(url: string): Promise<{ generation: string; entry?: CachedRead }>;
  store(generation: string, url: string, entry: CachedRead, retainSeconds: number): Promise<void>;
  purge(): Promise<void>;
}

export function memoryReadCache({ maxBytes, now = Date.now }: { maxBytes: number; now?: () => number }): ReadCacheStore {
  let generation = 0;
  const entries = new LRUCache<string, CachedRead & { generation: string }>({
    maxSize: maxBytes,
    sizeCalculation: (entry, url) => entry.body.length * 2 + url.length * 2 + 64,
    ttlAutopurge: false,
    ttlResolution: 0,
    perf: { now },
  });
  return {
    async lookup(url) {
      const current = String(generation);
      const entry = entries.get(url);
      return entry?.generation === current ? { generation: current, entry } : { generation: current };
    },
    async store(at, url, entry, retainSeconds) {
      if (at !== String(generation) || entry.body.length * 2 > maxBytes) return;
      entries.set(url, { ...entry, generation: at }, { ttl: retainSeconds * 1000 });
    },
    async purge() {
      generation += 1;
      entries.clear();
    },
  };
}

/** GET the generation and the entry under it in one round trip. */
const LOOKUP = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
`;

export function redisReadCache(redis: Redis, prefix: string): ReadCacheStore {
  const generationKey = `${prefix}:cms:generation`;
  const entryPrefix = `${prefix}:cms:entry:`;
  const hash = (url: string) => createHash('sha256').update(url).digest('base64url').slice(0, 27);
  return {
    async lookup(url) {
      const [generation, raw] = (await redis.eval(LOOKUP, 1, generationKey, entryPrefix, hash(url))) as [string, string | null];
      if (!raw) return { generation };
      const newline = raw.indexOf('\n');
      return { generation, entry: { storedAt: Number(raw.slice(0, newline)), body: raw.slice(newline + 1) } };
    },
    async store(generation, url, entry, retainSeconds) {
      await redis.set(`${entryPrefix}${generation}:${hash(url)}`, `${entry.storedAt}\n${entry.body}`, 'PX', retainSeconds * 1000);
    },
    async purge() {
      await redis.incr(generationKey);
    },
  };
}
