import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { PUBLIC_ACTIONS, PUBLIC_READABLE_TYPES, TOKEN_ONLY_READ_ACTIONS } from '../src/bootstrap/public-permissions';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';
import { readAppModel } from '../scripts/openapi/model';
import { COLLECTIONS, DRAFT_ATTACK_QUERIES, PRIVATE_FIELD_ATTACK_QUERIES, PRIVATE_KEYS } from './helpers/partner-attacks';

/**
 * What a partner can do with a read-only API token (Settings → API Tokens,
 * type "Read-only"), beyond what tests/helpers/public-api-suite.ts checks
 * anonymously: no write, no admin or plugin route, no draft and no private
 * attribute by any query, the page-size cap, strict parameters, incremental
 * sync by updatedAt, and CORS for browser partners.
 */

interface Body {
  data: unknown;
  meta?: { pagination?: { page?: number; pageSize?: number; total?: number; limit?: number } };
  error?: { status: number; name: string; message: string };
}

describe('partner access with a read-only API token', () => {
  let cms: TestStrapi;
  let token: string;
  let auth: Record<string, string>;

  const request = async (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${cms.url}${path}`, { ...init, headers: { ...auth, ...init.headers } });
    const text = await res.text();
    let body: Body | undefined;
    try {
      body = JSON.parse(text) as Body;
    } catch {
      body = undefined;
    }
    return { res, status: res.status, text, body };
  };

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite');
    const tokens = cms.strapi.service('admin::api-token') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
    };
    ({ accessKey: token } = await tokens.create({ name: 'Associazione Consumatori Esempio', description: 'Partner', type: 'read-only', kind: 'content-api', lifespan: null }));
    auth = { Authorization: `Bearer ${token}` };
  });

  afterAll(async () => {
    await cms?.stop();
  });

  describe('read-only', () => {
    it('reads every public type with the token', async () => {
      for (const path of [...COLLECTIONS, 'global']) {
        const { status, body } = await request(`/api/${path}`);
        expect(status, path).toBe(200);
        expect(body?.data, path).toBeTruthy();
      }
    });

    it('gets 405 (or 403) for every write method on every public type, and changes nothing', async () => {
      const counts = async () => Promise.all(PUBLIC_READABLE_TYPES.map((uid) => cms.strapi.documents(uid).count({})));
      const before = await counts();
      const payload = JSON.stringify({ data: { title: 'Scritto da un partner', slug: 'scritto-da-un-partner', name: 'x' } });
      const json = { 'content-type': 'application/json' };
      for (const plural of COLLECTIONS) {
        const { body } = await request(`/api/${plural}?pagination[pageSize]=1`);
        const [first] = body?.data as Array<{ documentId: string }>;
        const attempts: Array<[string, string, string | undefined]> = [
          ['POST', `/api/${plural}`, payload],
          ['PUT', `/api/${plural}/${first!.documentId}`, payload],
          ['PATCH', `/api/${plural}/${first!.documentId}`, payload],
          ['DELETE', `/api/${plural}/${first!.documentId}`, undefined],
          ['DELETE', `/api/${plural}`, undefined],
          ['PUT', `/api/${plural}`, payload],
        ];
        for (const [method, path, body] of attempts) {
          const { status } = await request(path, { method, headers: json, body });
          expect([403, 405], `${method} ${path}`).toContain(status);
        }
      }
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        expect([403, 405], `${method} /api/global`).toContain((await request('/api/global', { method, headers: json, body: method === 'DELETE' ? undefined : payload })).status);
      }
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['GET', '/admin/users'],
      ['GET', '/admin/users/me'],
      ['GET', '/admin/api-tokens'],
      ['POST', '/admin/api-tokens'],
      ['GET', '/admin/roles'],
      ['GET', '/content-manager/collection-types/api::article.article'],
      ['POST', '/content-manager/collection-types/api::article.article'],
      ['GET', '/content-manager/collection-types/api::testimony-submission.testimony-submission'],
      ['GET', '/content-manager/collection-types/api::newsletter-subscriber.newsletter-subscriber'],
      ['GET', '/content-manager/collection-types/api::newsletter-issue.newsletter-issue'],
      ['GET', '/content-manager/collection-types/api::newsletter-send.newsletter-send'],
      ['POST', '/upload'],
      ['GET', '/upload/files'],
      ['GET', '/admin/testimony-submissions/x/personal-data'],
    ])('gets 401 on the admin API: %s %s', async (method, path) => {
      const { status, body } = await request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect(status).toBe(401);
      expect(body?.data ?? null).toBeNull();
    });

    it.each([
      // Dropped from the content API (src/utils/without-read-routes.ts): read-only tokens could otherwise call them.
      ['GET', '/api/users', 404],
      ['GET', '/api/users/1', 404],
      ['GET', '/api/users-permissions/roles', 404],
      ['GET', '/api/users-permissions/roles/1', 404],
      ['GET', '/api/upload/files', 404],
      ['GET', '/api/upload/files/1', 404],
      // Not a find/findOne: Strapi refuses read-only tokens.
      ['GET', '/api/users/me', 403],
      ['GET', '/api/users/count', 403],
      ['GET', '/api/users-permissions/permissions', 403],
      ['GET', '/api/i18n/locales', 403],
      ['GET', '/api/content-type-builder/content-types', 403],
      ['POST', '/api/upload', 403],
      ['POST', '/api/email', 403],
      ['POST', '/api/users', 403],
      ['POST', '/api/auth/local', 403],
      // No public route at all.
      ['GET', '/api/testimony-submissions', 404],
      ['GET', '/api/contact-messages', 404],
      ['GET', '/api/testimony-submissions/1', 404],
      ['GET', '/api/newsletter-subscribers', 404],
      ['GET', '/api/newsletter-subscribers/1', 404],
      ['GET', '/api/newsletter-subscribers?filters[email][$contains]=@', 404],
      ['GET', '/api/newsletter-subscriber', 404],
      ['GET', '/api/newsletter-subscriptions', 404],
      ['GET', '/api/newsletter-subscriptions/data', 404],
      ['GET', '/api/newsletter-issues', 404],
      ['GET', '/api/newsletter-issues?status=draft&populate=*', 404],
      ['GET', '/api/newsletter-sends', 404],
      ['GET', '/api/newsletter-sends?filters[subscriberDocumentId][$notNull]=true', 404],
      ['GET', '/api/newsletter-setting', 404],
    ])('gets no data from plugin or private routes: %s %s → %i', async (method, path, expected) => {
      const { status, body } = await request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect(status).toBe(expected);
      expect(body?.data ?? null).toBeNull();
    });

    it('reaches no read route besides the public types\' find/findOne (and the public auth:false routes)', async () => {
      const model = await readAppModel(cms.strapi);
      const isReadScope = (scope: string) => scope.endsWith('find') || scope.endsWith('findOne');
      const reachable = model.routes
        .filter((route) => route.auth !== false && route.auth.length > 0 && route.auth.every(isReadScope))
        .map((route) => `${route.method} ${route.path} ${route.auth === false ? '' : route.auth.join(',')}`);
      for (const entry of reachable) {
        const scope = entry.split(' ')[2]!;
        expect([...PUBLIC_ACTIONS, ...TOKEN_ONLY_READ_ACTIONS], entry).toContain(scope);
      }
      expect(reachable.length).toBeGreaterThanOrEqual(PUBLIC_READABLE_TYPES.length);
    });
  });

  describe('drafts', () => {
    let draftId: string;

    beforeAll(async () => {
      const draft = await cms.strapi.documents('api::article.article').findFirst({ filters: { slug: DEMO_DRAFT_ARTICLE_SLUG }, status: 'draft' });
      draftId = draft!.documentId;
    });

    it.each([
      '/api/articles?status=draft',
      '/api/articles?status=draft&filters[slug][$eq]=SLUG',
      '/api/articles/DRAFT?status=draft',
      '/api/articles?status[$ne]=published',
      '/api/global?status=draft',
    ])('refuses %s with 403', async (template) => {
      const { status, text } = await request(template.replace('SLUG', DEMO_DRAFT_ARTICLE_SLUG).replace('DRAFT', draftId));
      expect(status).toBe(403);
      expect(text).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
    });

    it.each(DRAFT_ATTACK_QUERIES)('never serves the draft: %s', async (template) => {
      const { status, text } = await request(template.replace(/SLUG/g, DEMO_DRAFT_ARTICLE_SLUG).replace(/DRAFT/g, draftId));
      expect(status, text.slice(0, 300)).not.toBe(500);
      expect([200, 400, 404]).toContain(status);
      expect(text).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
    });
  });

  describe('private attributes', () => {
    it.each([...COLLECTIONS, 'global'])('%s: none with populate=*, nor in the default shape', async (plural) => {
      for (const query of ['', '?populate=*']) {
        const { status, text } = await request(`/api/${plural}${query}`);
        expect(status).toBe(200);
        expect(text).not.toMatch(PRIVATE_KEYS);
      }
    });

    it.each(PRIVATE_FIELD_ATTACK_QUERIES)('articles?%s: refused or ignored, never leaked', async (query) => {
      const baseline = await request('/api/articles?pagination[pageSize]=100&sort=slug');
      const { status, text, body } = await request(`/api/articles?pagination[pageSize]=100&${query}${query.startsWith('sort') ? '' : '&sort=slug'}`);
      expect(status, text.slice(0, 300)).not.toBe(500);
      expect(text).not.toMatch(PRIVATE_KEYS);
      if (status === 200) {
        // An ignored filter must not turn into an oracle: same entries as without it.
        expect((body?.data as Array<{ documentId: string }>).map((a) => a.documentId).sort())
          .toEqual((baseline.body?.data as Array<{ documentId: string }>).map((a) => a.documentId).sort());
      } else {
        expect(status).toBe(400);
        expect(body?.error?.message).toBeTruthy();
      }
    });

    it('cannot reach testimony submissions, nor their submitters\' contact, from a testimony', async () => {
      const { text } = await request('/api/testimonies?populate=*&pagination[pageSize]=100');
      expect(text).not.toContain('"contactEmail"');
      for (const query of ['populate[testimonySubmission]=true', 'filters[testimonySubmission][story][$contains]=a', 'fields[0]=contactEmail']) {
        const { status, text } = await request(`/api/testimonies?${query}`);
        expect(status, query).toBe(400);
        expect(text).not.toMatch(PRIVATE_KEYS);
      }
    });
  });

  describe('queries', () => {
    it('caps pageSize at 100 (capped, not refused) and limit likewise', async () => {
      const page = await request('/api/testimonies?pagination[pageSize]=1000');
      expect(page.status).toBe(200);
      expect(page.body?.meta?.pagination?.pageSize).toBe(100);
      const offset = await request('/api/testimonies?pagination[start]=0&pagination[limit]=1000');
      expect(offset.status).toBe(200);
      expect(offset.body?.meta?.pagination?.limit).toBe(100);
    });

    it.each(['foo=bar', 'publicationState=live', 'filters[nope][$eq]=1', 'fields[0]=nope', 'sort=nope:asc', 'populate=nope'])(
      'answers 400 naming the problem for an unknown parameter: %s',
      async (query) => {
        const { status, body } = await request(`/api/articles?${query}`);
        expect(status).toBe(400);
        expect(body?.data).toBeNull();
        expect(body?.error?.name).toBe('ValidationError');
        expect(body?.error?.message).toMatch(/Invalid key|invalid/i);
      },
    );

    it('syncs incrementally with filters[updatedAt][$gt]', async () => {
      const all = await request('/api/articles?pagination[pageSize]=100&sort=updatedAt:desc&fields[0]=updatedAt');
      const newest = (all.body?.data as Array<{ updatedAt: string }>)[0]!.updatedAt;
      const none = await request(`/api/articles?filters[updatedAt][$gt]=${encodeURIComponent(newest)}`);
      expect(none.body?.data).toEqual([]);

      const since = new Date(Date.now() - 1).toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const [target] = (all.body?.data as Array<{ documentId: string }>).slice(-1);
      const articles = cms.strapi.documents('api::article.article');
      await articles.update({ documentId: target!.documentId, data: { excerpt: 'Estratto aggiornato: la sincronizzazione incrementale deve vedere solo questo articolo.' } });
      await articles.publish({ documentId: target!.documentId });

      const changed = await request(`/api/articles?filters[updatedAt][$gt]=${encodeURIComponent(since)}&sort=updatedAt:asc`);
      expect(changed.status).toBe(200);
      expect((changed.body?.data as Array<{ documentId: string }>).map((a) => a.documentId)).toEqual([target!.documentId]);
      expect(changed.body?.meta?.pagination?.total).toBe(1);
    });

    it('sees an entry edited as a draft before the sync and published after it, by its publishedAt (the guide\'s change time)', async () => {
      const articles = cms.strapi.documents('api::article.article');
      const first = await request('/api/articles?fields[0]=slug&sort=slug:asc&pagination[pageSize]=1');
      const [{ documentId }] = first.body?.data as Array<{ documentId: string }>;
      await articles.update({ documentId: documentId!, data: { excerpt: 'Modificato in bozza prima della sincronizzazione, pubblicato dopo: il partner deve vederlo.' } });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const since = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await articles.publish({ documentId: documentId! });

      const ids = (body: Body | undefined) => (body?.data as Array<{ documentId: string }>).map((a) => a.documentId);
      const bound = encodeURIComponent(since);
      const byUpdatedAt = await request(`/api/articles?filters[updatedAt][$gt]=${bound}`);
      const byPublishedAt = await request(`/api/articles?filters[publishedAt][$gt]=${bound}&sort[0]=publishedAt:asc&sort[1]=documentId:asc`);
      expect(ids(byPublishedAt.body)).toEqual([documentId]);
      // Publishing copies the draft, updatedAt included: updatedAt alone misses this entry (docs/partners.md says so).
      expect(ids(byUpdatedAt.body)).toEqual([]);
    });
  });

  describe('CORS', () => {
    const preflight = (path: string, origin: string, method: string, headers = 'authorization') =>
      fetch(`${cms.url}${path}`, {
        method: 'OPTIONS',
        headers: { 'Origin': origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
      });

    it('allows a GET preflight from any origin with Authorization and If-None-Match, never with credentials', async () => {
      const res = await preflight('/api/articles', 'https://partner.example', 'GET', 'authorization,if-none-match');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/partner\.example)$/);
      expect(res.headers.get('access-control-allow-credentials')).not.toBe('true');
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'if-none-match', 'if-modified-since']) expect(allowed).toContain(header);

      const read = await fetch(`${cms.url}/api/articles`, { headers: { ...auth, Origin: 'https://partner.example' } });
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/partner\.example)$/);
      expect(read.headers.get('access-control-allow-credentials')).not.toBe('true');
      expect((read.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('etag');
    });

    it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses a %s preflight from a foreign origin', async (method) => {
      for (const path of ['/api/articles', '/api/testimony-submissions', '/api/contact-messages', '/api/newsletter-subscriptions']) {
        const res = await preflight(path, 'https://partner.example', method, 'content-type,authorization');
        expect(res.headers.get('access-control-allow-origin'), `${method} ${path}`).toBeNull();
        expect(res.headers.get('access-control-allow-credentials')).not.toBe('true');
      }
    });

    it('refuses a POST preflight even from the site\'s own origin: the site relays the forms from its server', async () => {
      for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
        const res = await preflight('/api/testimony-submissions', origin, 'POST', 'content-type');
        expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
        expect(res.headers.get('access-control-allow-credentials'), origin).not.toBe('true');
      }
    });
  });
});
