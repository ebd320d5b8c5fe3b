import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteRedisKeys, redisSkipReason, testRedisUrl, uniqueRedisPrefix } from '../../../../tests/helpers/anti-abuse';
import { consumeRateLimit, consumeRateLimits } from './rate-limiter';
import { FallbackStore, MemoryStore, RedisStore, StoreFullError, type AntiAbuseStore } from './store';

/**
 * The same behaviour on both stores. The memory store runs on a fake
 * clock; Redis on the real one, with short windows.
 */
interface Harness {
  store: AntiAbuseStore;
  /** Lets `ms` pass. */
  advance(ms: number): Promise<void>;
  /** Another store on the same state (another Strapi instance), or undefined for memory. */
  sibling?: AntiAbuseStore;
}

function storeSuite(name: string, setup: () => Promise<Harness>, teardown: () => Promise<void>) {
  describe(`rate limiter on the ${name} store`, () => {
    let h: Harness;
    let n = 0;
    /** A fresh key per test. */
    const key = (label: string) => `test:${label}:${++n}`;

    beforeAll(async () => {
      h = await setup();
    });
    afterAll(teardown);

    it('counts hits in a window that starts at the first one', async () => {
      const k = key('count');
      expect(await h.store.increment(k, 2000)).toEqual({ count: 1, resetInMs: expect.any(Number) });
      const second = await h.store.increment(k, 2000);
      expect(second.count).toBe(2);
      expect(second.resetInMs).toBeGreaterThan(0);
      expect(second.resetInMs).toBeLessThanOrEqual(2000);
    });

    it('allows `limit` requests, then refuses with the seconds until the window ends', async () => {
      const rule = { key: key('limit'), limit: 3, windowSeconds: 600 };
      for (let i = 0; i < 3; i++) expect(await consumeRateLimit(h.store, rule)).toEqual({ allowed: true, remaining: 2 - i });
      const refused = await consumeRateLimit(h.store, rule);
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) {
        expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(599);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
      }
      // Refused attempts count too, and do not extend the window.
      expect(await consumeRateLimit(h.store, rule)).toMatchObject({ allowed: false });
    });

    it('opens a new window when the old one has expired', async () => {
      const rule = { key: key('window'), limit: 1, windowSeconds: 1 };
      expect(await consumeRateLimit(h.store, rule)).toMatchObject({ allowed: true });
      expect(await consumeRateLimit(h.store, rule)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
      await h.advance(1100);
      expect(await consumeRateLimit(h.store, rule)).toMatchObject({ allowed: true });
    });

    it('treats limit 0 as no limit, and stops at the first exceeded limit of several', async () => {
      const open = { key: key('open'), limit: 0, windowSeconds: 600 };
      for (let i = 0; i < 20; i++) expect(await consumeRateLimit(h.store, open)).toMatchObject({ allowed: true });
      const perIp = { key: key('ip'), limit: 1, windowSeconds: 600 };
      const global = { key: key('global'), limit: 10, windowSeconds: 600 };
      expect(await consumeRateLimits(h.store, [perIp, global])).toEqual({ allowed: true, remaining: 0 });
      expect(await consumeRateLimits(h.store, [perIp, global])).toMatchObject({ allowed: false });
      // The refused client did not use up the global allowance.
      expect((await h.store.increment(global.key, 600_000)).count).toBe(2);
    });

    it('counts concurrent hits exactly', async () => {
      const k = key('concurrent');
      const stores = [h.store, h.sibling ?? h.store];
      const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2]!.increment(k, 60_000)));
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('marks a key once until it expires', async () => {
      const k = key('once');
      expect(await h.store.has(k)).toBe(false);
      expect(await h.store.markerRoomInMs()).toBe(0);
      expect(await h.store.setIfAbsent(k, 1000)).toBe(true);
      expect(await h.store.has(k)).toBe(true);
      if (h.sibling) expect(await h.sibling.has(k)).toBe(true);
      expect(await h.store.setIfAbsent(k, 1000)).toBe(false);
      if (h.sibling) expect(await h.sibling.setIfAbsent(k, 1000)).toBe(false);
      await h.advance(1100);
      expect(await h.store.setIfAbsent(k, 1000)).toBe(true);
    });

    it('lets the owner of a marker claim it again, and nobody else', async () => {
      const k = key('owned');
      expect(await h.store.setIfAbsent(k, 1000, 'fill-a')).toBe(true);
      const other = h.sibling ?? h.store;
      expect(await other.setIfAbsent(k, 1000, 'fill-a')).toBe(true);
      expect(await other.setIfAbsent(k, 1000, 'fill-b')).toBe(false);
      expect(await other.setIfAbsent(k, 1000)).toBe(false);
      expect(await other.has(k)).toBe(true);
      expect(await other.has(k, 'fill-a')).toBe(false);
      expect(await other.has(k, 'fill-b')).toBe(true);
      // A marker set without an owner matches nobody.
      const plain = key('unowned');
      expect(await h.store.setIfAbsent(plain, 1000)).toBe(true);
      expect(await other.setIfAbsent(plain, 1000)).toBe(false);
      expect(await other.has(plain, 'fill-a')).toBe(true);
    });

    it('gives one winner among concurrent claims', async () => {
      const k = key('race');
      const stores = [h.store, h.sibling ?? h.store];
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.setIfAbsent(k, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}

let clock = Date.UTC(2026, 0, 1);
let memory: MemoryStore;
storeSuite(
  'memory',
  async () => {
    memory = new MemoryStore({ now: () => clock });
    return { store: memory, advance: async (ms) => void (clock += ms) };
  },
  () => memory.close(),
);

describe('memory store: one cap per kind, and used challenges are never forgotten early', () => {
  const start = Date.UTC(2026, 0, 1);

  it('refuses new markers when full, with the wait, instead of evicting one that has not expired', async () => {
    let now = start;
    const store = new MemoryStore({ now: () => now, maxMarkers: 3, maxCounters: 3 });
    for (const k of ['a', 'b', 'c']) expect(await store.setIfAbsent(k, 5000)).toBe(true);
    now += 1000;
    const full = await store.setIfAbsent('d', 5000).then(() => undefined, (error: unknown) => error);
    expect(full).toBeInstanceOf(StoreFullError);
    expect((full as StoreFullError).retryAfterMs).toBe(4000);
    expect(await store.markerRoomInMs()).toBe(4000);
    // Still remembered: a replay is refused.
    for (const k of ['a', 'b', 'c']) expect(await store.setIfAbsent(k, 5000)).toBe(false);

    // A flood of rate-limit counters (fresh addresses) has its own cap and pushes out no marker.
    for (let i = 0; i < 10_000; i++) await store.increment(`flood:${i}`, 60_000);
    expect(store.sizes).toEqual({ counters: 3, markers: 3 });
    for (const k of ['a', 'b', 'c']) expect(await store.has(k)).toBe(true);

    // Once the oldest have expired there is room again.
    now = start + 5001;
    expect(await store.markerRoomInMs()).toBe(0);
    expect(await store.setIfAbsent('d', 5000)).toBe(true);
    expect(store.sizes.markers).toBe(1);
    await store.close();
  });

  it('forgets the least recently used counter, never the one a client keeps hitting', async () => {
    const store = new MemoryStore({ now: () => start, maxCounters: 3 });
    for (let i = 0; i < 3; i++) await store.increment('busy-client', 60_000);
    for (let i = 0; i < 100; i++) {
      await store.increment(`fresh:${i}`, 60_000);
      await store.increment('busy-client', 60_000);
    }
    expect((await store.increment('busy-client', 60_000)).count).toBe(104);
    await store.close();
  });

  it('sweeps expired entries of both kinds', async () => {
    let now = start;
    const store = new MemoryStore({ now: () => now });
    await store.increment('a', 1000);
    await store.increment('b', 5000);
    await store.setIfAbsent('m', 1000);
    now += 2000;
    store.sweep();
    expect(store.sizes).toEqual({ counters: 1, markers: 0 });
    await store.close();
  });
});

describe('Redis store failures (no Redis needed)', () => {
  it('fails fast when Redis is unreachable, and the fallback store takes over with one warning', async () => {
    const dead = new RedisStore({ url: 'redis://127.0.0.1:1', keyPrefix: uniqueRedisPrefix('dead') });
    const started = Date.now();
    await expect(dead.increment('x', 1000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);

    const warn = vi.fn();
    const fallback = new FallbackStore(dead, new MemoryStore(), warn);
    expect(await fallback.increment('x', 60_000)).toMatchObject({ count: 1 });
    expect(await fallback.increment('x', 60_000)).toMatchObject({ count: 2 });
    expect(await fallback.setIfAbsent('y', 60_000)).toBe(true);
    expect(await fallback.setIfAbsent('y', 60_000)).toBe(false);
    expect(await fallback.has('y')).toBe(true);
    expect(await fallback.markerRoomInMs()).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/Redis is unavailable/);
    await fallback.close();
  });

  it('refuses to work after close (a late request then uses the fallback)', async () => {
    const store = new RedisStore({ url: testRedisUrl, keyPrefix: uniqueRedisPrefix('closed') });
    await store.close();
    await expect(store.increment('x', 1000)).rejects.toThrow(/closed/);
  });
});

const skip = await redisSkipReason();
describe.skipIf(skip)('Redis', () => {
  const prefix = uniqueRedisPrefix('rate-limiter');
  let stores: RedisStore[] = [];
  storeSuite(
    'Redis',
    async () => {
      stores = [new RedisStore({ url: testRedisUrl, keyPrefix: prefix }), new RedisStore({ url: testRedisUrl, keyPrefix: prefix })];
      return { store: stores[0]!, sibling: stores[1]!, advance: (ms) => sleep(ms) };
    },
    async () => {
      await Promise.all(stores.map((s) => s.close()));
      await deleteRedisKeys(prefix);
    },
  );

  it('writes only under its prefix, and deleteAll removes only those keys', async () => {
    const own = uniqueRedisPrefix('own');
    const other = uniqueRedisPrefix('other');
    const a = new RedisStore({ url: testRedisUrl, keyPrefix: own });
    const b = new RedisStore({ url: testRedisUrl, keyPrefix: other });
    await a.increment('x', 60_000);
    await a.setIfAbsent('y', 60_000);
    await b.increment('x', 60_000);
    expect(await a.deleteAll()).toBe(2);
    expect((await b.increment('x', 60_000)).count).toBe(2);
    expect(await b.deleteAll()).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });
});
