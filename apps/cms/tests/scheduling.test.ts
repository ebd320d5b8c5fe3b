import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { runPublishingSchedule, SCHEDULED_TYPES } from '../src/scheduling/run-schedule';
import type { Modules } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
/** Far in the future, so the real clock never reaches it while the tests run. */
const T = new Date('2099-03-15T08:00:00.000Z');
const at = (offsetMs: number) => new Date(T.getTime() + offsetMs);
const MINUTE = 60_000;

describe('scheduled publishing', () => {
  let cms: TestStrapi;

  const publicJson = async (slug: string) => {
    const response = await fetch(`${cms.url}/api/articles?filters[slug][$eq]=${encodeURIComponent(slug)}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, body: JSON.parse(text) as { data: Array<Record<string, unknown>> } };
  };

  const draftArticle = (slug: string, data: Record<string, unknown>) =>
    cms.strapi.documents(ARTICLE).create({
      data: {
        title: `Articolo programmato ${slug}`,
        slug,
        excerpt: 'Un articolo di prova per la pubblicazione programmata.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Testo di prova.' }] }],
        publicationDate: '2099-03-15',
        ...data,
      } as never,
    });

  /** Every version of every scheduled type: id, documentId, publishedAt, updatedAt and the schedule. */
  const allRows = async () => {
    const rows: Record<string, unknown[]> = {};
    for (const uid of SCHEDULED_TYPES) {
      rows[uid] = await cms.strapi.db.query(uid).findMany({
        select: ['id', 'documentId', 'publishedAt', 'updatedAt', 'scheduledPublishAt', 'scheduledUnpublishAt'],
        orderBy: { id: 'asc' },
      });
    }
    return rows;
  };

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false' });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('registers a task that runs every minute (at second 0) by default, next to the retention task', () => {
    const tasks = cms.strapi.config.get<Modules.Cron.CronTasks>('server.cron.tasks');
    expect(tasks.runPublishingSchedule).toMatchObject({ options: { rule: '0 * * * * *', tz: 'Europe/Rome' } });
    expect(tasks.retryPartnerWebhooks).toMatchObject({ options: { rule: '*/10 * * * * *' } });
    expect(tasks.eraseExpiredSubmissionData).toBeDefined();
  });

  it('publishes a draft article at its time, once, and never shows the schedule', async () => {
    const slug = 'articolo-programmato-pubblica';
    const { documentId } = await draftArticle(slug, { scheduledPublishAt: T.toISOString() });

    // One minute early: nothing happens, the article is not public.
    expect(await runPublishingSchedule(cms.strapi, at(-MINUTE))).toEqual({ published: [], unpublished: [] });
    expect((await publicJson(slug)).body.data).toEqual([]);

    // 30 seconds after T: published.
    const run = await runPublishingSchedule(cms.strapi, at(30_000));
    expect(run.published).toEqual([documentId]);
    expect(run.unpublished).toEqual([]);
    const { text, body } = await publicJson(slug);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ documentId, slug });
    expect(text).not.toContain('scheduledPublishAt');
    expect(text).not.toContain('scheduledUnpublishAt');

    // The schedule is cleared on both versions, and the draft is not «modified».
    const versions: Array<{ publishedAt: unknown; updatedAt: string; scheduledPublishAt: unknown }> = await cms.strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId }, select: ['publishedAt', 'updatedAt', 'scheduledPublishAt'] });
    expect(versions).toHaveLength(2);
    expect(versions.map((v) => v.scheduledPublishAt)).toEqual([null, null]);
    const [a, b] = versions.map((v) => new Date(v.updatedAt).getTime());
    expect(a).toBe(b);

    // Running again changes nothing.
    const before = await allRows();
    expect(await runPublishingSchedule(cms.strapi, at(90_000))).toEqual({ published: [], unpublished: [] });
    expect(await allRows()).toEqual(before);
  });

  it('publishes the newer draft of an already published article', async () => {
    const slug = 'articolo-programmato-modifica';
    const { documentId } = await draftArticle(slug, {});
    await cms.strapi.documents(ARTICLE).publish({ documentId });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cms.strapi.documents(ARTICLE).update({
      documentId,
      data: { title: 'Titolo corretto e programmato', scheduledPublishAt: T.toISOString() } as never,
    });
    expect((await publicJson(slug)).body.data[0]).toMatchObject({ title: `Articolo programmato ${slug}` });

    expect((await runPublishingSchedule(cms.strapi, at(30_000))).published).toEqual([documentId]);
    expect((await publicJson(slug)).body.data[0]).toMatchObject({ title: 'Titolo corretto e programmato' });
  });

  it('unpublishes an entry after its «Ritira il» time', async () => {
    const slug = 'articolo-programmato-ritira';
    const { documentId } = await draftArticle(slug, { scheduledUnpublishAt: at(10 * MINUTE).toISOString() });
    await cms.strapi.documents(ARTICLE).publish({ documentId });

    const live = await publicJson(slug);
    expect(live.body.data).toHaveLength(1);
    expect(live.text).not.toContain('scheduledUnpublishAt');

    expect(await runPublishingSchedule(cms.strapi, at(9 * MINUTE))).toEqual({ published: [], unpublished: [] });
    expect((await publicJson(slug)).body.data).toHaveLength(1);

    const run = await runPublishingSchedule(cms.strapi, at(10 * MINUTE + 30_000));
    expect(run.unpublished).toEqual([documentId]);
    expect((await publicJson(slug)).body.data).toEqual([]);

    // The draft stays, with the schedule cleared; a later run does nothing.
    const rows: Array<{ publishedAt: unknown; scheduledUnpublishAt: unknown }> = await cms.strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId }, select: ['publishedAt', 'scheduledUnpublishAt'] });
    expect(rows).toEqual([{ publishedAt: null, scheduledUnpublishAt: null }]);
    expect(await runPublishingSchedule(cms.strapi, at(20 * MINUTE))).toEqual({ published: [], unpublished: [] });
  });

  it('logs a failing document and goes on with the others', async () => {
    const good = await draftArticle('articolo-programmato-buono', { scheduledPublishAt: T.toISOString() });
    const bad = await draftArticle('articolo-programmato-rotto', { scheduledPublishAt: T.toISOString() });
    const errors: string[] = [];
    const log = cms.strapi.log.error;
    cms.strapi.log.error = ((message: string) => {
      errors.push(message);
    }) as unknown as typeof log;
    // Publishing the "bad" document fails while `failing` is set (document service middlewares cannot be removed).
    let failing = true;
    cms.strapi.documents.use(async (context, next) => {
      const params = context.params as { documentId?: string };
      if (failing && context.action === 'publish' && params.documentId === bad.documentId) throw new Error('boom');
      return next();
    });
    try {
      const run = await runPublishingSchedule(cms.strapi, at(30_000));
      expect(run.published).toEqual([good.documentId]);
      expect(errors.some((e) => e.includes(bad.documentId) && e.includes('boom'))).toBe(true);
    } finally {
      failing = false;
      cms.strapi.log.error = log;
    }
    // The failed publish rolled back: the schedule is still there and the next run publishes it.
    expect((await runPublishingSchedule(cms.strapi, at(60_000))).published).toEqual([bad.documentId]);
  });
});
