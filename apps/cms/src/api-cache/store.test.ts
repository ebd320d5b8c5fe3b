import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, type CachedResponse } from './entry';
import { MemoryApiCacheStore } from './store';

const entry = (text: string): CachedResponse => ({
  body: Buffer.from(text),
  headers: [['content-type', 'application/json; charset=utf-8'], ['etag', '"abc"'], ['x-many', ['a', 'b']]],
  vary: ['Origin', 'Authorization'],
  etag: '"abc"',
  lastModified: 'Thu, 04 Jul 2019 10:00:00 GMT',
});

describe('cache entries', () => {
  it('survive encoding for Redis byte for byte', () => {
    const original = entry('{"data":[{"title":"Perché «così»? €"}]}');
    const decoded = decodeEntry(encodeEntry(original));
    expect(decoded).toEqual(original);
    expect(decoded!.body.equals(original.body)).toBe(true);
  });

  it('reject bytes that are not an entry', () => {
    expect(decodeEntry(Buffer.from(''))).toBeUndefined();
    expect(decodeEntry(Buffer.from([0, 0, 1, 0, 1, 2]))).toBeUndefined();
    expect(decodeEntry(Buffer.concat([Buffer.from([0, 0, 0, 2]), Buffer.from('{x')]))).toBeUndefined();
  });
});

describe('memory store', () => {
  it('serves what was stored under the current generation', async () => {
    const store = new MemoryApiCacheStore({ maxBytes: 1_000_000, maxEntryBytes: 100_000 });
    const { generation, entry: missing } = await store.lookup('k');
    expect(missing).toBeUndefined();
    await store.save(generation, 'k', entry('{}'), 60_000);
    expect((await store.lookup('k')).entry?.body.toString()).toBe('{}');
  });

  it('drops everything on a purge, and an answer computed before the purge is not stored after it', async () => {
    const store = new MemoryApiCacheStore({ maxBytes: 1_000_000, maxEntryBytes: 100_000 });
    const before = await store.lookup('k');
    await store.save(before.generation, 'other', entry('{}'), 60_000);
    await store.purge();
    expect(await store.save(before.generation, 'k', entry('{"stale":true}'), 60_000)).toBe(false);
    const after = await store.lookup('k');
    expect(after.generation).not.toBe(before.generation);
    expect(after.entry).toBeUndefined();
    expect((await store.lookup('other')).entry).toBeUndefined();
  });

  it('stays within its byte budget, least recently used out first, and skips oversized answers', async () => {
    const store = new MemoryApiCacheStore({ maxBytes: 10_000, maxEntryBytes: 4_000 });
    const { generation } = await store.lookup('k');
    for (let i = 0; i < 10; i++) await store.save(generation, `k${i}`, entry('x'.repeat(2_000)), 60_000);
    expect(store.size).toBeLessThanOrEqual(10_000);
    expect((await store.lookup('k9')).entry).toBeDefined();
    expect((await store.lookup('k0')).entry).toBeUndefined();
    expect(await store.save(generation, 'big', entry('x'.repeat(5_000)), 60_000)).toBe(false);
    expect((await store.lookup('big')).entry).toBeUndefined();
  });

  it('forgets an entry at the end of its lifetime', async () => {
    const store = new MemoryApiCacheStore({ maxBytes: 1_000_000, maxEntryBytes: 100_000 });
    const { generation } = await store.lookup('k');
    await store.save(generation, 'k', entry('{}'), 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await store.lookup('k')).entry).toBeUndefined();
  });
});
