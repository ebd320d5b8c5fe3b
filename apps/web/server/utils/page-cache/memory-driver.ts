/**
 * A bounded in-memory driver for Nitro's storage: unstorage's own memory
 * driver never forgets anything, and a cache keyed by URL must not grow
 * without limit. Least recently used entries go first.
 */
/** What unstorage hands to a driver and gets back from it: the serialized values. */
type Stored = string | null;

export interface MemoryDriver {
  name: string;
  hasItem(key: string): boolean;
  getItem(key: string): Stored;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  getKeys(base?: string): string[];
  clear(): void;
  dispose(): void;
}

export function boundedMemoryDriver({ maxEntries }: { maxEntries: number }): MemoryDriver {
  const data = new Map<string, string>();
  return {
    name: 'bounded-memory',
    hasItem: (key) => data.has(key),
    getItem(key) {
      const value = data.get(key);
      if (value === undefined) return null;
      // Most recently used last.
      data.delete(key);
      data.set(key, value);
      return value;
    },
    setItem(key, value) {
      data.delete(key);
      data.set(key, value);
      while (data.size > maxEntries) {
        const oldest = data.keys().next().value;
        if (oldest === undefined) break;
        data.delete(oldest);
      }
    },
    removeItem: (key) => {
      data.delete(key);
    },
    getKeys: (base = '') => [...data.keys()].filter((key) => key.startsWith(base)),
    clear: () => data.clear(),
    dispose: () => data.clear(),
  };
}
