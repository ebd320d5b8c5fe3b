import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OsservatorioResponse } from '@chiudete/types';
import { createPostgresDatabase, createSqliteDatabase, postgresAdminUrl, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { startChildStrapi } from './helpers/child-strapi';
import { deleteRedisKeys, redisSkipReason, testRedisUrl, uniqueRedisPrefix } from './helpers/anti-abuse';

/**
 * The Osservatorio on two CMS instances sharing one database and one Redis
 * (the production setup with several instances): a testimony published or
 * unpublished through A shows in B's figures, JSON and CSV, within 5 s. A
 * in this process, B a child process on the compiled app; PostgreSQL when
 * TEST_POSTGRES_URL is set, otherwise one SQLite file opened by both.
 */

const redisSkip = await redisSkipReason();
const TESTIMONY = 'api::testimony.testimony';
const CHANGE_DEADLINE_MS = 5_000;

describe.skipIf(redisSkip)('the Osservatorio on two CMS instances with Redis', () => {
  const cachePrefix = uniqueRedisPrefix('osservatorio-cache');
  const antiAbusePrefix = uniqueRedisPrefix('osservatorio-abuse');
  let database: TestDatabase;
  let a: RunningStrapi;
  let b: { url: string; stop(): Promise<void> };

  const total = async (path: string): Promise<number> => {
    const res = await fetch(`${b.url}${path}`);
    expect(res.status).toBe(200);
    if (path.includes('download.csv')) return Number(/\r\ntotal,,,(\d+)\r\n/.exec(await res.text())![1]);
    return ((await res.json()) as OsservatorioResponse).data.total;
  };
  /** Polls B until `expected`, at most 5 s; returns how long it took. */
  const shownWithin = async (path: string, expected: number): Promise<number> => {
    const started = Date.now();
    for (;;) {
      const value = await total(path);
      if (value === expected) return Date.now() - started;
      if (Date.now() - started > CHANGE_DEADLINE_MS) throw new Error(`${path} on B: ${value}, not ${expected}, after ${CHANGE_DEADLINE_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    database = postgresAdminUrl ? await createPostgresDatabase() : createSqliteDatabase();
    const env = {
      CRON_ENABLED: 'false',
      REDIS_URL: testRedisUrl,
      API_CACHE_REDIS_PREFIX: cachePrefix,
      ANTI_ABUSE_REDIS_PREFIX: antiAbusePrefix,
      ANTI_ABUSE_SECRET: randomBytes(32).toString('base64'),
      RATE_LIMIT_READS_ANONYMOUS: '100000',
    };
    a = await startStrapi(database, env);
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

  it('shows on B, within 5 s, a testimony published then unpublished through A', async () => {
    const paths = ['/api/osservatorio?sector=gas', '/api/osservatorio/download.csv?sector=gas'];
    const before = await total(paths[0]!);
    // B keeps its figures (and the response cache its JSON answer).
    for (const path of paths) expect(await total(path)).toBe(before);

    const { documentId } = await a.strapi.documents(TESTIMONY).create({
      data: {
        title: 'Due istanze, una bolletta', slug: `due-istanze-${Date.now()}`, role: 'cliente', sector: 'gas', channel: 'email', eventMonth: '2026-05',
        story: 'Una storia pubblicata da una istanza del CMS e contata dall’altra, per provare che l’Osservatorio la vede.', displayName: 'Cliente, Torino',
      } as never,
      status: 'published',
    });
    const shown = await Promise.all(paths.map((path) => shownWithin(path, before + 1)));
    await a.strapi.documents(TESTIMONY).unpublish({ documentId });
    const hidden = await Promise.all(paths.map((path) => shownWithin(path, before)));
    expect(Math.max(...shown, ...hidden)).toBeLessThan(CHANGE_DEADLINE_MS);
  });
});
