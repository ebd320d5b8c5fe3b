import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UID } from '@strapi/strapi';
import { SITEMAP_PAGE_SIZE_MAX, SITEMAP_TYPES, createStrapiClient, type SitemapEntry, type SitemapType, type StrapiClient } from '@chiudete/types';
import { startStrapi, type RunningStrapi } from './strapi';
import type { TestDatabase } from './database';
import { rows } from './sql';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { loadScaleContent } from '../../scripts/scale-seed';
import { indexPublishedBatch, searchIndexIdle } from '../../src/api/search/lib';
import { SITEMAP_SOURCES } from '../../src/sitemap';

interface ErrorBody {
  error: { status: number; name: string; message: string; details: { errors: Array<{ field: string; code: string; message: string }> } };
}

/**
 * The sitemap source (`GET /api/sitemap`, `GET /api/sitemap/:type`) against
 * a real Strapi with the demo content and a few hundred generated entries:
 * counts, pagination, order, drafts and private fields never listed, public
 * access with the read limits and HTTP caching, 400s.
 */
export function sitemapSuite(name: string, createDatabase: () => Promise<TestDatabase>) {
  describe(`sitemap source on ${name}`, () => {
    let database: TestDatabase;
    let cms: RunningStrapi;
    let api: StrapiClient;

    const raw = (path: string, init?: RequestInit) => fetch(`${cms.url}/api${path}`, init);
    const tableOf = (uid: UID.ContentType) => (cms.strapi.db.metadata.get(uid) as unknown as { tableName: string }).tableName;
    /** Published slugs as the database orders them (its collation decides), with their last change. */
    const publishedSlugs = async (type: SitemapType) =>
      (await rows<{ slug: string; updated_at: unknown }>(cms.strapi, `SELECT slug, updated_at FROM ${tableOf(SITEMAP_SOURCES[type])} WHERE published_at IS NOT NULL ORDER BY slug, id`))
        .map((row) => row.slug);
    const allPages = async (type: SitemapType, pageSize: number): Promise<SitemapEntry[]> => {
      const entries: SitemapEntry[] = [];
      for (let page = 1; ; page++) {
        const { data, meta } = await api.sitemap.page(type, page, pageSize);
        entries.push(...data);
        if (page >= meta.pagination.pageCount) return entries;
      }
    };

    beforeAll(async () => {
      database = await createDatabase();
      cms = await startStrapi(database, { CRON_ENABLED: 'false', RATE_LIMIT_READS_ANONYMOUS: '1000000' });
      api = createStrapiClient({ baseURL: cms.url });
      await searchIndexIdle(cms.strapi);
      await loadScaleContent(cms.strapi, { testimonies: 260, articles: 30, seed: 3, indexBatch: (trx, documents) => indexPublishedBatch(cms.strapi, trx, documents) });
    });

    afterAll(async () => {
      await cms?.stop();
      await database?.drop();
    });

    it('summarises every type with pages of its own: published count and newest change', async () => {
      const { data } = await api.sitemap.types();
      expect(data.map((row) => row.type)).toEqual([...SITEMAP_TYPES]);
      for (const summary of data) {
        const table = tableOf(SITEMAP_SOURCES[summary.type]);
        const [expected] = await rows<{ n: number | string; newest: unknown }>(cms.strapi, `SELECT count(*) AS n, max(updated_at) AS newest FROM ${table} WHERE published_at IS NOT NULL`);
        expect(summary.count, summary.type).toBe(Number(expected!.n));
        expect(summary.count, summary.type).toBeGreaterThan(0);
        expect(Date.parse(summary.lastModified!), summary.type).toBe(new Date(expected!.newest as string).getTime());
      }
      expect(data.find((row) => row.type === 'testimony')!.count).toBeGreaterThan(260);
    });

    it('pages through every published slug once, in a stable slug order', async () => {
      const expected = await publishedSlugs('testimony');
      const entries = await allPages('testimony', 100);
      expect(entries.map((entry) => entry.slug)).toEqual(expected);
      const first = await api.sitemap.page('testimony', 1, 100);
      expect(first.meta.pagination).toEqual({ page: 1, pageSize: 100, pageCount: Math.ceil(expected.length / 100), total: expected.length });
      const whole = await api.sitemap.page('testimony');
      expect(whole.meta.pagination).toEqual({ page: 1, pageSize: SITEMAP_PAGE_SIZE_MAX, pageCount: 1, total: expected.length });
      expect(whole.data).toEqual(entries);
      const past = await api.sitemap.page('testimony', 4, 100);
      expect(past.data).toEqual([]);
      expect(past.meta.pagination.total).toBe(expected.length);
      for (const type of SITEMAP_TYPES) expect((await allPages(type, 7)).map((entry) => entry.slug), type).toEqual(await publishedSlugs(type));
    });

    it('gives the slug and the last change of the published version, nothing else', async () => {
      for (const type of SITEMAP_TYPES) {
        for (const entry of (await api.sitemap.page(type)).data) {
          expect(Object.keys(entry).sort(), type).toEqual(['slug', 'updatedAt']);
          expect(entry.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        }
      }
    });

    it('never lists drafts: an unpublished entry, an entry never published, a draft of a published one', async () => {
      const slugs = async (type: SitemapType) => (await api.sitemap.page(type)).data.map((entry) => entry.slug);
      expect(await slugs('article')).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);

      const before = (await api.sitemap.types()).data.find((row) => row.type === 'testimony')!.count;
      const draft = await cms.strapi.documents('api::testimony.testimony').create({
        data: { title: 'Una bozza che non deve uscire', slug: 'una-bozza-che-non-deve-uscire', role: 'cliente', sector: 'luce', channel: 'chat', eventMonth: '2026-10', story: 'Una storia ancora in bozza, che nessuno fuori dalla redazione deve vedere, nemmeno nella mappa del sito.', displayName: 'Cliente, Roma' },
      });
      const [published] = (await api.sitemap.page('testimony', 1, 1)).data;
      const target = await cms.strapi.documents('api::testimony.testimony').findFirst({ filters: { slug: published!.slug }, status: 'published' });
      await cms.strapi.documents('api::testimony.testimony').unpublish({ documentId: target!.documentId });
      const edited = (await api.sitemap.page('testimony', 1, 1)).data[0]!;
      const other = await cms.strapi.documents('api::testimony.testimony').findFirst({ filters: { slug: edited.slug }, status: 'published' });
      await cms.strapi.documents('api::testimony.testimony').update({ documentId: other!.documentId, data: { slug: 'slug-di-una-bozza-non-pubblicata' } });

      const listed = await slugs('testimony');
      expect(listed).not.toContain('una-bozza-che-non-deve-uscire');
      expect(listed).not.toContain(published!.slug);
      expect(listed).not.toContain('slug-di-una-bozza-non-pubblicata');
      expect(listed).toContain(edited.slug);
      expect((await api.sitemap.types()).data.find((row) => row.type === 'testimony')!.count).toBe(before - 1);
      await cms.strapi.documents('api::testimony.testimony').delete({ documentId: draft.documentId });
    });

    it('is public like the other reads: anonymous and read-only tokens, read limits, ETag and 304', async () => {
      const anonymous = await raw('/sitemap/article?pageSize=5');
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('ratelimit-limit')).toBeTruthy();
      expect(anonymous.headers.get('cache-control')).toMatch(/public/);
      const etag = anonymous.headers.get('etag')!;
      expect(etag).toBeTruthy();
      expect((await raw('/sitemap/article?pageSize=5', { headers: { 'If-None-Match': etag } })).status).toBe(304);
      expect((await raw('/sitemap')).headers.get('etag')).toBeTruthy();

      const tokens = cms.strapi.service('admin::api-token') as unknown as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
      const { accessKey } = await tokens.create({ name: 'Partner sitemap', description: '', type: 'read-only', kind: 'content-api', lifespan: null });
      const partner = createStrapiClient({ baseURL: cms.url, token: accessKey });
      expect((await partner.sitemap.page('article', 1, 5)).data).toEqual((await anonymous.json() as { data: SitemapEntry[] }).data);
      expect((await partner.sitemap.types()).data).toEqual((await api.sitemap.types()).data);
    });

    it('answers 400 with a clear message to a bad type, page, page size or parameter, never a 500', async () => {
      const badRequest = async (path: string, field: string, pattern: RegExp) => {
        const res = await raw(path);
        const body = await res.json() as ErrorBody;
        expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(400);
        expect(body.error.name).toBe('ValidationError');
        expect(body.error.message, path).toMatch(pattern);
        expect(body.error.details.errors.map((error) => error.field), path).toContain(field);
        for (const error of body.error.details.errors) expect(error.message.length).toBeGreaterThan(10);
      };
      for (const type of ['video', 'testimonies', 'global', 'testimony-submission', 'ARTICLE']) {
        await badRequest(`/sitemap/${type}`, 'type', new RegExp(SITEMAP_TYPES.join(', ')));
      }
      for (const page of ['0', '-1', 'abc', '1.5', '50001']) await badRequest(`/sitemap/article?page=${page}`, 'page', /"page" must be an integer from 1 to 50000/);
      for (const size of ['0', '50001', 'x']) await badRequest(`/sitemap/article?pageSize=${size}`, 'pageSize', /"pageSize" must be an integer from 1 to 50000/);
      await badRequest('/sitemap/article?page=1&page=2', 'page', /"page"/);
      await badRequest('/sitemap/article?foo=1', 'foo', /Unknown parameter "foo"/);
      await badRequest('/sitemap/article?status=draft', 'status', /Unknown parameter "status"/);
      await badRequest('/sitemap?page=2', 'page', /takes no parameter/);
    });
  });
}
