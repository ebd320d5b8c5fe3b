import { randomBytes } from 'node:crypto';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createEntry } from './entry';
import { pickEncoding } from '../response-compression';
import { memoryPageStore } from './memory-store';
import { redisPageStore } from './redis-store';
import type { PageStore } from './store';
import { testRedis } from '../../../test/redis';

const T = 1_800_000_000_000;
const page = (text: string, storedAt = T) => createEntry({ status: 200, headers: { 'content-type': 'text/html;charset=utf-8' }, storedAt }, Buffer.from(text));
const retain = { retainSeconds: 600 };

const redis = await testRedis();
afterAll(() => redis?.quit());

const stores: Array<[string, () => PageStore]> = [['memory', () => memoryPageStore({ maxBytes: 10_000_000 })]];
if (redis) stores.push(['redis', () => redisPageStore(redis, `test:page-cache:${randomBytes(6).toString('hex')}`)]);

describe.each(stores)('page store in %s', (_name, make) => {
  it('serves each encoding of a stored page, with its metadata', async () => {
    const store = make();
    const html = `<p>${'Chiudete i call center. '.repeat(200)}</p>`;
    expect(await store.set('/articoli', await page(html), { ...retain, renderStartedAt: T - 1 })).toBe(true);
    const br = await store.get('/articoli', 'br');
    const gz = await store.get('/articoli', 'gzip');
    const plain = await store.get('/articoli', 'identity');
    expect(plain?.body.toString()).toBe(html);
    expect(brotliDecompressSync(br!.body).toString()).toBe(html);
    expect(gunzipSync(gz!.body).toString()).toBe(html);
    expect(br!.body.length).toBeLessThan(html.length / 5);
    expect(plain).toMatchObject({ status: 200, storedAt: T, headers: { 'content-type': 'text/html;charset=utf-8' } });
    expect(plain?.etag).toMatch(/^"[\w-]{27}"$/);
    expect(br?.etag).toBe(plain?.etag);
    expect(await store.get('/articoli?pagina=2', 'br')).toBeUndefined();
  });

  it('purges a path with all its query variants, and prefixes, and nothing else', async () => {
    const store = make();
    const urls = ['/articoli', '/articoli?pagina=2', '/articoli/a', '/categorie/x', '/categorie/y?pagina=2', '/video', '/testimonianze?ruolo=cliente&pagina=3'];
    for (const url of urls) await store.set(url, await page(url), { ...retain, renderStartedAt: T });
    const removed = await store.purge({ all: false, paths: ['/articoli', '/libro', '/testimonianze'], prefixes: ['/categorie/'] }, { ...retain, now: T + 1 });
    expect(removed).toEqual(['/articoli', '/categorie/x', '/categorie/y', '/testimonianze']);
    for (const url of ['/articoli', '/articoli?pagina=2', '/categorie/x', '/testimonianze?ruolo=cliente&pagina=3']) expect(await store.get(url, 'identity'), url).toBeUndefined();
    for (const url of ['/articoli/a', '/video']) expect(await store.get(url, 'identity'), url).toBeDefined();
    expect(await store.purge({ all: true, paths: [], prefixes: [] }, { ...retain, now: T + 2 })).toEqual(['/articoli/a', '/video']);
    expect(await store.get('/video', 'identity')).toBeUndefined();
  });

  it('does not store a page whose rendering began before a purge (it may show the purged content)', async () => {
    const store = make();
    await store.purge({ all: false, paths: ['/articoli'], prefixes: [] }, { ...retain, now: T });
    expect(await store.set('/articoli', await page('old'), { ...retain, renderStartedAt: T - 100 })).toBe(false);
    expect(await store.get('/articoli', 'identity')).toBeUndefined();
    expect(await store.set('/articoli', await page('new'), { ...retain, renderStartedAt: T + 1 })).toBe(true);
    expect((await store.get('/articoli', 'identity'))?.body.toString()).toBe('new');
  });
});

describe('memory page store', () => {
  it('stays within its size in bytes, dropping the least recently used', async () => {
    const one = await page(randomBytes(20_000).toString('hex'));
    const bytes = one.bodies.br.length + one.bodies.gzip.length + one.bodies.identity.length;
    const store = memoryPageStore({ maxBytes: Math.floor(bytes * 3.5) });
    for (const url of ['/a', '/b', '/c']) await store.set(url, one, { ...retain, renderStartedAt: T });
    await store.get('/a', 'br');
    await store.set('/d', one, { ...retain, renderStartedAt: T });
    expect(store.size).toBe(3);
    expect(await store.get('/b', 'br')).toBeUndefined();
    expect(await store.get('/a', 'br')).toBeDefined();
    expect(store.bytes).toBeLessThanOrEqual(Math.floor(bytes * 3.5));
  });

  it('forgets a page once its retention is over', async () => {
    let now = T;
    const store = memoryPageStore({ maxBytes: 1_000_000, now: () => now });
    await store.set('/a', await page('a'), { retainSeconds: 10, renderStartedAt: T });
    now += 9_000;
    expect(await store.get('/a', 'identity')).toBeDefined();
    now += 2_000;
    expect(await store.get('/a', 'identity')).toBeUndefined();
  });
});

describe('pickEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0,gzip;q=0', 'identity'],
    ['BR', 'br'],
    ['x-brotli, gzip;q=0.5', 'gzip'],
    ['identity', 'identity'],
    ['*', 'identity'],
  ])('%j → %s', (header, encoding) => {
    expect(pickEncoding(header)).toBe(encoding);
  });
});
