import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient, isStrapiError, type Article, type ListParams, type RetryEvent, type StrapiClient } from '@chiudete/types';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { createReadOnlyToken } from './helpers/webhook-receiver';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';

/**
 * The partners' typed client (packages/types) against a real Strapi with the
 * demo content plus 130 extra categories, through a read-only API token as a
 * partner uses it: every page, incremental sync, typed errors, the read
 * rate limit with Retry-After, and conditional requests.
 */

const CATEGORY = 'api::category.category';
const ARTICLE = 'api::article.article';
const EXTRA_CATEGORIES = 130;
// Anonymous reads: 4 per 2-second window, so that the rate-limit test is quick.
const ANONYMOUS_READS = 4;
const WINDOW_SECONDS = 2;

describe('partner client against the real API', () => {
  let cms: TestStrapi;
  let api: StrapiClient;
  let token: string;

  const categoryIds = async (): Promise<string[]> =>
    ((await cms.strapi.db.query(CATEGORY).findMany({ select: ['documentId'] })) as Array<{ documentId: string }>).map((c) => c.documentId).sort();

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', {
      CRON_ENABLED: 'false',
      RATE_LIMIT_READS_ANONYMOUS: String(ANONYMOUS_READS),
      RATE_LIMIT_READS_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
    for (let i = 1; i <= EXTRA_CATEGORIES; i++) {
      await cms.strapi.documents(CATEGORY).create({ data: { name: `Categoria di prova ${i}`, slug: `categoria-di-prova-${i}` } });
    }
    token = await createReadOnlyToken(cms.strapi, 'Partner client test');
    api = createStrapiClient({ baseURL: cms.url, token, retryDelayMs: 50 });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  describe('pagination', () => {
    it('iterates every category, 100 per page', async () => {
      const expected = await categoryIds();
      expect(expected.length).toBeGreaterThan(EXTRA_CATEGORIES);

      const pages = [];
      for await (const page of api.categories.pages({ sort: 'name:asc' })) pages.push(page);
      expect(pages.map((p) => p.meta.pagination.pageSize)).toEqual(pages.map(() => 100));
      expect(pages).toHaveLength(Math.ceil(expected.length / 100));

      const seen: string[] = [];
      for await (const category of api.categories.iterate({ sort: 'name:asc' })) seen.push(category.documentId);
      expect(seen.sort()).toEqual(expected);
      expect((await api.categories.listAll({ pageSize: 7 })).map((c) => c.documentId).sort()).toEqual(expected);
    });

    it('honours filters while iterating', async () => {
      const found = await api.categories.listAll({ filters: { slug: { $startsWith: 'categoria-di-prova-1' } } });
      // 1, 10-19, 100-130
      expect(found).toHaveLength(1 + 10 + 31);
      expect(found.every((c) => c.slug.startsWith('categoria-di-prova-1'))).toBe(true);
    });
  });

  describe('since', () => {
    it('yields exactly what was published or updated after the date, oldest change first', async () => {
      const before = await api.categories.listAll();
      const from = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const [first, second] = before;
      await cms.strapi.documents(CATEGORY).update({ documentId: second!.documentId, data: { description: 'Aggiornata per la prova.' } });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await cms.strapi.documents(CATEGORY).update({ documentId: first!.documentId, data: { description: 'Aggiornata anche questa.' } });
      const created = await cms.strapi.documents(CATEGORY).create({ data: { name: 'Nuova dopo la data', slug: 'nuova-dopo-la-data' } });

      const changed = [];
      const changes = api.categories.since(from);
      for await (const category of changes) changed.push(category);
      expect(changed.map((c) => c.documentId)).toEqual([second!.documentId, first!.documentId, created.documentId]);
      const times = changed.map((c) => c.updatedAt);
      expect(times).toEqual([...times].sort());
      expect(times.every((t) => Date.parse(t) > from.getTime())).toBe(true);

      // The cursor to store: the last change and its entry; nothing changed after it.
      expect(changes.cursor).toBe(`${changed.at(-1)!.updatedAt}|${changed.at(-1)!.documentId}`);
      const none = [];
      for await (const category of api.categories.since(changes.cursor)) none.push(category);
      expect(none).toEqual([]);
    });

    it('walks entries with the same updatedAt across pages exactly once (keyset cursor)', async () => {
      const tied = (await api.categories.list({ filters: { slug: { $startsWith: 'categoria-di-prova-5' } }, pageSize: 100 })).data;
      expect(tied.length).toBeGreaterThanOrEqual(5);
      const at = new Date(Date.now() + 60_000);
      // One instant for all of them (updateMany leaves the given updatedAt alone).
      await cms.strapi.db.query(CATEGORY).updateMany({ where: { documentId: { $in: tied.map((c) => c.documentId) } }, data: { updatedAt: at } });

      const seen: string[] = [];
      for await (const category of api.categories.since(new Date(at.getTime() - 1), { pageSize: 2 })) seen.push(category.documentId);
      expect(seen).toEqual(tied.map((c) => c.documentId).sort());
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('sees the publish of a draft edited long before (draft-and-publish types follow publishedAt)', async () => {
      const draft = (await cms.strapi.documents(ARTICLE).findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' })) as { documentId: string; updatedAt: string };
      // The draft was written at seed time; the partner's last sync came after that.
      const from = new Date();
      expect(Date.parse(draft.updatedAt)).toBeLessThan(from.getTime());
      await new Promise((resolve) => setTimeout(resolve, 20));
      await cms.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });

      const published: Article[] = [];
      const changes = api.articles.since(from, { fields: ['title', 'slug', 'updatedAt'] });
      for await (const article of changes) published.push(article);
      expect(published.map((a) => a.slug)).toEqual([DEMO_DRAFT_ARTICLE_SLUG]);
      // The public version keeps the draft's old updatedAt: only publishedAt tells the change.
      expect(Date.parse(published[0]!.updatedAt)).toBeLessThan(from.getTime());
      expect(changes.cursor).toBe(`${published[0]!.publishedAt}|${published[0]!.documentId}`);

      const filtered: Article[] = [];
      for await (const article of api.articles.since(from, { filters: { slug: { $eq: 'un-altro-articolo' } } })) filtered.push(article);
      expect(filtered).toEqual([]);
    });

    it('resumes from the stored cursor after a run stopped between two entries published at the same time', async () => {
      const [first, second] = (await api.articles.list({ sort: 'documentId:asc', pageSize: 2 })).data;
      // Published in the same millisecond (bulk or scheduled publishing), after everything else.
      const at = new Date(Date.now() + 86_400_000);
      await cms.strapi.db.query(ARTICLE).updateMany({
        where: { documentId: { $in: [first!.documentId, second!.documentId] }, publishedAt: { $notNull: true } },
        data: { publishedAt: at },
      });

      const changes = api.articles.since(new Date(at.getTime() - 1));
      for await (const article of changes) {
        expect(article.documentId).toBe(first!.documentId);
        break; // the run stops after the first
      }

      const resumed: string[] = [];
      for await (const article of api.articles.since(changes.cursor)) resumed.push(article.documentId);
      expect(resumed).toEqual([second!.documentId]);
      expect(changes.cursor).toBe(`${at.toISOString()}|${first!.documentId}`);

      // A plain date still works: strictly after it.
      const fromDate: string[] = [];
      for await (const article of api.articles.since(new Date(at.getTime() - 1).toISOString())) fromDate.push(article.documentId);
      expect(fromDate).toEqual([first!.documentId, second!.documentId]);
      const afterDate: string[] = [];
      for await (const article of api.articles.since(at)) afterDate.push(article.documentId);
      expect(afterDate).toEqual([]);
    });
  });

  describe('typed errors', () => {
    it('a missing entry is a not_found error, not retried', async () => {
      const error = await api.articles.get('doesnotexist000000000000').catch((e: unknown) => e);
      expect(isStrapiError(error, 'not_found')).toBe(true);
      expect(error).toMatchObject({ status: 404, attempts: 1, method: 'GET' });
      expect(await api.articles.getBySlug('non-esiste')).toBeNull();
    });

    it('a parameter the API does not know is a validation error naming it (strict parameters)', async () => {
      const wrong = { filters: { nonEsiste: { $eq: 'x' } } } as unknown as ListParams<Article>;
      const error = await api.articles.list(wrong).catch((e: unknown) => e);
      expect(isStrapiError(error, 'validation')).toBe(true);
      expect(error).toMatchObject({ status: 400, attempts: 1, body: { name: 'ValidationError' } });
      expect((error as Error).message).toMatch(/^\[GET\] ".*\/api\/articles\?filters\[nonEsiste\]\[\$eq\]=x": 400 Bad Request \(ValidationError: .*nonEsiste/);
    });

    it('a wrong token is an unauthorized error', async () => {
      const stranger = createStrapiClient({ baseURL: cms.url, token: 'not-a-real-token' });
      await expect(stranger.articles.list()).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
    });
  });

  describe('the read rate limit', () => {
    it('waits for Retry-After and goes on, within maxRetryDelayMs', async () => {
      const retries: RetryEvent[] = [];
      const anonymous = createStrapiClient({ baseURL: cms.url, retryDelayMs: 50, maxRetryDelayMs: 5_000, onRetry: (event) => retries.push(event) });
      for (let i = 0; i < ANONYMOUS_READS + 2; i++) await anonymous.videos.list();
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(retries[0]!.error).toMatchObject({ kind: 'rate_limited', status: 429 });
      expect(retries[0]!.error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(retries[0]!.error.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
      expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(retries[0]!.error.retryAfterSeconds! * 1000);
    });

    it('fails at once with rate_limited when the wait is beyond maxRetryDelayMs (a page being rendered)', async () => {
      const page = createStrapiClient({ baseURL: cms.url, retries: 2, maxRetryDelayMs: 100 });
      await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000));
      let error: unknown;
      for (let i = 0; i <= ANONYMOUS_READS && !error; i++) error = await page.videos.list().then(() => undefined, (e: unknown) => e);
      expect(isStrapiError(error, 'rate_limited')).toBe(true);
      expect(error).toMatchObject({ attempts: 1, retryAfterSeconds: expect.any(Number) });
    });
  });

  describe('conditional requests', () => {
    it('revalidates with the ETag and gets a 304 for an unchanged list', async () => {
      const cached = createStrapiClient({ baseURL: cms.url, token, cache: true });
      const statuses: number[] = [];
      cached.http.interceptors.response.use((response) => {
        statuses.push(response.status);
        return response;
      });
      const first = await cached.answers.list({ sort: 'title:asc' });
      const second = await cached.answers.list({ sort: 'title:asc' });
      expect(statuses).toEqual([200, 304]);
      expect(second).toEqual(first);
      expect(second.data.length).toBeGreaterThan(0);
    });
  });
});
