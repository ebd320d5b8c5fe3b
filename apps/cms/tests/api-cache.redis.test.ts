import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, createSqliteDatabase, postgresAdminUrl, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { startChildStrapi } from './helpers/child-strapi';
import { deleteRedisKeys, redisSkipReason, testRedisUrl, uniqueRedisPrefix } from './helpers/anti-abuse';
import { fetchAnswer, HIT, STORED } from './helpers/api-cache-suite';
import { RedisApiCacheStore } from '../src/api-cache/store';
import type { CachedResponse } from '../src/api-cache/entry';

/**
 * The response cache shared through Redis (REDIS_URL): what one CMS instance
 * purges, no instance serves. Two real instances share one database and one
 * Redis: A in this process, B a child process on the compiled app. The
 * database is PostgreSQL when TEST_POSTGRES_URL is set (the production
 * setup: several instances only make sense on a shared server database),
 * otherwise one SQLite file opened by both processes (SQLite locks the file,
 * so two processes on one machine may share it), so that the test also runs
 * where no PostgreSQL is available.
 */

const redisSkip = await redisSkipReason();

const entry = (text: string): CachedResponse => ({
  body: Buffer.from(text),
  headers: [['content-type', 'application/json; charset=utf-8']],
  vary: ['Origin'],
  etag: '"e"',
  lastModified: undefined,
});

describe.skipIf(redisSkip)('the Redis store of the response cache', () => {
  const prefix = uniqueRedisPrefix('api-cache-store');
  const stores: RedisApiCacheStore[] = [];
  const newStore = (url = testRedisUrl, warnings: string[] = []) => {
    const store = new RedisApiCacheStore({ url, keyPrefix: prefix, maxEntryBytes: 1_000_000, warn: (message) => warnings.push(message) });
    stores.push(store);
    return store;
  };

  afterAll(async () => {
    for (const store of stores) await store.close();
    await deleteRedisKeys(prefix);
  });

  it('shares entries and purges between two stores on one Redis, and never serves an answer computed before a purge', async () => {
    const a = newStore();
    const b = newStore();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = await a.lookup('k');
    expect(before?.entry).toBeUndefined();
    await a.save(before!.generation, 'k', entry('{"n":1}'), 60_000);
    expect((await b.lookup('k'))?.entry?.body.toString()).toBe('{"n":1}');

    const inFlight = await b.lookup('late');
    await b.purge();
    await b.save(inFlight!.generation, 'late', entry('{"stale":true}'), 60_000);
    expect(await a.save((await a.lookup('x'))!.generation, 'fresh', entry('{}'), 60_000)).toBe(true);
    expect((await a.lookup('k'))?.entry).toBeUndefined();
    expect((await a.lookup('late'))?.entry).toBeUndefined();
  });

  it('answers "unavailable" at once while Redis cannot be reached, without throwing', async () => {
    const warnings: string[] = [];
    const down = newStore('redis://127.0.0.1:9', warnings);
    const started = Date.now();
    expect(await down.lookup('k')).toBeUndefined();
    expect(await down.save('0', 'k', entry('{}'), 60_000)).toBe(false);
    await down.purge();
    expect(await down.lookup('k')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Redis is unavailable, serving the API uncached/);
  });
});

describe.skipIf(redisSkip)('the response cache shared by two CMS instances on one Redis and one database', () => {
  const cachePrefix = uniqueRedisPrefix('api-cache');
  const antiAbusePrefix = uniqueRedisPrefix('api-cache-limits');
  let database: TestDatabase;
  let a: RunningStrapi;
  let b: { url: string; stop(): Promise<void> };

  const articles = () => a.strapi.documents('api::article.article');
  const listPath = '/api/articles?pagination[pageSize]=100&sort=slug';

  beforeAll(async () => {
    database = postgresAdminUrl ? await createPostgresDatabase() : createSqliteDatabase();
    const env = {
      CRON_ENABLED: 'false',
      REDIS_URL: testRedisUrl,
      API_CACHE_REDIS_PREFIX: cachePrefix,
      ANTI_ABUSE_REDIS_PREFIX: antiAbusePrefix,
      ANTI_ABUSE_SECRET: randomBytes(32).toString('base64'),
      RATE_LIMIT_READS_ANONYMOUS: '100000',
      RATE_LIMIT_READS_TOKEN: '100000',
    };
    a = await startStrapi(database, env);
    // Same secrets (APP_KEYS... are in process.env now), settings and database; its own process and port.
    b = await startChildStrapi({ ...env, ...database.env });
  });

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await database?.drop();
    await deleteRedisKeys(cachePrefix);
    await deleteRedisKeys(antiAbusePrefix);
    for (const name of ['REDIS_URL', 'API_CACHE_REDIS_PREFIX', 'ANTI_ABUSE_REDIS_PREFIX', 'ANTI_ABUSE_SECRET']) Reflect.deleteProperty(process.env, name);
  });

  it('serves on one instance what the other stored', async () => {
    const stored = await fetchAnswer(`${a.url}/api/global`);
    expect(stored.cache).toBe(STORED);
    const hit = await fetchAnswer(`${b.url}/api/global`);
    expect(hit.cache).toBe(HIT);
    expect(hit.text).toBe(stored.text);
    expect(hit.headers.etag).toBe(stored.headers.etag);
  });

  it('serves nothing on B that a publish through A changed', async () => {
    await fetchAnswer(`${b.url}${listPath}`);
    expect((await fetchAnswer(`${b.url}${listPath}`)).cache).toBe(HIT);
    const { data } = JSON.parse((await fetchAnswer(`${b.url}${listPath}`)).text) as { data: Array<{ documentId: string; slug: string }> };
    const target = data[0]!;
    await warmArticle(b.url, target.documentId);

    const title = `Pubblicato su A, letto su B ${Date.now()}`;
    await articles().update({ documentId: target.documentId, data: { title } });
    await articles().publish({ documentId: target.documentId });

    const list = await fetchAnswer(`${b.url}${listPath}`);
    expect(list.cache).toBe(STORED);
    expect(list.text).toContain(title);
    expect((await fetchAnswer(`${b.url}/api/articles/${target.documentId}`)).text).toContain(title);

    await articles().unpublish({ documentId: target.documentId });
    const after = await fetchAnswer(`${b.url}${listPath}`);
    expect(after.cache).toBe(STORED);
    expect(after.text).not.toContain(target.slug);
    expect((await fetchAnswer(`${b.url}/api/articles/${target.documentId}`)).status).toBe(404);
  });

  it('answers 401 on B to a token revoked through A, though B had its answer cached', async () => {
    const tokens = a.strapi.service('admin::api-token') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ id: number; accessKey: string }>;
      revoke(id: number): Promise<unknown>;
    };
    const { id, accessKey } = await tokens.create({ name: 'Partner su due istanze', description: '', type: 'read-only', kind: 'content-api', lifespan: null });
    const auth = { Authorization: `Bearer ${accessKey}` };
    await fetchAnswer(`${b.url}/api/global`, auth);
    expect((await fetchAnswer(`${b.url}/api/global`, auth)).cache).toBe(HIT);
    await tokens.revoke(id);
    expect((await fetchAnswer(`${b.url}/api/global`, auth)).status).toBe(401);
  });

  async function warmArticle(url: string, documentId: string) {
    await fetchAnswer(`${url}/api/articles/${documentId}`);
    expect((await fetchAnswer(`${url}/api/articles/${documentId}`)).cache).toBe(HIT);
  }
});
