import { LRUCache } from 'lru-cache';
import { ownerValue } from './marker-owner';
import type { AntiAbuseStore } from './store';
import { StoreFullError } from './store-full-error';

export interface MemoryStoreOptions {
  now?: () => number;
  /** How often expired entries are swept (they are also ignored on read). */
  sweepIntervalMs?: number;
  /**
   * Rate-limit counters kept at most. Beyond it the LEAST RECENTLY USED
   * counter is forgotten (that client starts a new window): a client that
   * keeps hitting keeps its counter, whatever the flood of new addresses.
   */
  maxCounters?: number;
  /**
   * Used ALTCHA solutions (markers) kept at most. Beyond it new markers are
   * REFUSED (StoreFullError) until old ones expire: a marker is never
   * forgotten before it expires, or its solution could be replayed.
   */
  maxMarkers?: number;
}

/** Default caps: about 10 MB at most for each kind. */
export const MEMORY_STORE_DEFAULTS = { maxCounters: 100_000, maxMarkers: 100_000 } as const;

interface Counter {
  count: number;
}

/**
 * One process's memory (fine for a single Strapi instance): counters and
 * markers in two separate caches (lru-cache), each with its own cap, so a
 * flood of one kind never pushes out the other.
 */
export class MemoryStore implements AntiAbuseStore {
  private readonly counters: LRUCache<string, Counter>;
  private readonly markers: LRUCache<string, string>;
  private readonly maxMarkers: number;
  private readonly timer: NodeJS.Timeout;

  constructor({
    now = Date.now,
    sweepIntervalMs = 60_000,
    maxCounters = MEMORY_STORE_DEFAULTS.maxCounters,
    maxMarkers = MEMORY_STORE_DEFAULTS.maxMarkers,
  }: MemoryStoreOptions = {}) {
    // The store's clock for every expiry; ttlResolution 0 reads it every time (tests move it by hand).
    const clock = { perf: { now }, ttlResolution: 0 };
    this.counters = new LRUCache<string, Counter>({ max: maxCounters, ...clock });
    this.markers = new LRUCache<string, string>({ max: maxMarkers, ...clock });
    this.maxMarkers = maxMarkers;
    this.timer = setInterval(() => this.sweep(), sweepIntervalMs);
    this.timer.unref();
  }

  /** Live and not yet swept entries, per kind. */
  get sizes(): { counters: number; markers: number } {
    return { counters: this.counters.size, markers: this.markers.size };
  }

  /** Drops expired entries. */
  sweep(): void {
    this.counters.purgeStale();
    this.markers.purgeStale();
  }

  async increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    // An expired counter reads as absent (and is dropped); reading one makes it the most recently used.
    const counter = this.counters.get(key);
    if (counter) {
      counter.count += 1;
      return { count: counter.count, resetInMs: Math.max(0, this.counters.getRemainingTTL(key)) };
    }
    this.counters.set(key, { count: 1 }, { ttl: windowMs });
    return { count: 1, resetInMs: windowMs };
  }

  async has(key: string, exceptOwner?: string): Promise<boolean> {
    // peek, not get: reading a marker must not make it the most recently used (markerRoomMs relies on it).
    const owner = this.markers.peek(key);
    return owner !== undefined && (exceptOwner === undefined || owner !== ownerValue(exceptOwner));
  }

  async setIfAbsent(key: string, ttlMs: number, owner?: string): Promise<boolean> {
    const current = this.markers.peek(key);
    if (current !== undefined) return owner !== undefined && current === ownerValue(owner);
    const wait = this.markerRoomMs();
    if (wait > 0) throw new StoreFullError(wait, this.maxMarkers);
    this.markers.set(key, ownerValue(owner), { ttl: Math.max(1, Math.ceil(ttlMs)) });
    return true;
  }

  async markerRoomInMs(): Promise<number> {
    return this.markerRoomMs();
  }

  /** 0 when one more marker fits; otherwise the milliseconds until the oldest one expires. */
  private markerRoomMs(): number {
    if (this.markers.size < this.maxMarkers) return 0;
    this.markers.purgeStale();
    if (this.markers.size < this.maxMarkers) return 0;
    // Markers are only ever added (never read with get), so the least recently used is the oldest.
    let soonest = Number.POSITIVE_INFINITY;
    for (const key of this.markers.rkeys()) {
      soonest = this.markers.getRemainingTTL(key);
      break;
    }
    return Math.max(1000, Number.isFinite(soonest) ? Math.ceil(soonest) : 1000);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.counters.clear();
    this.markers.clear();
  }
}
