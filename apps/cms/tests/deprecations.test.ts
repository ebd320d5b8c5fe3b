import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDeprecation } from '../src/deprecations';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';

/**
 * A route being retired says so on every answer (config/deprecations.ts,
 * src/deprecations): fresh, cached and 304 answers, readable by browser
 * scripts; other routes say nothing; the served OpenAPI document marks the
 * route's operations and the retired field's properties. The list is empty
 * today: the test sets two entries in the running CMS's configuration
 * (before the OpenAPI document is first served).
 */
describe('deprecation headers of the public API', () => {
  let cms: TestStrapi;
  const entry: ApiDeprecation = { path: '/api/videos', deprecatedAt: '2027-01-15', sunset: '2027-08-01', link: 'https://chiudeteicallcenter.eu/changelog#videos' };
  const field: ApiDeprecation = { path: '/api/authors', field: 'role', deprecatedAt: '2027-02-01', sunset: '2027-09-01', link: 'https://chiudeteicallcenter.eu/changelog#author-role' };

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false' });
    cms.strapi.config.set('deprecations', [entry, field]);
  });

  afterAll(async () => {
    cms.strapi.config.set('deprecations', []);
    await cms?.stop();
  });

  it('marks every answer of the retired route, fresh, cached and 304, and exposes the headers to browsers', async () => {
    const first = await fetch(`${cms.url}/api/videos`, { headers: { Origin: 'https://partner.example' } });
    const cached = await fetch(`${cms.url}/api/videos`);
    const notModified = await fetch(`${cms.url}/api/videos`, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
    expect([first.status, cached.status, notModified.status]).toEqual([200, 200, 304]);
    for (const res of [first, cached, notModified]) {
      expect(res.headers.get('deprecation')).toBe(`@${Date.parse('2027-01-15') / 1000}`);
      expect(res.headers.get('sunset')).toBe('Sun, 01 Aug 2027 00:00:00 GMT');
      expect(res.headers.get('link')).toBe('<https://chiudeteicallcenter.eu/changelog#videos>; rel="deprecation"; type="text/html"');
    }
    const exposed = (first.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['deprecation', 'sunset', 'link']));
  });

  it('says nothing on the other routes', async () => {
    const res = await fetch(`${cms.url}/api/articles`);
    expect(res.status).toBe(200);
    expect([res.headers.get('deprecation'), res.headers.get('sunset')]).toEqual([null, null]);
  });

  it('marks them in the served OpenAPI document: deprecated, x-sunset and the CHANGELOG link', async () => {
    type Marked = { 'deprecated'?: boolean; 'x-sunset'?: string; 'description'?: string };
    type Document = { paths: Record<string, Record<string, Marked>>; components: { schemas: Record<string, { properties: Record<string, Marked> }> } };
    const res = await fetch(`${cms.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const document = (await res.json()) as Document;

    for (const path of ['/videos', '/videos/{documentId}']) {
      const operation = document.paths[path]!.get!;
      expect(operation).toMatchObject({ 'deprecated': true, 'x-sunset': '2027-08-01' });
      expect(operation.description).toMatch(/\*\*Deprecated\*\* since 2027-01-15: stops working on 2027-08-01 .*https:\/\/chiudeteicallcenter\.eu\/changelog#videos$/);
    }
    // A retired field: its property in the shapes of its routes, not the routes themselves.
    for (const schema of ['Author', 'AuthorSelection']) {
      const role = document.components.schemas[schema]!.properties.role!;
      expect(role).toMatchObject({ 'deprecated': true, 'x-sunset': '2027-09-01' });
      expect(role.description).toContain('https://chiudeteicallcenter.eu/changelog#author-role');
    }
    expect(document.paths['/authors']!.get!.deprecated).toBeUndefined();
    expect(document.components.schemas.Author!.properties.name!.deprecated).toBeUndefined();
    // The rest stays as committed.
    expect(document.paths['/articles']!.get!.deprecated).toBeUndefined();
    expect(document.components.schemas.ArticleAuthor!.properties.role!.deprecated).toBeUndefined();
  });
});
