import { Redis } from 'ioredis';
import { ownerValue } from './marker-owner';

export { MemoryStore, MEMORY_STORE_DEFAULTS, type MemoryStoreOptions } from './memory-store';
export { StoreFullError } from './store-full-error';

/**
 * The little state anti-abuse needs: expiring counters (rate limits) and
 * expiring "seen" markers (used ALTCHA challenges). In Redis when several
 * Strapi instances must share them, in memory otherwise (memory-store.ts).
 */
export interface AntiAbuseStore {
  /**
   * Adds one to the counter `key`. A new counter lives `windowMs`; the
   * window is not extended by later hits (a fixed window from the first hit).
   */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Whether the marker `key` is set (and has not expired), not counting one set by `exceptOwner`. */
  has(key: string, exceptOwner?: string): Promise<boolean>;
  /**
   * Marks `key` for `ttlMs`; true only for the first caller while the mark
   * lives, and for a later caller naming the same `owner` (the retry of one
   * form fill, which must not be refused for its own first attempt); a caller
   * without an owner never matches. Atomic across instances. Throws
   * StoreFullError when the store cannot hold one more marker without
   * forgetting a live one (the memory store's cap).
   */
  setIfAbsent(key: string, ttlMs: number, owner?: string): Promise<boolean>;
  /** 0 when a new marker can be stored now; otherwise the milliseconds until there is room. */
  markerRoomInMs(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A marker claimed in one atomic step: set it when absent (true); when
 * present, true only if it holds the same owner (never for `-`).
 * ARGV: owner value, milliseconds to live.
 */
const CLAIM_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if current == ARGV[1] and ARGV[1] ~= '-' then return 1 end
return 0
`;

/**
 * INCR and the expiry of a new counter in one atomic step: no counter can be
 * left without expiry (and so block a client forever) if a process dies
 * between two commands. Returns [count, milliseconds to live].
 */
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export interface RedisStoreOptions {
  url: string;
  keyPrefix: string;
}

/**
 * Redis, shared by every Strapi instance that uses the same URL and prefix.
 * One connection per store, opened on first use; commands fail fast (about
 * a second) while Redis is away, so a request never hangs on it.
 */
export class RedisStore implements AntiAbuseStore {
  private client: Redis | undefined;
  private connecting: Promise<Redis> | undefined;
  private closed = false;

  constructor(private readonly options: RedisStoreOptions) {}

  private redis(): Promise<Redis> {
    if (this.closed) return Promise.reject(new Error('Redis: the anti-abuse store is closed'));
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<Redis> {
    const client = new Redis(this.options.url, {
      keyPrefix: this.options.keyPrefix,
      lazyConnect: true,
      connectTimeout: 2000,
      commandTimeout: 1000,
      maxRetriesPerRequest: 1,
    });
    // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
    client.on('error', () => {});
    this.client = client;
    try {
      await client.connect();
      return client;
    } catch (error) {
      // A failed first connection is retried by the next call, not remembered forever.
      client.disconnect();
      if (this.client === client) this.client = undefined;
      this.connecting = undefined;
      throw error;
    }
  }

  async increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const redis = await this.redis();
    const result = await redis.eval(INCREMENT_SCRIPT, 1, key, String(windowMs));
    if (!Array.isArray(result) || result.length !== 2) throw new Error('Redis: unexpected reply to the rate-limit script');
    return { count: Number(result[0]), resetInMs: Math.max(0, Number(result[1])) };
  }

  async has(key: string, exceptOwner?: string): Promise<boolean> {
    const redis = await this.redis();
    const owner = await redis.get(key);
    return owner !== null && (exceptOwner === undefined || owner !== ownerValue(exceptOwner));
  }

  async setIfAbsent(key: string, ttlMs: number, owner?: string): Promise<boolean> {
    const redis = await this.redis();
    const result = await redis.eval(CLAIM_SCRIPT, 1, key, ownerValue(owner), String(Math.max(1, Math.ceil(ttlMs))));
    return Number(result) === 1;
  }

  /** Redis keeps every marker until it expires (give it memory, and no eviction of keys with a TTL it needs). */
  async markerRoomInMs(): Promise<number> {
    return 0;
  }

  /** Deletes every key under this store's prefix (tests clean up after themselves with it). */
  async deleteAll(): Promise<number> {
    const redis = await this.redis();
    const { keyPrefix } = this.options;
    let deleted = 0;
    let cursor = '0';
    do {
      // SCAN does not apply ioredis' keyPrefix: match on it, and strip it before DEL (which does).
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys.map((k) => k.slice(keyPrefix.length)));
    } while (cursor !== '0');
    return deleted;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    if (!client) return;
    if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
    else client.disconnect();
  }
}

/**
 * Redis first; while Redis fails, this process's memory, so a Redis outage
 * degrades the limits to per-instance ones instead of failing every form
 * (or letting everything through). Failures are logged at most once a minute.
 */
export class FallbackStore implements AntiAbuseStore {
  private lastWarning = 0;

  constructor(
    private readonly primary: AntiAbuseStore,
    private readonly fallback: AntiAbuseStore,
    private readonly warn: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  private async attempt<T>(operation: (store: AntiAbuseStore) => Promise<T>): Promise<T> {
    try {
      return await operation(this.primary);
    } catch (error) {
      if (this.now() - this.lastWarning > 60_000) {
        this.lastWarning = this.now();
        this.warn(`[anti-abuse] Redis is unavailable, using this instance's memory: ${error instanceof Error ? error.message : String(error)}`);
      }
      return operation(this.fallback);
    }
  }

  increment(key: string, windowMs: number) {
    return this.attempt((store) => store.increment(key, windowMs));
  }

  has(key: string, exceptOwner?: string) {
    return this.attempt((store) => store.has(key, exceptOwner));
  }

  setIfAbsent(key: string, ttlMs: number, owner?: string) {
    return this.attempt((store) => store.setIfAbsent(key, ttlMs, owner));
  }

  markerRoomInMs() {
    return this.attempt((store) => store.markerRoomInMs());
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), this.fallback.close()]);
  }
}
