import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStrapi, type RunningStrapi } from './strapi';
import type { TestDatabase } from './database';
import { DRAFT_ATTACK_QUERIES, PRIVATE_FIELD_ATTACK_QUERIES, PRIVATE_KEYS } from './partner-attacks';
import { apiCache } from '../../src/api-cache';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';

const SITE_API_TOKEN = 's'.repeat(64);
const PREVIEW_API_TOKEN = 'p'.repeat(64);
const FUTURE = 'Fri, 01 Jan 2100 00:00:00 GMT';

export const HIT = 'chiudete-api; hit';
export const STORED = 'chiudete-api; fwd=miss; stored';
export const NOT_STORED = 'chiudete-api; fwd=miss';
export const BYPASS = /^chiudete-api; fwd=bypass/;

/** Headers that legitimately differ between two answers of the same resource. */
const PER_RESPONSE = new Set(['date', 'cache-status', 'ratelimit-remaining', 'ratelimit-reset', 'keep-alive', 'connection', 'x-request-id']);

export interface Answer {
  status: number;
  cache: string | null;
  text: string;
  headers: Record<string, string>;
}

export const fetchAnswer = async (url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> => {
  const res = await fetch(url, { method, headers });
  const all: Record<string, string> = {};
  res.headers.forEach((value, name) => (all[name] = value));
  return { status: res.status, cache: res.headers.get('cache-status'), text: await res.text(), headers: all };
};

const replayable = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name)));

interface Article {
  documentId: string;
  slug: string;
  title: string;
  author?: { documentId: string; name: string };
  cover?: { id: number; alternativeText: string | null };
}

/**
 * The response cache of the public read API (src/api-cache,
 * src/middlewares/api-cache.ts) against a real Strapi on the given database,
 * in this process's memory: hits byte for byte, 304s, every purge, drafts,
 * credentials kept apart, revoked and expiring tokens, private fields.
 */
export function apiCacheSuite(name: string, createDatabase: () => Promise<TestDatabase>) {
  describe(`response cache of the public API on ${name}`, () => {
    let database: TestDatabase;
    let cms: RunningStrapi;

    const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetchAnswer(`${cms.url}${path}`, headers, method);
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    const tokenService = () => cms.strapi.service('admin::api-token') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ id: number; accessKey: string }>;
      revoke(id: number): Promise<unknown>;
      regenerate(id: number): Promise<{ accessKey: string }>;
    };
    let tokenCount = 0;
    const createToken = (type = 'read-only') =>
      tokenService().create({ name: `Partner cache ${++tokenCount}`, description: '', type, kind: 'content-api', lifespan: null });
    const articles = () => cms.strapi.documents('api::article.article');

    /**
     * Reads `path` until it is served from the cache, and returns that hit.
     * After a change the content event's purge (after the commit, in the
     * background) may still arrive: it empties the cache once more.
     */
    const warm = async (path: string, headers: Record<string, string> = {}) => {
      let answer = await get(path, headers);
      expect(answer.status, answer.text.slice(0, 200)).toBe(200);
      for (let attempt = 0; attempt < 20 && answer.cache !== HIT; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        answer = await get(path, headers);
      }
      expect(answer.cache, path).toBe(HIT);
      return answer;
    };

    /**
     * The first answer after a change is computed afresh (stored, or not
     * stored when the content events' own purge, which on PostgreSQL can land
     * after the write returned, moved the generation meanwhile), never a hit.
     */
    const expectPurged = (cache: string | null) => expect([STORED, NOT_STORED]).toContain(cache);

    /** The public list, as the cache holds it after `warm`. */
    const listArticles = async (headers: Record<string, string> = {}) => {
      const answer = await get('/api/articles?pagination[pageSize]=100&sort=slug', headers);
      return { answer, data: (JSON.parse(answer.text) as { data: Article[] }).data };
    };

    beforeAll(async () => {
      database = await createDatabase();
      cms = await startStrapi(database, {
        CRON_ENABLED: 'false',
        SITE_API_TOKEN,
        PREVIEW_API_TOKEN,
        RATE_LIMIT_READS_ANONYMOUS: '100000',
        RATE_LIMIT_READS_TOKEN: '100000',
        API_CACHE_TTL_SECONDS: '300',
      });
    });

    afterAll(async () => {
      await cms?.stop();
      await database?.drop();
    });

    beforeEach(async () => {
      await apiCache(cms.strapi)!.purge();
    });

    describe('hits', () => {
      it.each(['/api/articles', '/api/global', '/api/authors?sort=name', '/api/testimonies?pagination[pageSize]=2'])(
        'answers a repeated read of %s from the cache with the same bytes and headers',
        async (path) => {
          const miss = await get(path);
          expect(miss.status).toBe(200);
          expect(miss.cache).toBe(STORED);
          const hit = await get(path);
          expect(hit.cache).toBe(HIT);
          expect(hit.text).toBe(miss.text);
          expect(replayable(hit.headers)).toEqual(replayable(miss.headers));
          expect(hit.headers.etag).toMatch(/^"[\w-]+"$/);
          expect(hit.headers['content-length']).toBe(String(Buffer.byteLength(miss.text)));
          // Each answer carries its own request's id, never the one of the request that filled the cache.
          expect(hit.headers['x-request-id']).toMatch(/^[\w.:-]+$/);
          expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id']);
        },
      );

      it('answers HEAD from the same entry, without a body', async () => {
        const miss = await get('/api/articles');
        const head = await get('/api/articles', {}, 'HEAD');
        expect(head.status).toBe(200);
        expect(head.cache).toBe(HIT);
        expect(head.text).toBe('');
        expect(replayable(head.headers)).toEqual(replayable(miss.headers));
      });

      it('answers 304 on a hit to a current If-None-Match or If-Modified-Since, 200 with the body otherwise', async () => {
        const cached = await warm('/api/articles');
        const { etag } = cached.headers;

        const notModified = await get('/api/articles', { 'If-None-Match': etag! });
        expect(notModified.status).toBe(304);
        expect(notModified.cache).toBe(HIT);
        expect(notModified.text).toBe('');
        expect(notModified.headers.etag).toBe(etag);
        expect(notModified.headers['cache-control']).toBe(cached.headers['cache-control']);
        expect(notModified.headers['last-modified']).toBe(cached.headers['last-modified']);
        expect(notModified.headers['content-type']).toBeUndefined();

        expect((await get('/api/articles', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
        expect((await get('/api/articles', { 'If-Modified-Since': FUTURE })).status).toBe(304);
        const other = await get('/api/articles', { 'If-None-Match': '"not-the-tag"' });
        expect(other.status).toBe(200);
        expect(other.cache).toBe(HIT);
        expect(other.text).toBe(cached.text);
      });

      it('fills the cache from a conditional request too, answering it 304', async () => {
        const { etag } = (await warm('/api/global')).headers;
        await apiCache(cms.strapi)!.purge();
        const revalidated = await get('/api/global', { 'If-None-Match': etag! });
        expect(revalidated.status).toBe(304);
        expect(revalidated.cache).toBe(STORED);
        const full = await get('/api/global');
        expect(full.status).toBe(200);
        expect(full.cache).toBe(HIT);
        expect(full.headers.etag).toBe(etag);
      });

      it('keeps errors, the forms\' routes and the search out of the cache', async () => {
        for (const path of ['/api/articles/doesnotexist000000000000', '/api/articles?foo=bar']) {
          const first = await get(path);
          expect(first.status).toBeGreaterThanOrEqual(400);
          expect((await get(path)).cache, path).toBe(NOT_STORED);
        }
        for (const path of ['/api/form-tokens/testimony', '/api/search?q=operatore']) {
          await get(path);
          expect((await get(path)).cache, path).toBeNull();
        }
      });
    });

    describe('purges', () => {
      let target: Article;

      beforeAll(async () => {
        const { data } = await listArticles();
        target = data.find((article) => article.cover && article.author)!;
        expect(target).toBeDefined();
      });

      it('on an update published: the list and the article show it at once', async () => {
        await warm('/api/articles?pagination[pageSize]=100&sort=slug');
        await warm(`/api/articles/${target.documentId}`);
        const title = `Titolo cambiato per la cache ${Date.now()}`;
        await articles().update({ documentId: target.documentId, data: { title } });
        await articles().publish({ documentId: target.documentId });

        const { answer, data } = await listArticles();
        expectPurged(answer.cache);
        expect(data.find((a) => a.documentId === target.documentId)?.title).toBe(title);
        expect((await get(`/api/articles/${target.documentId}`)).text).toContain(title);
        expect((await warm('/api/articles?pagination[pageSize]=100&sort=slug')).text).toContain(title);
      });

      it('not on a draft edit, which the public does not see', async () => {
        const before = await warm('/api/articles?pagination[pageSize]=100&sort=slug');
        await articles().update({ documentId: target.documentId, data: { title: 'Solo in bozza: non pubblico' } });
        const after = await get('/api/articles?pagination[pageSize]=100&sort=slug');
        expect(after.cache).toBe(HIT);
        expect(after.text).toBe(before.text);
        await articles().discardDraft({ documentId: target.documentId });
      });

      it('on unpublish, publish and delete', async () => {
        const created = await articles().create({
          data: { title: 'Articolo effimero per la cache', slug: `articolo-effimero-${Date.now()}`, excerpt: 'Un articolo che compare e scompare.', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Compare e scompare.' }] }], publicationDate: '2019-07-10' },
        });
        const { documentId, slug } = created as unknown as Article;
        const slugs = async () => (await listArticles()).data.map((a) => a.slug);

        await warm('/api/articles?pagination[pageSize]=100&sort=slug');
        await articles().publish({ documentId });
        expect(await slugs()).toContain(slug);

        await warm('/api/articles?pagination[pageSize]=100&sort=slug');
        await articles().unpublish({ documentId });
        expect(await slugs()).not.toContain(slug);

        await articles().publish({ documentId });
        await warm('/api/articles?pagination[pageSize]=100&sort=slug');
        await warm(`/api/articles/${documentId}`);
        await articles().delete({ documentId });
        expect(await slugs()).not.toContain(slug);
        expect((await get(`/api/articles/${documentId}`)).status).toBe(404);
      });

      it('on an author rename, populated into the articles', async () => {
        await warm('/api/articles?pagination[pageSize]=100&sort=slug');
        const name = `Candy Larsson ${Date.now()}`;
        await cms.strapi.documents('api::author.author').update({ documentId: target.author!.documentId, data: { name } });
        const { answer, data } = await listArticles();
        expectPurged(answer.cache);
        expect(data.find((a) => a.documentId === target.documentId)?.author?.name).toBe(name);
        expect((await warm('/api/articles?pagination[pageSize]=100&sort=slug')).text).toContain(name);
      });

      it('on a media library edit (alternative text), populated into the articles', async () => {
        await warm('/api/articles?pagination[pageSize]=100&sort=slug');
        const alternativeText = `Copertina descritta di nuovo ${Date.now()}`;
        const upload = cms.strapi.plugin('upload').service('upload') as unknown as { updateFileInfo(id: number, info: { alternativeText: string }): Promise<unknown> };
        await upload.updateFileInfo(target.cover!.id, { alternativeText });
        const { answer, data } = await listArticles();
        expectPurged(answer.cache);
        expect(data.find((a) => a.documentId === target.documentId)?.cover?.alternativeText).toBe(alternativeText);
        expect((await warm('/api/articles?pagination[pageSize]=100&sort=slug')).text).toContain(alternativeText);
      });

      it('on a change of the site settings (Global)', async () => {
        await warm('/api/global');
        const global = await cms.strapi.documents('api::global.global').findFirst({});
        const tagline = `Motto aggiornato ${Date.now()}`;
        await cms.strapi.documents('api::global.global').update({ documentId: global!.documentId, data: { tagline } });
        const after = await get('/api/global');
        expectPurged(after.cache);
        expect(after.text).toContain(tagline);
        expect((await warm('/api/global')).text).toContain(tagline);
      });
    });

    describe('drafts', () => {
      const draftPath = `/api/articles?status=draft&filters[slug][$eq]=${DEMO_DRAFT_ARTICLE_SLUG}`;

      it('never enters the cache, not even for the preview token, and stays refused to others', async () => {
        for (let i = 0; i < 2; i++) {
          const preview = await get(draftPath, bearer(PREVIEW_API_TOKEN));
          expect(preview.status).toBe(200);
          expect(preview.text).toContain(DEMO_DRAFT_ARTICLE_SLUG);
          expect(preview.cache).toMatch(BYPASS);
        }
        for (const headers of [{}, bearer(SITE_API_TOKEN), bearer((await createToken()).accessKey)]) {
          const refused = await get(draftPath, headers);
          expect(refused.status).toBe(403);
          expect(refused.text).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
        }
        // Without `status`, the preview token reads published content: not stored either (it may read drafts).
        await get('/api/articles', bearer(PREVIEW_API_TOKEN));
        expect((await get('/api/articles', bearer(PREVIEW_API_TOKEN))).cache).toBe(NOT_STORED);
        expect((await get(`/api/articles?filters[slug][$eq]=${DEMO_DRAFT_ARTICLE_SLUG}`)).text).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
      });
    });

    describe('credentials', () => {
      it('never serves a token\'s answer to anonymous readers or to another token', async () => {
        const a = await createToken();
        const b = await createToken();
        const fromA = await warm('/api/articles', bearer(a.accessKey));
        expect(fromA.headers['cache-control']).toMatch(/^private/);

        const anonymous = await get('/api/articles');
        expect(anonymous.cache).toBe(STORED);
        expect(anonymous.headers['cache-control']).toMatch(/^public/);
        expect((await get('/api/articles', bearer(b.accessKey))).cache).toBe(STORED);
        expect((await get('/api/articles', bearer(SITE_API_TOKEN))).cache).toBe(STORED);
        expect((await get('/api/articles', { Authorization: `Bearer ${a.accessKey}x` })).status).toBe(401);
        expect((await get('/api/articles', bearer(a.accessKey))).cache).toBe(HIT);
      });

      it('answers 401 to a revoked token at once, though its answer was cached', async () => {
        const token = await createToken();
        await warm('/api/articles', bearer(token.accessKey));
        await tokenService().revoke(token.id);
        const revoked = await get('/api/articles', bearer(token.accessKey));
        expect(revoked.status).toBe(401);
        expect(revoked.text).not.toContain('"data":[');
      });

      it('answers 401 to the old value of a regenerated token, 200 to the new one', async () => {
        const token = await createToken();
        await warm('/api/global', bearer(token.accessKey));
        const { accessKey } = await tokenService().regenerate(token.id);
        expect((await get('/api/global', bearer(token.accessKey))).status).toBe(401);
        expect((await get('/api/global', bearer(accessKey))).status).toBe(200);
      });

      it('keeps a token\'s answer no longer than the token lives', async () => {
        const token = await createToken();
        await cms.strapi.db.query('admin::api-token').update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() + 1_500) } });
        await warm('/api/global', bearer(token.accessKey));
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect((await get('/api/global', bearer(token.accessKey))).status).toBe(401);
      });
    });

    describe('private data', () => {
      it.each(PRIVATE_FIELD_ATTACK_QUERIES)('articles?%s: the cached answer leaks nothing either', async (query) => {
        const { accessKey } = await createToken();
        const path = `/api/articles?pagination[pageSize]=100&${query}`;
        const first = await get(path, bearer(accessKey));
        const second = await get(path, bearer(accessKey));
        for (const answer of [first, second]) {
          expect(answer.status, answer.text.slice(0, 200)).not.toBe(500);
          expect(answer.text).not.toMatch(PRIVATE_KEYS);
        }
        expect(second.status).toBe(first.status);
        expect(second.text).toBe(first.text);
        expect(second.cache).toBe(first.status === 200 ? HIT : NOT_STORED);
      });

      it('never caches nor serves the draft through any of the partner attack queries', async () => {
        const draft = await articles().findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' });
        for (const template of DRAFT_ATTACK_QUERIES) {
          const path = template.replace(/SLUG/g, DEMO_DRAFT_ARTICLE_SLUG).replace(/DRAFT/g, draft!.documentId);
          for (const headers of [{}, bearer(SITE_API_TOKEN)]) {
            for (let i = 0; i < 2; i++) {
              const answer = await get(path, headers);
              expect(answer.status, path).not.toBe(500);
              expect(answer.text, path).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
            }
          }
        }
      });
    });
  });
}
