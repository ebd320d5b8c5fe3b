import { LRUCache } from 'lru-cache';
import { Redis } from 'ioredis';
import { decodeEntry, encodeEntry, entrySize, type CachedResponse } from './entry';

/**
 * Where cached responses live, behind a generation counter: every key is
 * read and written under the current generation, and a purge just moves to
 * the next one (O(1), in memory and in Redis alike; old entries age out).
 * A miss remembers the generation it started under and stores its answer
 * there: an answer computed before a purge can never be served after it.
 */
export interface Lookup {
  generation: string;
  entry: CachedResponse | undefined;
}

export interface ApiCacheStore {
  /** The current generation and the entry under `key`; undefined while the store is unavailable (serve uncached, store nothing). */
  lookup(key: string): Promise<Lookup | undefined>;
  /** Stores under `generation` for `ttlMs`; false when it was not stored (a purge came since, too big, store unavailable). Never throws. */
  save(generation: string, key: string, entry: CachedResponse, ttlMs: number): Promise<boolean>;
  /** Forgets everything. Never throws. */
  purge(): Promise<void>;
  /** Resolves once the store can answer, or after `timeoutMs` (a boot never hangs on it). */
  ready(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface MemoryApiCacheOptions {
  maxBytes: number;
  maxEntryBytes: number;
}

/** This process's memory, bounded by bytes (least recently used first out): fine for one instance. */
export class MemoryApiCacheStore implements ApiCacheStore {
  private generation = 0;
  private readonly entries: LRUCache<string, CachedResponse>;

  constructor({ maxBytes, maxEntryBytes }: MemoryApiCacheOptions) {
    this.entries = new LRUCache({ maxSize: maxBytes, maxEntrySize: maxEntryBytes, sizeCalculation: entrySize, ttl: 60_000 });
  }

  /** Bytes held now (tests and diagnostics). */
  get size(): number {
    return this.entries.calculatedSize;
  }

  async lookup(key: string): Promise<Lookup> {
    return { generation: String(this.generation), entry: this.entries.get(key) };
  }

  async save(generation: string, key: string, entry: CachedResponse, ttlMs: number): Promise<boolean> {
    if (generation !== String(this.generation)) return false;
    this.entries.set(key, entry, { ttl: ttlMs });
    return this.entries.has(key);
  }

  async purge(): Promise<void> {
    this.generation += 1;
    this.entries.clear();
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * The generation and the entry under it in one round trip. KEYS[1] is the
 * generation counter, ARGV[1] the (prefixed) start of entry keys, ARGV[2]
 * the request's key. Returns { generation, entry or nil }.
 */
const LOOKUP_SCRIPT = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
`;

const GENERATION_KEY = 'generation';
const ENTRY_KEY = 'entry:';

interface LookupCommand {
  apiCacheLookupBuffer(generationKey: string, entryPrefix: string, key: string): Promise<[Buffer, Buffer | null]>;
}

export interface RedisApiCacheOptions {
  url: string;
  keyPrefix: string;
  maxEntryBytes: number;
  /** Logs a failure (at most once a minute). */
  warn: (message: string) => void;
  now?: () => number;
}

/**
 * Redis, shared by every CMS instance with the same URL and prefix: a purge
 * made by one instance (INCR of the generation) holds for all of them at
 * once. While Redis fails, requests are served uncached (never from this
 * process's memory, which could hold what another instance purged), for a
 * second without even trying after each failure; a purge that could not be written is
 * retried before anything is read from Redis again.
 */
export class RedisApiCacheStore implements ApiCacheStore {
  private readonly client: Redis & LookupCommand;
  private readonly now: () => number;
  private pausedUntil = 0;
  private lastWarning = Number.NEGATIVE_INFINITY;
  private pendingPurge = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly options: RedisApiCacheOptions) {
    this.now = options.now ?? Date.now;
    const client = new Redis(options.url, {
      keyPrefix: options.keyPrefix,
      // Fail at once while disconnected instead of queueing: a request never waits for Redis to come back.
      enableOfflineQueue: false,
      connectTimeout: 2000,
      commandTimeout: 500,
      maxRetriesPerRequest: 0,
    });
    // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
    client.on('error', () => {});
    client.defineCommand('apiCacheLookup', { numberOfKeys: 1, lua: LOOKUP_SCRIPT });
    this.client = client as Redis & LookupCommand;
  }

  async ready(timeoutMs: number): Promise<void> {
    if (this.client.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise((resolve) => this.client.once('ready', resolve)),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  private failed(error: unknown): undefined {
    this.pausedUntil = this.now() + 1_000;
    if (this.now() - this.lastWarning > 60_000) {
      this.lastWarning = this.now();
      this.options.warn(`[api-cache] Redis is unavailable, serving the API uncached: ${error instanceof Error ? error.message : String(error)}`);
    }
    return undefined;
  }

  async lookup(key: string): Promise<Lookup | undefined> {
    if (this.now() < this.pausedUntil) return undefined;
    try {
      if (this.pendingPurge) {
        await this.client.incr(GENERATION_KEY);
        this.pendingPurge = false;
      }
      const [generation, bytes] = await this.client.apiCacheLookupBuffer(GENERATION_KEY, `${this.options.keyPrefix}${ENTRY_KEY}`, key);
      return { generation: generation.toString(), entry: bytes ? decodeEntry(bytes) : undefined };
    } catch (error) {
      return this.failed(error);
    }
  }

  async save(generation: string, key: string, entry: CachedResponse, ttlMs: number): Promise<boolean> {
    const bytes = encodeEntry(entry);
    if (bytes.length > this.options.maxEntryBytes || ttlMs < 1) return false;
    try {
      await this.client.set(`${ENTRY_KEY}${generation}:${key}`, bytes, 'PX', Math.ceil(ttlMs));
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  async purge(): Promise<void> {
    try {
      await this.client.incr(GENERATION_KEY);
      this.pendingPurge = false;
    } catch (error) {
      this.pendingPurge = true;
      this.failed(error);
      // Retried in the background too, so other instances stop serving what changed as soon as Redis is back.
      this.retry ??= setTimeout(() => {
        this.retry = undefined;
        if (this.pendingPurge) void this.purge();
      }, 1_000).unref();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.retry);
    this.pendingPurge = false;
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
