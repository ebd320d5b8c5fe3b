import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient, type StrapiClient, StrapiError } from '@chiudete/types';
import { startStrapi, type RunningStrapi } from './strapi';
import type { TestDatabase } from './database';
import { DEMO_DRAFT_ARTICLE_SLUG, DEMO_SLUGS } from '@chiudete/demo-content';

const isValidIsbn13 = (isbn: string) => {
  const digits = isbn.replace(/-/g, '');
  if (!/^97[89]\d{10}$/.test(digits)) return false;
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
};

/**
 * What a reader's browser, the site and a partner can get from the public
 * REST API, run against a real Strapi on the given database.
 */
export function publicApiSuite(name: string, createDatabase: () => Promise<TestDatabase>) {
  describe(`public REST API on ${name}`, () => {
    let database: TestDatabase;
    let cms: RunningStrapi;
    let api: StrapiClient;

    const raw = (path: string, init?: RequestInit) => fetch(`${cms.url}${path}`, init);

    beforeAll(async () => {
      database = await createDatabase();
      cms = await startStrapi(database);
      api = createStrapiClient({ baseURL: cms.url });
    });

    afterAll(async () => {
      await cms?.stop();
      await database?.drop();
    });

    describe('content shapes', () => {
      it('lists published articles, newest first, with author, categories, cover and pagination', async () => {
        const page = await api.articles.list({ sort: 'publicationDate:desc', pageSize: 100 });
        expect(page.data.length).toBe(DEMO_SLUGS.articles.length);
        expect(page.meta.pagination).toMatchObject({ page: 1, total: DEMO_SLUGS.articles.length });
        const dates = page.data.map((a) => a.publicationDate);
        expect(dates).toEqual([...dates].sort().reverse());
        for (const article of page.data) {
          expect(article.title.length).toBeGreaterThan(4);
          expect(article.excerpt.length).toBeGreaterThan(20);
          expect(article.body.length).toBeGreaterThan(0);
          expect(article.author?.name).toBe('Candy Larsson');
          expect(article.categories?.length).toBeGreaterThan(0);
          expect(article.cover?.url).toMatch(/^\/uploads\/.+\.(png|jpe?g|webp)$/);
          expect(article.cover?.alternativeText).toBeTruthy();
          expect(article).not.toHaveProperty('createdBy');
          expect(article).not.toHaveProperty('updatedBy');
        }
      });

      it('finds the two dated articles of July 2019 by slug', async () => {
        const page = await api.articles.list({ filters: { publicationDate: { $in: ['2019-07-04', '2019-07-07'] } }, sort: 'publicationDate:asc' });
        expect(page.data.map((a) => a.publicationDate)).toEqual(['2019-07-04', '2019-07-07']);
        expect(page.data[0]?.title).toContain('Per Amore e per Denaro');
        expect(page.data[1]?.title).toContain('hater');
        const bySlug = await api.articles.getBySlug(page.data[0]!.slug);
        expect(bySlug?.documentId).toBe(page.data[0]!.documentId);
      });

      it('returns null for an unknown slug and a 404 StrapiError for an unknown documentId', async () => {
        expect(await api.articles.getBySlug('non-esiste')).toBeNull();
        const error = await api.articles.get('doesnotexist000000000000').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StrapiError);
        expect(error).toMatchObject({ status: 404, method: 'GET' });
        expect((error as StrapiError).url).toContain('/api/articles/doesnotexist000000000000');
      });

      it('serves the book release with a valid ISBN-13, formats and https buy links', async () => {
        const { data } = await api.books.list();
        expect(data).toHaveLength(1);
        const book = data[0]!;
        expect(book.title).toBe('Chiudete i Call Center in outsourcing');
        expect(book.releaseDate).toBe('2019-07-20');
        expect(isValidIsbn13(book.isbn13 ?? '')).toBe(true);
        expect(book.formats?.length).toBeGreaterThan(0);
        expect(book.buyLinks?.length).toBeGreaterThan(0);
        for (const link of book.buyLinks ?? []) expect(link.url).toMatch(/^https:\/\//);
        expect(book.cover?.url).toBeTruthy();
      });

      it('serves testimonies from customers and operators in several sectors, filterable', async () => {
        const all = await api.testimonies.list({ pageSize: 100 });
        expect(all.data.length).toBeGreaterThanOrEqual(6);
        expect(new Set(all.data.map((t) => t.role))).toEqual(new Set(['cliente', 'operatore']));
        expect(new Set(all.data.map((t) => t.sector)).size).toBeGreaterThanOrEqual(4);

        const operators = await api.testimonies.list({ filters: { role: { $eq: 'operatore' } }, pageSize: 100 });
        expect(operators.data.length).toBeGreaterThan(0);
        expect(operators.data.length).toBeLessThan(all.data.length);
        expect(operators.data.every((t) => t.role === 'operatore')).toBe(true);
      });

      it('serves answers with legal references and videos with valid YouTube ids', async () => {
        const answers = await api.answers.list({ pageSize: 100 });
        expect(answers.data.length).toBeGreaterThanOrEqual(5);
        for (const answer of answers.data) {
          expect(answer.operatorClaim.length).toBeGreaterThan(5);
          expect(answer.legalReferences?.length).toBeGreaterThan(0);
        }
        const videos = await api.videos.list();
        expect(videos.data.length).toBeGreaterThanOrEqual(2);
        for (const video of videos.data) expect(video.youtubeId).toMatch(/^[A-Za-z0-9_-]{11}$/);
      });

      it('serves the Global single type with the contact address and manifesto', async () => {
        const global = await api.global.get();
        expect(global.contactEmail).toBe('redazione@chiudeteicallcenter.eu');
        expect(global.siteName).toContain('Call Center');
        expect(global.manifesto.length).toBeGreaterThan(2);
        expect(global.editorialPolicy.length).toBeGreaterThan(0);
      });

      it('caps pageSize at 100', async () => {
        const page = await api.testimonies.list({ pageSize: 1000 });
        expect(page.meta.pagination.pageSize).toBeLessThanOrEqual(100);
      });
    });

    describe('permissions', () => {
      it('never serves a draft: not listed, not by slug, not by documentId', async () => {
        const draft = await cms.strapi.documents('api::article.article').findFirst({
          filters: { slug: DEMO_DRAFT_ARTICLE_SLUG },
          status: 'draft',
        });
        expect(draft, 'the seed must create a draft article').toBeTruthy();

        expect(await api.articles.getBySlug(DEMO_DRAFT_ARTICLE_SLUG)).toBeNull();
        const all = await api.articles.list({ pageSize: 100 });
        expect(all.data.map((a) => a.slug)).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
        const res = await raw(`/api/articles/${draft!.documentId}`);
        expect(res.status).toBe(404);
      });

      it.each([
        '?status=draft',
        '?status=DRAFT',
        '?status[0]=draft',
        '?status[$eq]=draft',
        `?status=draft&filters[slug][$eq]=${DEMO_DRAFT_ARTICLE_SLUG}`,
      ])('refuses %s with 403 and says why', async (query) => {
        const res = await raw(`/api/articles${query}`);
        expect(res.status).toBe(403);
        const body = (await res.json()) as { data: unknown; error: { message: string } };
        expect(body.data).toBeNull();
        expect(body.error.message).toMatch(/draft/i);
        expect(JSON.stringify(body)).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
      });

      it('refuses status=draft on findOne of a draft document too', async () => {
        const draft = await cms.strapi.documents('api::article.article').findFirst({
          filters: { slug: DEMO_DRAFT_ARTICLE_SLUG },
          status: 'draft',
        });
        const res = await raw(`/api/articles/${draft!.documentId}?status=draft`);
        expect(res.status).toBe(403);
      });

      it('answers 400, not 500, to parameters the public API does not know', async () => {
        const res = await raw('/api/articles?publicationState=preview');
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: { message: string } };
        expect(body.error.message).toBeTruthy();
      });

      it('cannot create, update or delete anything', async () => {
        const before = await cms.strapi.documents('api::article.article').count({});
        const [first] = (await api.articles.list()).data;
        const payload = JSON.stringify({ data: { title: 'Hacked title', slug: 'hacked' } });
        const headers = { 'content-type': 'application/json' };
        const attempts = [
          raw('/api/articles', { method: 'POST', headers, body: payload }),
          raw(`/api/articles/${first!.documentId}`, { method: 'PUT', headers, body: payload }),
          raw(`/api/articles/${first!.documentId}`, { method: 'DELETE' }),
          raw('/api/testimonies', { method: 'POST', headers, body: payload }),
          raw('/api/global', { method: 'PUT', headers, body: payload }),
          raw('/api/global', { method: 'DELETE' }),
        ];
        for (const res of await Promise.all(attempts)) {
          expect([403, 404, 405]).toContain(res.status);
        }
        expect(await cms.strapi.documents('api::article.article').count({})).toBe(before);
        expect((await api.articles.get(first!.documentId)).title).toBe(first!.title);
        expect((await api.global.get()).siteName).not.toBe('Hacked title');
      });

      it('lets any origin read published content, without credentials, and no browser origin write', async () => {
        const read = await raw('/api/articles', { headers: { Origin: 'https://partner.example' } });
        expect(read.headers.get('access-control-allow-origin')).toBe('https://partner.example');
        expect(read.headers.get('access-control-allow-credentials')).not.toBe('true');

        const preflight = await raw('/api/testimony-submissions', {
          method: 'OPTIONS',
          headers: { 'Origin': 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
        });
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

        const sitePreflight = await raw('/api/testimony-submissions', {
          method: 'OPTIONS',
          headers: { 'Origin': 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
        });
        // Not even the site's origin: the site's server relays the forms (issue #16).
        expect(sitePreflight.headers.get('access-control-allow-origin')).toBeNull();
      });

      it.each([
        'filters[createdBy][email][$startsWith]=a',
        'filters[createdBy][email][$startsWith]=zzz',
        'filters[updatedBy][password][$notNull]=true',
        'filters[$or][0][createdBy][email][$contains]=@&filters[$or][1][title][$eq]=nothing',
        'filters[$and][0][$or][0][createdBy][firstname][$eq]=Redazione',
        'sort=createdBy.email:asc',
        'sort[0]=updatedBy.email:desc',
        'fields[0]=createdBy',
        'populate=createdBy',
        'populate[createdBy][fields][0]=email',
        'populate=*',
        'filters[localizations][id][$notNull]=true',
      ])('private admin fields are no oracle on testimonies: %s', async (query) => {
        const baseline = (await (await raw('/api/testimonies?pagination[pageSize]=100&sort=slug')).json()) as { data: unknown[] };
        const res = await raw(`/api/testimonies?pagination[pageSize]=100&${query}${query.startsWith('sort') ? '' : '&sort=slug'}`);
        const text = await res.text();
        expect(res.status, text).not.toBe(500);
        const body = JSON.parse(text) as { data: unknown[] | null };
        if (res.status === 200) {
          expect(JSON.stringify(body.data)).not.toMatch(/"(email|password|firstname|lastname|createdBy|updatedBy)":/);
          expect(body.data).toEqual(baseline.data);
        } else {
          expect(res.status).toBe(400);
          expect(body.data).toBeNull();
        }
      });

      it('cannot read users, roles or upload internals', async () => {
        for (const path of ['/api/users', '/api/users-permissions/roles', '/api/upload/files']) {
          const res = await raw(path);
          expect([401, 403, 404]).toContain(res.status);
        }
      });

      it('cannot register an account (sign-up is off for a site without accounts)', async () => {
        const res = await raw('/api/auth/local/register', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'x', email: 'x@example.com', password: 'Password123' }),
        });
        expect([400, 403, 404, 405]).toContain(res.status);
        expect(await cms.strapi.db.query('plugin::users-permissions.user').count({})).toBe(0);
      });
    });
  });
}
