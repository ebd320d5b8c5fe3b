import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HealthReport } from '@chiudete/types';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startWeb, type Service } from './stack';

const skipReason = inject('skipReason');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Health endpoints and request ids (issue #12, item 4), against the built
 * site and CMS: /healthz and /readyz answer past the page cache and the
 * render limits; /readyz names what is not ready; the site's X-Request-Id
 * reaches the CMS with every read of a render and is on the site's JSON
 * log line.
 */
describe.skipIf(Boolean(skipReason))('health and request ids', () => {
  const webUrl = inject('webUrl');
  const cmsUrl = inject('cmsUrl');

  it('answers /healthz and /readyz, never from the page cache, echoing the request id; the CMS is ready too', async () => {
    for (let i = 0; i < 3; i++) {
      const live = await fetch(`${webUrl}/healthz`, { headers: { 'X-Request-Id': `probe-live-${i}` } });
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      expect(live.headers.get('x-cache')).toBeNull();
      expect(live.headers.get('cache-control')).toBe('no-store');
      expect(live.headers.get('x-request-id')).toBe(`probe-live-${i}`);

      const ready = await fetch(`${webUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { cms: 'ok' }, failed: [] } satisfies HealthReport);
      expect(ready.headers.get('x-cache')).toBeNull();
      expect(ready.headers.get('x-request-id')).toMatch(UUID);
    }
    const cmsReady = await fetch(`${cmsUrl}/_health/ready`);
    expect(cmsReady.status).toBe(200);
    expect(await cmsReady.json()).toEqual({ status: 'ok', checks: { database: 'ok' }, failed: [] });
  });

  describe('a site of its own, reading the CMS through a proxy that records and can fail', () => {
    let proxy: FaultProxy;
    let site: Service;
    beforeAll(async () => {
      proxy = await startFaultProxy(cmsUrl);
      // The page cache on (the render path), the CMS data cache off: every render reads the CMS.
      site = await startWeb(proxy.url, undefined, { NUXT_CMS_CACHE_TTL_SECONDS: '0' });
    });
    afterAll(async () => {
      await site?.stop();
      await proxy?.close();
    });

    it('passes the request id to the CMS with every read of a render, and logs it on a JSON line', async () => {
      const before = proxy.forwarded.length;
      const page = await fetch(`${site.url}/chi-siamo`, { headers: { 'X-Request-Id': 'e2e-trace-0001' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('x-cache')).toBe('MISS');
      expect(page.headers.get('x-request-id')).toBe('e2e-trace-0001');
      const reads = proxy.forwarded.slice(before);
      expect(reads.length).toBeGreaterThan(0);
      expect(proxy.requestIds.slice(before)).toEqual(reads.map(() => 'e2e-trace-0001'));

      await new Promise((resolve) => setTimeout(resolve, 100));
      // Its log lines (stdout); anything else the process printed (stderr) is not a log line.
      const lines = site.output().split('\n').filter((line) => line.startsWith('{'));
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries.find((entry) => entry.requestId === 'e2e-trace-0001' && entry.path === '/chi-siamo')).toMatchObject({
        time: expect.any(String), level: 'http', method: 'GET', status: 200, duration: expect.any(Number),
      });

      // A hit (answered by the page cache alone) echoes its own id and has its own line.
      const hit = await fetch(`${site.url}/chi-siamo`, { headers: { 'X-Request-Id': 'e2e-trace-0002' } });
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(hit.headers.get('x-request-id')).toBe('e2e-trace-0002');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const hitLine = site.output().split('\n').find((line) => line.includes('"requestId":"e2e-trace-0002"'));
      expect(JSON.parse(hitLine ?? '{}')).toMatchObject({ level: 'http', method: 'GET', path: '/chi-siamo', status: 200 });
    });

    it('stays ready but degraded, naming the CMS, when the CMS is not ready, and ok again when it is', async () => {
      proxy.set({ kind: 'status', status: 503 }, /^\/_health\/ready/);
      // Not 503: every site instance shares the CMS, and each still serves its cached pages.
      const down = await fetch(`${site.url}/readyz`);
      expect(down.status).toBe(200);
      expect(await down.json()).toEqual({ status: 'degraded', checks: { cms: 'fail' }, failed: ['cms'] });
      // Alive all the same: the page cache still serves what it has.
      expect((await fetch(`${site.url}/healthz`)).status).toBe(200);
      proxy.set(undefined);
      expect(await (await fetch(`${site.url}/readyz`)).json()).toMatchObject({ status: 'ok' });
    });
  });

  it('stays ready but degraded, naming redis, when the site\'s Redis does not answer (pages render uncached)', async () => {
    const site = await startWeb(cmsUrl, undefined, { NUXT_REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      const res = await fetch(`${site.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'degraded', checks: { cms: 'ok', redis: 'fail' }, failed: ['redis'] });
    } finally {
      await site.stop();
    }
  });
});
