import { describe, expect, it } from 'vitest';
import { boundedMemoryDriver } from './memory-driver';
import { pageKey } from './key';
import { LAST_PURGE_KEY, purgePages, readEntry, writeEntry, type KeyValueStore, type PageCacheEntry } from './store';

/** The bounded memory driver behind the same interface as Nitro's storage. */
function memoryStore(maxEntries = 100): KeyValueStore & { size(): number } {
  const driver = boundedMemoryDriver({ maxEntries });
  return {
    // Like unstorage: values are serialized on the way in and parsed on the way out.
    getItem: async (key) => {
      const raw = driver.getItem(key);
      return raw === null ? null : JSON.parse(raw) as unknown;
    },
    setItem: async (key, value) => driver.setItem(key, JSON.stringify(value)),
    removeItem: async (key) => driver.removeItem(key),
    getKeys: async (base) => driver.getKeys(base),
    size: () => driver.getKeys().length,
  };
}

const entry = (body: string, storedAt: number): PageCacheEntry => ({ body, headers: { 'content-type': 'text/html' }, storedAt });
const T = 1_800_000_000_000;

describe('page cache store', () => {
  it('serves an entry until its TTL, then forgets it', async () => {
    const store = memoryStore();
    const key = pageKey('/articoli', '');
    expect(await writeEntry(store, key, entry('A', T), { ttlSeconds: 600, renderStartedAt: T - 50 })).toBe(true);
    expect((await readEntry(store, key, 600, T + 599_000))?.body).toBe('A');
    expect(await readEntry(store, key, 600, T + 601_000)).toBeNull();
    expect(await store.getItem(key)).toBeNull();
  });

  it('purges a path with all its variants, and prefixes, and nothing else', async () => {
    const store = memoryStore();
    const keys = ['/articoli|', '/articoli|?pagina=2', '/articoli/a|', '/categorie/x|', '/categorie/y|?pagina=2', '/video|'].map((spec) => {
      const [path, search] = spec.split('|') as [string, string];
      return pageKey(path, search);
    });
    for (const key of keys) await writeEntry(store, key, entry(key, T), { ttlSeconds: 600, renderStartedAt: T });
    const removed = await purgePages(store, { all: false, paths: ['/articoli', '/libro'], prefixes: ['/categorie/'] }, { ttlSeconds: 600, now: T + 1 });
    expect(removed).toEqual(['/articoli', '/categorie/x', '/categorie/y']);
    expect((await store.getKeys('page')).length).toBe(2);
    expect(await purgePages(store, { all: true, paths: [], prefixes: [] }, { ttlSeconds: 600, now: T + 2 })).toEqual(['/articoli/a', '/video']);
    expect(await store.getKeys('page')).toEqual([]);
  });

  it('does not store a page rendered while a purge happened (it may show the purged content)', async () => {
    const store = memoryStore();
    await purgePages(store, { all: false, paths: ['/articoli'], prefixes: [] }, { ttlSeconds: 600, now: T });
    expect(await store.getItem(LAST_PURGE_KEY)).toBe(T);
    const key = pageKey('/articoli', '');
    expect(await writeEntry(store, key, entry('old', T + 10), { ttlSeconds: 600, renderStartedAt: T - 100 })).toBe(false);
    expect(await store.getItem(key)).toBeNull();
    expect(await writeEntry(store, key, entry('new', T + 10), { ttlSeconds: 600, renderStartedAt: T + 1 })).toBe(true);
  });

  it('stays within its size, dropping the least recently used', async () => {
    const store = memoryStore(3);
    for (const path of ['/a', '/b', '/c']) await store.setItem(pageKey(path, ''), entry(path, T));
    await store.getItem(pageKey('/a', ''));
    await store.setItem(pageKey('/d', ''), entry('/d', T));
    expect(store.size()).toBe(3);
    expect(await store.getItem(pageKey('/b', ''))).toBeNull();
    expect(await store.getItem(pageKey('/a', ''))).not.toBeNull();
  });
});
