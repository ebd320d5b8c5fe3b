import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '@chiudete/types';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { freePort, startChildStrapi, type ChildStrapi } from './helpers/child-strapi';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const testRedisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
/** Keys of this file's CMS instances in the shared test Redis. */
const redisPrefixes = () => {
  const id = randomBytes(6).toString('hex');
  return { API_CACHE_REDIS_PREFIX: `test:health:${id}:api-cache:`, ANTI_ABUSE_REDIS_PREFIX: `test:health:${id}:anti-abuse:` };
};

describe('health endpoints', () => {
  let cms: TestStrapi;

  beforeAll(async () => {
    // A tiny anonymous read limit: probes must not spend it.
    cms = await startTestStrapi('sqlite', { SEED_DEMO_CONTENT: 'false', RATE_LIMIT_READS_ANONYMOUS: '3', API_CACHE_TTL_SECONDS: '0' });
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('answers liveness without asking anything, and keeps Strapi\'s /_health', async () => {
    const live = await fetch(`${cms.url}/_health/live`);
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('no-store');
    expect(await live.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${cms.url}/_health`)).status).toBe(204);
  });

  it('is ready when the database answers (SQLite, no Redis, no S3)', async () => {
    const ready = await fetch(`${cms.url}/_health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' }, failed: [] } satisfies HealthReport);
  });

  it('echoes a valid X-Request-Id, and replaces a forged one with a new id', async () => {
    const kept = await fetch(`${cms.url}/_health/live`, { headers: { 'X-Request-Id': 'proxy-4f2a9c01' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-4f2a9c01');
    const forged = await fetch(`${cms.url}/_health/live`, { headers: { 'X-Request-Id': `x${'y'.repeat(80)}` } });
    expect(forged.headers.get('x-request-id')).toMatch(UUID);
    const none = await fetch(`${cms.url}/api/articles`);
    expect(none.headers.get('x-request-id')).toMatch(UUID);
  });

  it('never counts probes against the read limits', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${cms.url}/_health/${i % 2 ? 'live' : 'ready'}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
    }
    // The limit is on (3 per window, one spent by the previous test): the API still counts.
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${cms.url}/api/articles`)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('readiness with Redis and S3 (a CMS process of its own each)', () => {
  const databases: TestDatabase[] = [];
  const children: ChildStrapi[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop()));
    await Promise.all(databases.map((database) => database.drop()));
  });
  const start = async (env: Record<string, string>) => {
    const database = createSqliteDatabase();
    databases.push(database);
    const child = await startChildStrapi({ ...database.env, ...redisPrefixes(), ...env });
    children.push(child);
    return child;
  };

  it('is 503 naming redis when REDIS_URL points to a closed port, within the check\'s timeout, saying nothing of the address', async () => {
    const closed = await freePort();
    const cms = await start({ REDIS_URL: `redis://127.0.0.1:${closed}` });
    const started = Date.now();
    const res = await fetch(`${cms.url}/_health/ready`);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'fail', checks: { database: 'ok', redis: 'fail' }, failed: ['redis'] });
    expect(text).not.toContain(String(closed));
    expect(text).not.toContain('127.0.0.1');
    // Alive all the same: a Redis outage is no reason to restart the CMS.
    expect((await fetch(`${cms.url}/_health/live`)).status).toBe(200);
  }, 240_000);

  describe('a production CMS with a live Redis and an S3 endpoint that does not answer', () => {
    let cms: ChildStrapi;
    beforeAll(async () => {
      const closed = await freePort();
      cms = await start({
        NODE_ENV: 'production',
        SITE_API_TOKEN: randomBytes(24).toString('hex'),
        REDIS_URL: testRedisUrl,
        S3_BUCKET: 'uploads',
        S3_ENDPOINT: `http://127.0.0.1:${closed}`,
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      });
    }, 240_000);

    it('is 503 naming s3, with redis ok', async () => {
      const res = await fetch(`${cms.url}/_health/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'fail', checks: { database: 'ok', redis: 'ok', s3: 'fail' }, failed: ['s3'] });
    });

    it('logs one JSON object per line, with the request id it echoes', async () => {
      const live = await fetch(`${cms.url}/_health/live`);
      expect(live.status).toBe(200);
      const res = await fetch(`${cms.url}/api/articles?pagination[pageSize]=1`, { headers: { 'X-Request-Id': 'site-7d1e0b2c' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('site-7d1e0b2c');
      const generated = await fetch(`${cms.url}/api/categories`, { headers: { 'X-Request-Id': 'bad id "level":"error"' } });
      const generatedId = generated.headers.get('x-request-id');
      expect(generatedId).toMatch(UUID);

      await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = cms.output().split('\n').filter((line) => line.trim() !== '');
      const entries = lines.map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error(`A log line that is not JSON: ${line}`);
        }
      });
      for (const entry of entries) {
        expect(entry).toMatchObject({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: expect.any(String), msg: expect.any(String) });
      }
      expect(entries.find((entry) => entry.requestId === 'site-7d1e0b2c')).toMatchObject({
        level: 'http', method: 'GET', path: '/api/articles', status: 200, duration: expect.any(Number),
      });
      expect(entries.find((entry) => entry.requestId === generatedId)).toMatchObject({ path: '/api/categories', status: 200 });
      // A probe that passes is below production's level; one that fails is logged, with the reason.
      expect(entries.some((entry) => entry.path === '/_health/live')).toBe(false);
      expect(entries.find((entry) => entry.path === '/_health/ready')).toMatchObject({ level: 'http', status: 503 });
      expect(entries.find((entry) => entry.check === 's3')).toMatchObject({ level: 'warn', msg: expect.stringContaining('readiness check "s3" failed') });
    });
  });
});
