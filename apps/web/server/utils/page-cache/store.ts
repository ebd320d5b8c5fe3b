import { PAGE_PREFIX, pathOfKey } from './key';
import type { Purge } from './paths';

/**
 * The page cache over a key-value storage: Nitro's `useStorage('page-cache')`
 * (memory by default, Redis with NUXT_REDIS_URL), or any object with the same
 * methods (tests).
 */
export interface KeyValueStore {
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: PageCacheEntry | number, options?: { ttl?: number }): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(base?: string): Promise<string[]>;
}

export interface PageCacheEntry {
  body: string;
  /** The response headers worth replaying (content type, robots...). */
  headers: Record<string, string>;
  /** When it was stored, ms since the epoch. */
  storedAt: number;
}

/** Time of the latest purge: a page whose rendering started before it may show what was purged, so it is not stored. */
export const LAST_PURGE_KEY = 'purge:last';

const isEntry = (value: unknown): value is PageCacheEntry =>
  typeof value === 'object' && value !== null
  && typeof (value as PageCacheEntry).body === 'string'
  && typeof (value as PageCacheEntry).storedAt === 'number'
  && typeof (value as PageCacheEntry).headers === 'object';

/** A fresh entry, or null (missing, malformed or older than the TTL, which also removes it). */
export async function readEntry(store: KeyValueStore, key: string, ttlSeconds: number, now = Date.now()): Promise<PageCacheEntry | null> {
  const value = await store.getItem(key);
  if (value === null || value === undefined) return null;
  if (!isEntry(value) || now - value.storedAt > ttlSeconds * 1000 || value.storedAt > now + 60_000) {
    await store.removeItem(key);
    return null;
  }
  return value;
}

/**
 * Stores a rendered page unless a purge happened since its rendering began
 * (it may hold the content just purged). Returns whether it was stored.
 */
export async function writeEntry(
  store: KeyValueStore,
  key: string,
  entry: PageCacheEntry,
  { ttlSeconds, renderStartedAt }: { ttlSeconds: number; renderStartedAt: number },
): Promise<boolean> {
  const lastPurge = Number(await store.getItem(LAST_PURGE_KEY)) || 0;
  if (lastPurge >= renderStartedAt) return false;
  await store.setItem(key, entry, { ttl: ttlSeconds });
  return true;
}

/** Removes the matching pages (every query variant of each path); returns the paths actually removed. */
export async function purgePages(store: KeyValueStore, purge: Purge, { ttlSeconds, now = Date.now() }: { ttlSeconds: number; now?: number }): Promise<string[]> {
  // Marked first: a rendering that started before this moment is not stored afterwards.
  await store.setItem(LAST_PURGE_KEY, now, { ttl: Math.max(ttlSeconds, 60) });
  const paths = new Set(purge.paths);
  const matches = (path: string) => purge.all || paths.has(path) || purge.prefixes.some((prefix) => path.startsWith(prefix));
  const removed = new Set<string>();
  for (const key of await store.getKeys(PAGE_PREFIX)) {
    const path = pathOfKey(key);
    if (path !== null && matches(path)) {
      await store.removeItem(key);
      removed.add(path);
    }
  }
  return [...removed].sort();
}
