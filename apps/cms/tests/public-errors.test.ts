import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';

/**
 * The public API's error answers a partner meets first, as docs/partners.md
 * documents them: a method a path does not offer is a 405 in Strapi's
 * envelope with `Allow` (src/middlewares/bare-errors.ts), any method on a
 * path no route has is a 404, HEAD and OPTIONS keep their behaviour, and a
 * refused sort names the field and the fields the type can be sorted on
 * (src/middlewares/public-query.ts).
 */

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details: Record<string, unknown> };
}

describe('public error answers', () => {
  let cms: TestStrapi;
  let articleId: string;

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite');
    const list = (await (await fetch(`${cms.url}/api/articles?fields[0]=slug&populate=&pagination[pageSize]=1`)).json()) as { data: Array<{ documentId: string }> };
    articleId = list.data[0]!.documentId;
  });

  afterAll(async () => {
    await cms?.stop();
  });

  describe('405 Method Not Allowed', () => {
    it.each([
      ['POST', '/api/articles', 'GET, HEAD'],
      ['DELETE', '/api/articles/{id}', 'GET, HEAD'],
      ['PUT', '/api/articles/{id}', 'GET, HEAD'],
      ['PATCH', '/api/testimonies', 'GET, HEAD'],
      ['PUT', '/api/global', 'GET, HEAD'],
      ['DELETE', '/api/global', 'GET, HEAD'],
      ['POST', '/api/search', 'GET, HEAD'],
      ['DELETE', '/api/sitemap/article', 'GET, HEAD'],
      ['POST', '/api/openapi.json', 'GET, HEAD'],
      ['PUT', '/api/testimony-submissions', 'GET, HEAD, POST'],
      ['PUT', '/api/testimony-submissions/withdraw/{token}', 'GET, HEAD, POST'],
      // A method no route has: the router's 501, answered as a 405.
      ['PROPFIND', '/api/articles', 'GET, HEAD'],
    ])('%s %s answers JSON with the envelope and Allow: %s', async (method, template, allowed) => {
      const path = template.replace('{id}', articleId).replace('{token}', 'A'.repeat(43));
      const json = { 'content-type': 'application/json' };
      const res = await fetch(`${cms.url}${path}`, { method, headers: json, body: method === 'GET' || method === 'DELETE' ? undefined : '{"data":{"title":"x"}}' });
      expect(res.status).toBe(405);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const allow = res.headers.get('allow')!.split(',').map((m) => m.trim()).sort();
      expect(allow).toEqual(allowed.split(', '));
      const text = await res.text();
      expect(text).not.toMatch(/\bat .*\.js:\d+/);
      const body = JSON.parse(text) as ErrorBody;
      expect(body).toEqual({
        data: null,
        error: { status: 405, name: 'MethodNotAllowedError', message: expect.stringContaining(`Method ${method} is not allowed here: use `), details: { allow } },
      });
      for (const m of allow) expect(body.error.message).toContain(m);
    });

    it('changed nothing: the article is still there', async () => {
      expect((await fetch(`${cms.url}/api/articles/${articleId}`)).status).toBe(200);
    });

    it('answers HEAD as before: 200 without a body where GET is allowed', async () => {
      const head = await fetch(`${cms.url}/api/articles`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      expect(head.headers.get('etag')).toBeTruthy();
    });

    it('answers OPTIONS as before: 200 with Allow and no body, and the CORS preflight', async () => {
      const options = await fetch(`${cms.url}/api/articles`, { method: 'OPTIONS' });
      expect(options.status).toBe(200);
      expect(options.headers.get('allow')).toBe('HEAD, GET');
      expect(await options.text()).toBe('');
      const preflight = await fetch(`${cms.url}/api/articles`, { method: 'OPTIONS', headers: { 'origin': 'https://partner.example', 'access-control-request-method': 'GET' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    });
  });

  describe('404 Not Found for any method on a path no route has', () => {
    it.each([
      ['POST', '/api/nothing-here'],
      ['PUT', '/api/nothing-here/deeper'],
      ['PATCH', '/api'],
      ['DELETE', '/api/articles/{id}/more'],
      ['POST', '/api/articles-x'],
      // A method no route has, on a path no route has.
      ['PROPFIND', '/api/nothing-here'],
    ])('%s %s answers 404 NotFoundError in the envelope, without Allow (as GET does)', async (method, template) => {
      const path = template.replace('{id}', articleId);
      const res = await fetch(`${cms.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : '{"data":{"title":"x"}}' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('allow')).toBeNull();
      expect(await res.json()).toEqual({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } });
      expect((await fetch(`${cms.url}${path}`)).status).toBe(404);
    });
  });

  describe('a refused sort', () => {
    it.each([
      ['createdBy:asc', 'createdBy'],
      ['createdBy', 'createdBy'],
      ['updatedBy:desc', 'updatedBy'],
      ['nope:asc', 'nope'],
    ])('sort=%s names the field and the fields you can sort on', async (sort, field) => {
      const res = await fetch(`${cms.url}/api/articles?sort=${sort}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.name).toBe('ValidationError');
      expect(body.error.message).toMatch(new RegExp(`^Invalid sort: "${field}" is not a field you can sort on\\. Sort on one of: id, `));
      expect(body.error.message).not.toMatch(/Invalid key/);
      expect(body.error.details).toMatchObject({ source: 'query', param: 'sort' });
      const allowed = body.error.details.allowed as string[];
      expect(allowed).toEqual(expect.arrayContaining(['id', 'documentId', 'title', 'slug', 'publishedAt', 'updatedAt']));
      expect(allowed).not.toContain('createdBy');
      for (const name of allowed) expect(body.error.message).toContain(name);
    });

    it('still sorts on an allowed field, and on a relation\'s field', async () => {
      expect((await fetch(`${cms.url}/api/articles?sort=title:asc`)).status).toBe(200);
      expect((await fetch(`${cms.url}/api/articles?sort=author.name:asc`)).status).toBe(200);
      expect((await fetch(`${cms.url}/api/testimonies?sort[0]=sector:asc&sort[1]=publishedAt:desc`)).status).toBe(200);
    });

    it('names the sortable fields of each type (a testimony hides its submitter)', async () => {
      const body = (await (await fetch(`${cms.url}/api/testimonies?sort=createdBy:asc`)).json()) as ErrorBody;
      expect(body.error.message).toMatch(/^Invalid sort: "createdBy"/);
      expect(body.error.details.allowed).toEqual(expect.arrayContaining(['sector', 'publishedAt']));
    });
  });
});
