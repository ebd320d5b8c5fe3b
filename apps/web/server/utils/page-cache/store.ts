import type { Encoding } from '../response-compression';
import type { PageEntry, PageVariant } from './entry';
import type { Purge } from './paths';

/**
 * Where cached pages live, keyed by canonical URL (canonical.ts): this
 * process's memory (memory-store.ts) or Redis (redis-store.ts), which every
 * instance of the site shares, so that one purge reaches them all. Entries
 * are kept past their freshness for `retainSeconds`, to be served stale
 * when the CMS fails; freshness is the caller's decision (`storedAt`).
 */
export interface PageStore {
  readonly kind: 'memory' | 'redis';
  /** One encoding of the page at `url`, or undefined: at once from this process's memory, through a promise from Redis. */
  get(url: string, encoding: Encoding): PageVariant | undefined | Promise<PageVariant | undefined>;
  /**
   * Stores a page rendered from `renderStartedAt`, unless a purge happened
   * since then (the page may show what was purged); returns whether it did.
   */
  set(url: string, entry: PageEntry, options: { retainSeconds: number; renderStartedAt: number }): Promise<boolean>;
  /** Removes the matching pages (every variant of each path) and returns their paths; a rendering started before now is not stored afterwards. */
  purge(purge: Purge, options: { retainSeconds: number; now?: number }): Promise<string[]>;
  close(): Promise<void>;
}

/** The path part of a canonical URL. */
export const pathOfUrl = (url: string): string => {
  const mark = url.indexOf('?');
  return mark < 0 ? url : url.slice(0, mark);
};

export function purgeMatcher(purge: Purge): (path: string) => boolean {
  const paths = new Set(purge.paths);
  return (path) => purge.all || paths.has(path) || purge.prefixes.some((prefix) => path.startsWith(prefix));
}
