import { LRUCache } from 'lru-cache';
import { entryBytes, variantOf, type PageEntry } from './entry';
import { pathOfUrl, purgeMatcher, type PageStore } from './store';

/**
 * The page cache in this process's memory, bounded by bytes (every encoding
 * of every page counted), least recently used first out. For one instance;
 * several instances share Redis instead.
 */
export function memoryPageStore({ maxBytes, now = Date.now }: { maxBytes: number; now?: () => number }): PageStore & { readonly size: number; readonly bytes: number } {
  const pages = new LRUCache<string, PageEntry>({
    maxSize: maxBytes,
    sizeCalculation: entryBytes,
    // Expired entries are dropped when read or when space is needed; no timers.
    ttlAutopurge: false,
    ttlResolution: 0,
    perf: { now },
  });
  let lastPurge = 0;

  return {
    kind: 'memory',
    get size() {
      return pages.size;
    },
    get bytes() {
      return pages.calculatedSize;
    },
    // At once, without a promise: a hit is answered in the turn its request arrived in (serve.ts).
    get(url, encoding) {
      const entry = pages.get(url);
      return entry && variantOf(entry, encoding);
    },
    async set(url, entry, { retainSeconds, renderStartedAt }) {
      if (lastPurge >= renderStartedAt || entryBytes(entry) > maxBytes) return false;
      pages.set(url, entry, { ttl: retainSeconds * 1000 });
      return true;
    },
    async purge(purge, { now: at = now() }) {
      lastPurge = at;
      const matches = purgeMatcher(purge);
      const removed = new Set<string>();
      for (const url of [...pages.keys()]) {
        const path = pathOfUrl(url);
        if (matches(path)) {
          pages.delete(url);
          removed.add(path);
        }
      }
      return [...removed].sort();
    },
    async close() {
      pages.clear();
    },
  };
}
