import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { TEST_ADMIN } from './helpers/admin';
import { DEMO_DRAFT_ARTICLE_SLUG, DEMO_SLUGS } from '@chiudete/demo-content';
import { verifyPreviewToken } from '@chiudete/types/preview';
import { PREVIEW_LINK_TTL_SECONDS } from '../src/preview/link';
import { ensurePreviewToken, PREVIEW_TOKEN_NAME } from '../src/preview/token';

const SITE_URL = 'https://sito.example';
const PREVIEW_SECRET = 'preview-secret-for-the-integration-test';
const PREVIEW_API_TOKEN = 'p'.repeat(64);

/**
 * Strapi's Preview (Content Manager): the admin asks the CMS for the preview
 * URL of an entry, the CMS answers with a signed link to the site's
 * /anteprima route; the site then reads the draft with the «Anteprima sito»
 * read-only token, which the CMS creates from PREVIEW_API_TOKEN.
 */
describe('preview', () => {
  let cms: TestStrapi;
  let adminJwt: string;
  let draftId: string;

  const raw = (path: string, init?: RequestInit) => fetch(`${cms.url}${path}`, init);
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const previewUrlOf = (uid: string, query: string, token: string | null = adminJwt) =>
    raw(`/content-manager/preview/url/${uid}?${query}`, token ? bearer(token) : undefined);
  const createToken = async (type: string, name: string): Promise<string> => {
    const tokens = cms.strapi.service('admin::api-token') as unknown as { create(attributes: Record<string, unknown>): Promise<{ accessKey: string }> };
    return (await tokens.create({ name, description: '', type, kind: 'content-api', lifespan: null })).accessKey;
  };
  const tokenOf = (url: string) => {
    const check = verifyPreviewToken(PREVIEW_SECRET, new URL(url).searchParams.get('token'), 0);
    return check.ok ? check.payload : check.reason;
  };
  const draftsWith = (token: string | null) =>
    raw(`/api/articles?status=draft&filters[slug][$eq]=${DEMO_DRAFT_ARTICLE_SLUG}`, token ? bearer(token) : undefined);

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false', SITE_URL, PREVIEW_SECRET, PREVIEW_API_TOKEN });
    const login = await raw('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    });
    expect(login.status).toBe(200);
    adminJwt = ((await login.json()) as { data: { token: string } }).data.token;
    const draft = await cms.strapi.documents('api::article.article').findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' });
    draftId = draft!.documentId;
  });

  afterAll(async () => {
    await cms?.stop();
  });

  describe('the preview URL the admin opens', () => {
    it('is a signed, short-lived link to the site\'s /anteprima route, without the secret', async () => {
      const before = Math.floor(Date.now() / 1000);
      const res = await previewUrlOf('api::article.article', `documentId=${draftId}&status=draft`);
      expect(res.status).toBe(200);
      const { url } = ((await res.json()) as { data: { url: string } }).data;
      const parsed = new URL(url);
      expect(`${parsed.origin}${parsed.pathname}`).toBe(`${SITE_URL}/anteprima`);
      expect([...parsed.searchParams.keys()]).toEqual(['token']);
      const check = verifyPreviewToken(PREVIEW_SECRET, parsed.searchParams.get('token'), before);
      expect(check.ok).toBe(true);
      const payload = check.ok ? check.payload : null;
      expect(payload).toMatchObject({ type: 'article', documentId: draftId, slug: DEMO_DRAFT_ARTICLE_SLUG, status: 'draft' });
      expect(payload!.exp - before).toBeGreaterThanOrEqual(PREVIEW_LINK_TTL_SECONDS - 5);
      expect(payload!.exp - before).toBeLessThanOrEqual(PREVIEW_LINK_TTL_SECONDS + 5);
      expect(url).not.toContain(PREVIEW_SECRET);
      expect(url).not.toContain(PREVIEW_API_TOKEN);
    });

    it('defaults to the draft, like the admin, and serves every previewable type', async () => {
      const book = await cms.strapi.documents('api::book-release.book-release').findFirst({ status: 'published' });
      for (const [uid, type, documentId] of [
        ['api::article.article', 'article', draftId],
        ['api::book-release.book-release', 'book-release', book!.documentId],
      ] as const) {
        const res = await previewUrlOf(uid, `documentId=${documentId}`);
        expect(res.status, uid).toBe(200);
        expect(tokenOf(((await res.json()) as { data: { url: string } }).data.url)).toMatchObject({ type, status: 'draft' });
      }
      for (const [uid, plural] of [['api::testimony.testimony', 'testimonies'], ['api::answer.answer', 'answers'], ['api::video.video', 'videos']] as const) {
        const slug = (DEMO_SLUGS as Record<string, readonly string[]>)[plural]?.[0];
        const doc = await cms.strapi.documents(uid).findFirst({ filters: slug ? { slug } : {}, status: 'published' });
        const res = await previewUrlOf(uid, `documentId=${doc!.documentId}&status=published`);
        expect(res.status, uid).toBe(200);
        expect(tokenOf(((await res.json()) as { data: { url: string } }).data.url)).toMatchObject({ status: 'published' });
      }
    });

    it('has no preview for other types, and needs an admin session', async () => {
      const category = await cms.strapi.documents('api::category.category').findFirst({});
      expect((await previewUrlOf('api::category.category', `documentId=${category!.documentId}`)).status).toBe(204);
      expect((await previewUrlOf('api::article.article', `documentId=${draftId}`, null)).status).toBe(401);
    });

    it('lets the admin frame the site (Content-Security-Policy frame-src)', async () => {
      const res = await raw('/_health');
      expect(res.headers.get('content-security-policy')).toMatch(new RegExp(`frame-src[^;]*${SITE_URL.replace(/\./g, '\\.')}`));
    });
  });

  describe('the preview token', () => {
    it('is created from PREVIEW_API_TOKEN as a read-only token, once', async () => {
      await ensurePreviewToken(cms.strapi, PREVIEW_API_TOKEN);
      const rows = (await cms.strapi.db.query('admin::api-token').findMany({ where: { name: PREVIEW_TOKEN_NAME } })) as Array<{ type: string; expiresAt: unknown }>;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ type: 'read-only', expiresAt: null });
    });

    it('reads drafts, while other read-only tokens and anonymous readers cannot; full-access tokens can', async () => {
      const res = await draftsWith(PREVIEW_API_TOKEN);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: Array<{ slug: string }> }).data.map((a) => a.slug)).toEqual([DEMO_DRAFT_ARTICLE_SLUG]);

      expect((await draftsWith(null)).status).toBe(403);
      expect((await draftsWith(await createToken('read-only', 'Partner di prova'))).status).toBe(403);
      expect((await draftsWith(await createToken('full-access', 'Integrazione di prova'))).status).toBe(200);
    });

    it('cannot write', async () => {
      const res = await raw(`/api/articles/${draftId}`, { method: 'DELETE', ...bearer(PREVIEW_API_TOKEN) });
      expect([403, 404, 405]).toContain(res.status);
      expect(await cms.strapi.documents('api::article.article').findOne({ documentId: draftId })).not.toBeNull();
    });

    it('follows a new PREVIEW_API_TOKEN: the old value stops working', async () => {
      const next = 'q'.repeat(64);
      await ensurePreviewToken(cms.strapi, next);
      expect((await draftsWith(next)).status).toBe(200);
      expect((await draftsWith(PREVIEW_API_TOKEN)).status).toBe(401);
      expect(await cms.strapi.db.query('admin::api-token').count({ where: { name: PREVIEW_TOKEN_NAME } })).toBe(1);
    });
  });
});
