import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedis } from '../../../test/redis';
import { checkSiteReadiness } from './readiness';

/** A stand-in CMS on a real port: its readiness answers what the test says. */
const cms = { url: '', status: 200, hang: false, requests: [] as Array<{ url?: string; requestId?: string | string[] }> };
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  cms.requests.push({ url: req.url, requestId: req.headers['x-request-id'] });
  if (cms.hang) return;
  res.writeHead(cms.status, { 'content-type': 'application/json' }).end(JSON.stringify({ status: cms.status === 200 ? 'ok' : 'fail' }));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cms.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const redis = await testRedis();
afterAll(() => redis?.quit());

const reset = (changes: Partial<typeof cms> = {}) => Object.assign(cms, { status: 200, hang: false, requests: [] }, changes);

describe('checkSiteReadiness', () => {
  it('is ok when the CMS is ready, asking its readiness probe with the request id', async () => {
    reset();
    const report = await checkSiteReadiness({ cmsUrl: `${cms.url}/`, timeoutMs: 500, requestId: 'probe-1' });
    expect(report).toEqual({ status: 'ok', checks: { cms: 'ok' }, failed: [] });
    expect(cms.requests).toEqual([{ url: '/_health/ready', requestId: 'probe-1' }]);
  });

  it('is degraded, naming the CMS, when it is not ready, does not answer in time, or cannot be reached, without its address', async () => {
    reset({ status: 503 });
    const reasons: string[] = [];
    const notReady = await checkSiteReadiness({ cmsUrl: cms.url, timeoutMs: 500, onFailure: (name, reason) => reasons.push(`${name}: ${(reason as Error).message}`) });
    expect(notReady).toEqual({ status: 'degraded', checks: { cms: 'fail' }, failed: ['cms'] });
    expect(reasons).toEqual(['cms: the CMS\'s readiness probe answered 503']);

    reset({ hang: true });
    const started = Date.now();
    const hanging = await checkSiteReadiness({ cmsUrl: cms.url, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(hanging.failed).toEqual(['cms']);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await checkSiteReadiness({ cmsUrl: `http://127.0.0.1:${port}`, timeoutMs: 500 });
    expect(unreachable.failed).toEqual(['cms']);
    expect(JSON.stringify(unreachable)).not.toContain(String(port));
  });

  it.skipIf(!redis)('checks the site\'s Redis when there is one, and names it when it does not answer', async () => {
    reset();
    expect(await checkSiteReadiness({ cmsUrl: cms.url, redis, timeoutMs: 500 })).toEqual({ status: 'ok', checks: { cms: 'ok', redis: 'ok' }, failed: [] });

    // A Redis on a port where nothing listens, connected the way the site connects (server/utils/redis.ts: no offline queue).
    const dead = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 200, lazyConnect: true });
    dead.on('error', () => {});
    try {
      expect(await checkSiteReadiness({ cmsUrl: cms.url, redis: dead, timeoutMs: 500 })).toEqual({ status: 'degraded', checks: { cms: 'ok', redis: 'fail' }, failed: ['redis'] });
    } finally {
      dead.disconnect();
    }
  });
});
