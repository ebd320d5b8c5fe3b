import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis } from '../../../test/redis';
import { memoryReadCache, redisReadCache, type ReadCacheStore } from './read-cache';
import { CmsUnavailableError, createCmsReader, type CmsReaderOptions } from './reader';

/** A stand-in CMS on a real port: answers with what the test says, counts what it was asked. */
type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;
const cms = { url: '', requests: [] as Array<{ url: string; authorization?: string; requestId?: string | string[] }>, behave: undefined as Behaviour | undefined };
const server = createServer((req, res) => {
  cms.requests.push({ url: req.url ?? '', authorization: req.headers.authorization, requestId: req.headers['x-request-id'] });
  if (cms.behave) return cms.behave(req, res);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [{ url: req.url, n: cms.requests.length }] }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cms.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const redis = await testRedis();
afterAll(() => redis?.quit());

function reader(cache: ReadCacheStore | undefined, overrides: Partial<CmsReaderOptions> = {}) {
  cms.requests = [];
  cms.behave = undefined;
  return createCmsReader({ baseUrl: cms.url, token: 'site-token', cache, ttlSeconds: 600, retainSeconds: 3600, timeoutMs: 500, retryDelayMs: 0, ...overrides });
}

const caches: Array<[string, () => ReadCacheStore]> = [['memory', () => memoryReadCache({ maxBytes: 1_000_000 })]];
if (redis) caches.push(['redis', () => redisReadCache(redis, `test:cms-cache:${randomBytes(6).toString('hex')}`)]);

describe.each(caches)('CMS reads through the %s cache', (_name, makeCache) => {
  it('asks the CMS once per URL, with the site token, then answers from the cache', async () => {
    const cmsReader = reader(makeCache());
    const first = await cmsReader.read('/articles?sort=publicationDate%3Adesc');
    const second = await cmsReader.read('/articles?sort=publicationDate%3Adesc');
    expect(second).toEqual(first);
    expect(first.degraded).toBe(false);
    expect(cms.requests).toEqual([{ url: '/api/articles?sort=publicationDate%3Adesc', authorization: 'Bearer site-token' }]);
  });

  it('passes the site request\'s id to the CMS (X-Request-Id), on the retry too', async () => {
    const cmsReader = reader(makeCache());
    let calls = 0;
    cms.behave = (_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    };
    await cmsReader.read('/videos', { requestId: 'site-req-42' });
    expect(cms.requests.map((request) => request.requestId)).toEqual(['site-req-42', 'site-req-42']);
    await cmsReader.read('/authors');
    expect(cms.requests[2]?.requestId).toBeUndefined();
  });

  it('never keeps search answers (the CMS updates its index after the purge)', async () => {
    const cmsReader = reader(makeCache());
    await cmsReader.read('/search?q=bolletta');
    await cmsReader.read('/search?q=bolletta');
    expect(cms.requests).toHaveLength(2);
  });

  it('shares one CMS request among identical concurrent reads', async () => {
    const cmsReader = reader(makeCache());
    const answers = await Promise.all(Array.from({ length: 50 }, () => cmsReader.read('/global')));
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(cms.requests).toHaveLength(1);
  });

  it('asks again after a purge, and never stores an answer read across a purge', async () => {
    const cache = makeCache();
    const cmsReader = reader(cache);
    await cmsReader.read('/global');
    await cmsReader.purge();
    await cmsReader.read('/global');
    expect(cms.requests).toHaveLength(2);

    // A slow read: the purge lands while the CMS is still answering.
    let release: () => void = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    cms.behave = (req, res) => void answered.then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":"old"}'));
    const slow = cmsReader.read('/articles');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await cmsReader.purge();
    release();
    expect((await slow).body).toBe('{"data":"old"}');
    cms.behave = undefined;
    expect((await cmsReader.read('/articles')).body).not.toBe('{"data":"old"}');
  });

  it('serves the stale copy, marked degraded, when the CMS fails after the answer expired', async () => {
    let now = 1_800_000_000_000;
    const cmsReader = reader(makeCache(), { now: () => now });
    const fresh = await cmsReader.read('/global');
    now += 601_000;
    cms.behave = (_req, res) => res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"status":503}}');
    const stale = await cmsReader.read('/global');
    expect(stale).toEqual({ status: 200, body: fresh.body, degraded: true });
  });
});

describe('CMS reads without a cached copy', () => {
  it('retries once a CMS that is restarting (503), and is not degraded when the retry succeeds', async () => {
    const cmsReader = reader(undefined);
    let calls = 0;
    cms.behave = (_req, res) => (calls++ === 0 ? res.writeHead(503).end() : res.writeHead(200).end('{"data":1}'));
    expect(await cmsReader.read('/global')).toEqual({ status: 200, body: '{"data":1}', degraded: false });
    expect(cms.requests).toHaveLength(2);
  });

  it('does not wait for a long Retry-After: the failure comes back at once, degraded', async () => {
    const cmsReader = reader(undefined);
    cms.behave = (_req, res) => res.writeHead(429, { 'retry-after': '30' }).end('{"error":{"status":429}}');
    const answer = await cmsReader.read('/global');
    expect(answer).toMatchObject({ status: 429, degraded: true });
    expect(cms.requests).toHaveLength(1);
  });

  it('gives up on a CMS that hangs within its timeout, without retrying', async () => {
    const cmsReader = reader(undefined, { timeoutMs: 300 });
    cms.behave = () => {};
    const started = Date.now();
    await expect(cmsReader.read('/global')).rejects.toBeInstanceOf(CmsUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(cms.requests).toHaveLength(1);
  });

  it('does not ask a CMS that just failed again for a few seconds: stale copies at once, failures at once', async () => {
    let now = 1_800_000_000_000;
    const cmsReader = reader(memoryReadCache({ maxBytes: 100_000 }), { now: () => now, timeoutMs: 200 });
    await cmsReader.read('/global');
    now += 601_000;
    cms.behave = () => {};
    expect((await cmsReader.read('/articles').catch((error: unknown) => error))).toBeInstanceOf(CmsUnavailableError);
    const asked = cms.requests.length;
    const started = Date.now();
    expect(await cmsReader.read('/global')).toMatchObject({ status: 200, degraded: true });
    await expect(cmsReader.read('/videos')).rejects.toThrow(/failed moments ago/);
    expect(Date.now() - started).toBeLessThan(100);
    expect(cms.requests).toHaveLength(asked);
    now += 2_001;
    cms.behave = undefined;
    expect(await cmsReader.read('/videos')).toMatchObject({ status: 200, degraded: false });
  });

  it('reports a CMS that cannot be reached', async () => {
    const cmsReader = createCmsReader({ baseUrl: 'http://127.0.0.1:1', token: '', ttlSeconds: 600, retainSeconds: 0, timeoutMs: 300, retryDelayMs: 0 });
    await expect(cmsReader.read('/global')).rejects.toThrow(/did not answer/);
  });

  it('passes client errors through as answers (a 404 is not a failure)', async () => {
    const cmsReader = reader(memoryReadCache({ maxBytes: 100_000 }));
    cms.behave = (_req, res) => res.writeHead(404).end('{"error":{"status":404}}');
    expect(await cmsReader.read('/articles/nope')).toEqual({ status: 404, body: '{"error":{"status":404}}', degraded: false });
    await cmsReader.read('/articles/nope');
    expect(cms.requests).toHaveLength(2);
  });
});

describe.skipIf(!redis)('the Redis cache shared by two site instances', () => {
  it('a purge by one instance reaches the other', async () => {
    const prefix = `test:cms-cache:${randomBytes(6).toString('hex')}`;
    const a = reader(redisReadCache(redis!, prefix));
    const b = createCmsReader({ baseUrl: cms.url, token: 'site-token', cache: redisReadCache(redis!, prefix), ttlSeconds: 600, retainSeconds: 0, timeoutMs: 500 });
    await a.read('/global');
    await b.read('/global');
    expect(cms.requests).toHaveLength(1);
    await a.purge();
    await b.read('/global');
    expect(cms.requests).toHaveLength(2);
  });
});
