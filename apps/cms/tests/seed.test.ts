import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { DEMO_SLUGS, SEEDED_TYPES, seedDemoContent, shouldSeedDemoContent } from '../src/seed';

const TABLES = [...SEEDED_TYPES, 'plugin::upload.file', 'admin::user'] as const;

/** Row count and newest update of every table the seed and the bootstrap write to. */
async function snapshot(strapi: Core.Strapi) {
  const result: Record<string, { count: number; newest: string | null }> = {};
  for (const uid of TABLES) {
    const rows: Array<{ updatedAt: string | Date | null }> = await strapi.db.query(uid).findMany({ select: ['updatedAt'] });
    const times = rows.map((r) => (r.updatedAt ? new Date(r.updatedAt).toISOString() : '')).sort();
    result[uid] = { count: rows.length, newest: times.at(-1) ?? null };
  }
  return result;
}

describe('demo content seed', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;

  beforeAll(async () => {
    database = createSqliteDatabase();
    cms = await startStrapi(database);
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
  });

  it('loads every demo entry on first start', async () => {
    const published = async (uid: (typeof SEEDED_TYPES)[number]) =>
      cms.strapi.documents(uid).count({ status: 'published' });
    expect(await published('api::article.article')).toBe(DEMO_SLUGS.articles.length);
    expect(DEMO_SLUGS.articles.length).toBeGreaterThanOrEqual(6);
    expect(await published('api::testimony.testimony')).toBe(DEMO_SLUGS.testimonies.length);
    expect(DEMO_SLUGS.testimonies.length).toBeGreaterThanOrEqual(6);
    expect(await published('api::answer.answer')).toBe(DEMO_SLUGS.answers.length);
    expect(DEMO_SLUGS.answers.length).toBeGreaterThanOrEqual(5);
    expect(await published('api::video.video')).toBe(DEMO_SLUGS.videos.length);
    expect(DEMO_SLUGS.videos.length).toBeGreaterThanOrEqual(2);
    expect(await published('api::book-release.book-release')).toBe(1);
    expect(await cms.strapi.documents('api::global.global').count({})).toBe(1);
    expect(await cms.strapi.db.query('plugin::upload.file').count({})).toBeGreaterThan(DEMO_SLUGS.articles.length);
  });

  it('changes nothing when run again in the same process', async () => {
    const before = await snapshot(cms.strapi);
    const result = await seedDemoContent(cms.strapi);
    expect(result.skipped).toBe(true);
    expect(result.created).toBe(0);
    expect(await snapshot(cms.strapi)).toEqual(before);
  });

  it('changes nothing when Strapi restarts on the same database', async () => {
    const before = await snapshot(cms.strapi);
    await cms.stop();
    cms = await startStrapi(database);
    expect(await snapshot(cms.strapi)).toEqual(before);
  });
});

describe('shouldSeedDemoContent', () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env.NODE_ENV = saved.NODE_ENV;
    process.env.SEED_DEMO_CONTENT = saved.SEED_DEMO_CONTENT;
  });

  it.each([
    ['development', undefined, true],
    ['production', undefined, false],
    ['production', 'true', true],
    ['development', 'false', false],
  ])('NODE_ENV=%s SEED_DEMO_CONTENT=%s → %s', (nodeEnv, flag, expected) => {
    process.env.NODE_ENV = nodeEnv;
    if (flag === undefined) delete process.env.SEED_DEMO_CONTENT;
    else process.env.SEED_DEMO_CONTENT = flag;
    expect(shouldSeedDemoContent()).toBe(expected);
  });
});
