import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../src/http-cache/etag';

const FUTURE = 'Fri, 01 Jan 2100 00:00:00 GMT';
const PAST = 'Thu, 01 Jan 2004 00:00:00 GMT';

describe('HTTP caching of the public content API', () => {
  let cms: TestStrapi;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${cms.url}${path}`, { headers });

  const firstArticle = async () => {
    const body = (await (await get('/api/articles?sort=publicationDate:asc')).json()) as { data: Array<{ documentId: string }> };
    return body.data[0]!.documentId;
  };

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite');
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it.each(['/api/articles', '/api/global'])('answers %s with ETag, Last-Modified, Cache-Control and Vary', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const lastModified = res.headers.get('last-modified');
    expect(lastModified).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Date.parse(lastModified!)).toBeLessThanOrEqual(Date.now());
    expect(res.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('vary')).toMatch(/Authorization/);
  });

  it('gives the same ETag to HEAD and GET, and a private Cache-Control to an API token', async () => {
    const etag = (await get('/api/articles')).headers.get('etag');
    const head = await fetch(`${cms.url}/api/articles`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);

    const tokens = cms.strapi.service('admin::api-token') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
    };
    const { accessKey } = await tokens.create({ name: 'Partner cache', description: '', type: 'read-only', kind: 'content-api', lifespan: null });
    const withToken = await get('/api/articles', { Authorization: `Bearer ${accessKey}` });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
    expect(withToken.headers.get('etag')).toBe(etag);
  });

  it('answers 304 with no body to a matching If-None-Match, 200 to another tag', async () => {
    const first = await get('/api/articles');
    const etag = first.headers.get('etag')!;

    const notModified = await get('/api/articles', { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);

    expect((await get('/api/articles', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get('/api/articles', { 'If-None-Match': '*' })).status).toBe(304);

    const changed = await get('/api/articles', { 'If-None-Match': '"not-the-tag"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(etag);
    expect(((await changed.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
  });

  it('answers If-Modified-Since: 304 from a future date, 200 from a past one, If-None-Match first', async () => {
    expect((await get('/api/global', { 'If-Modified-Since': FUTURE })).status).toBe(304);
    expect((await get('/api/articles', { 'If-Modified-Since': FUTURE })).status).toBe(304);
    expect((await get('/api/articles', { 'If-Modified-Since': PAST })).status).toBe(200);
    expect((await get('/api/articles', { 'If-Modified-Since': FUTURE, 'If-None-Match': '"stale"' })).status).toBe(200);
  });

  it('changes the ETag when an article is updated and republished', async () => {
    const documentId = await firstArticle();
    const path = `/api/articles/${documentId}`;
    const before = await get(path);
    const etag = before.headers.get('etag')!;
    const listEtag = (await get('/api/articles')).headers.get('etag')!;
    expect((await get(path, { 'If-None-Match': etag })).status).toBe(304);

    const articles = cms.strapi.documents('api::article.article');
    await articles.update({ documentId, data: { title: 'Titolo aggiornato per la cache HTTP' } });
    await articles.publish({ documentId });

    const after = await get(path, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(((await after.json()) as { data: { title: string } }).data.title).toBe('Titolo aggiornato per la cache HTTP');
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThanOrEqual(Date.parse(before.headers.get('last-modified')!));

    const list = await get('/api/articles', { 'If-None-Match': listEtag });
    expect(list.status).toBe(200);
    expect(list.headers.get('etag')).not.toBe(listEtag);
  });

  it.each([
    ['404, unknown documentId', '/api/articles/doesnotexist000000000000', 404],
    ['400, unknown query parameter', '/api/articles?foo=bar', 400],
  ])('leaves errors without validators (%s)', async (_name, path, status) => {
    const res = await get(path, { 'If-None-Match': '*' });
    expect(res.status).toBe(status);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('last-modified')).toBeNull();
  });

  it('keeps no-store and no ETag on form tokens', async () => {
    const res = await get('/api/form-tokens/testimony', { 'If-None-Match': '*' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('last-modified')).toBeNull();
  });
});
