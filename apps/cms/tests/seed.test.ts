import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { DEMO_SLUGS, SEEDED_TYPES } from '@chiudete/demo-content';
import { seedDemoContent, shouldSeedDemoContent } from '../src/bootstrap/demo-content';

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

  it('gives the demo content its real 2019 timeline, not the moment of seeding (issue #16)', async () => {
    const { TESTIMONIES } = await import('@chiudete/demo-content');
    const { ARTICLES } = await import('@chiudete/demo-content');
    const launch = Date.parse('2019-07-05T00:00:00Z');
    const testimonies = await cms.strapi.documents('api::testimony.testimony').findMany({ status: 'published', fields: ['slug', 'eventMonth', 'receivedDate', 'publishedAt', 'createdAt'] });
    expect(testimonies).toHaveLength(TESTIMONIES.length);
    const received = new Set<string>();
    for (const testimony of testimonies) {
      const { slug, eventMonth, receivedDate, publishedAt } = testimony as unknown as { slug: string; eventMonth: string; receivedDate: string; publishedAt: string };
      // Received once the site collected stories (from its launch), after the facts, published a few days later.
      expect(Date.parse(`${receivedDate}T00:00:00Z`), slug).toBeGreaterThanOrEqual(launch);
      expect(receivedDate.slice(0, 7) >= eventMonth, slug).toBe(true);
      const delay = Date.parse(publishedAt) - Date.parse(`${receivedDate}T00:00:00Z`);
      expect(delay, slug).toBeGreaterThan(0);
      expect(delay, slug).toBeLessThan(15 * 24 * 3600 * 1000);
      received.add(receivedDate);
    }
    // Spread over the months, not one day.
    expect(received.size).toBe(TESTIMONIES.length);
    const articles = await cms.strapi.documents('api::article.article').findMany({ status: 'published', fields: ['slug', 'publicationDate', 'publishedAt'] });
    for (const article of articles as unknown as Array<{ slug: string; publicationDate: string; publishedAt: string }>) {
      expect(article.publishedAt.slice(0, 10), article.slug).toBe(article.publicationDate);
      expect(ARTICLES.some((seed) => seed.slug === article.slug)).toBe(true);
    }
    // Every published demo entry went online before 2021, the draft article is the only recent one.
    for (const uid of ['api::answer.answer', 'api::video.video', 'api::book-release.book-release'] as const) {
      for (const entry of await cms.strapi.documents(uid).findMany({ status: 'published', fields: ['publishedAt'] })) {
        expect(new Date(entry.publishedAt as string).getUTCFullYear(), uid).toBe(2019);
      }
    }
    // Search results carry the editorial dates too.
    const res = await fetch(`${cms.url}/api/search?q=contatore`);
    const hits = ((await res.json()) as { data: Array<{ type: string; date: string; publishedAt: string }> }).data;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.date, JSON.stringify(hit)).toMatch(/^2019-/);
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
