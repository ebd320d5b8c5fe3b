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
  it.each([
    // Fail closed: no NODE_ENV (as `strapi start` leaves it) or a non-production one is not a developer's machine.
    [{}, false],
    [{ NODE_ENV: 'development' }, false],
    [{ NODE_ENV: 'test' }, false],
    [{ NODE_ENV: 'production' }, false],
    [{ CMS_DEVELOPMENT: 'true' }, true],
    [{ CMS_DEVELOPMENT: 'true', SEED_DEMO_CONTENT: 'false' }, false],
    [{ NODE_ENV: 'production', SEED_DEMO_CONTENT: 'true' }, true],
    [{ NODE_ENV: 'development', SEED_DEMO_CONTENT: 'false' }, false],
  ])('%j → %s', (env: Record<string, string>, expected) => {
    expect(shouldSeedDemoContent(env)).toBe(expected);
  });

  it('refuses the development flag in production, and a flag that is not true or false', () => {
    expect(() => shouldSeedDemoContent({ CMS_DEVELOPMENT: 'true', NODE_ENV: 'production' })).toThrow(/cannot be combined with NODE_ENV=production/);
    expect(() => shouldSeedDemoContent({ CMS_DEVELOPMENT: 'yes please' })).toThrow(/CMS_DEVELOPMENT="yes please" must be true or false/);
  });
});
