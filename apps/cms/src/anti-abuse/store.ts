import { Redis } from 'ioredis';

/**
 * The little state anti-abuse needs: expiring counters (rate limits) and
 * expiring "seen" markers (used ALTCHA challenges). In Redis when several
 * Strapi instances must share them, in memory otherwise.
 */
export interface AntiAbuseStore {
  /**
   * Adds one to the counter `key`. A new counter lives `windowMs`; the
   * window is not extended by later hits (a fixed window from the first hit).
   */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Marks `key` for `ttlMs`; true only for the first caller while the mark lives. */
  setIfAbsent(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

interface Entry {
  value: number;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  now?: () => number;
  /** How often expired entries are swept (they are also ignored on read). */
  sweepIntervalMs?: number;
  /** Beyond this many entries the oldest are dropped, so a flood cannot exhaust memory. */
  maxEntries?: number;
}

/** One process's memory: fine for a single Strapi instance. */
export class MemoryStore implements AntiAbuseStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly timer: NodeJS.Timeout;

  constructor({ now = Date.now, sweepIntervalMs = 60_000, maxEntries = 100_000 }: MemoryStoreOptions = {}) {
    this.now = now;
    this.maxEntries = maxEntries;
    this.timer = setInterval(() => this.sweep(), sweepIntervalMs);
    this.timer.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops expired entries. */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private insert(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.sweep();
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  async increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const now = this.now();
    const entry = this.live(key, now);
    if (entry) {
      entry.value += 1;
      return { count: entry.value, resetInMs: entry.expiresAt - now };
    }
    this.insert(key, { value: 1, expiresAt: now + windowMs });
    return { count: 1, resetInMs: windowMs };
  }

  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    if (this.live(key, now)) return false;
    this.insert(key, { value: 1, expiresAt: now + ttlMs });
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.entries.clear();
  }
}

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

  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    const redis = await this.redis();
    return (await redis.set(key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
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

  setIfAbsent(key: string, ttlMs: number) {
    return this.attempt((store) => store.setIfAbsent(key, ttlMs));
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), this.fallback.close()]);
  }
}
