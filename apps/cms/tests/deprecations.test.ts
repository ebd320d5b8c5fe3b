import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDeprecation } from '../src/deprecations';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';

/**
 * A route being retired says so on every answer (config/deprecations.ts,
 * src/deprecations): fresh, cached and 304 answers, readable by browser
 * scripts; other routes say nothing. The list is empty today: the test sets
 * one entry in the running CMS's configuration.
 */
describe('deprecation headers of the public API', () => {
  let cms: TestStrapi;
  const entry: ApiDeprecation = { path: '/api/videos', deprecatedAt: '2027-01-15', sunset: '2027-08-01', link: 'https://chiudeteicallcenter.eu/changelog#videos' };

  beforeAll(async () => {
    cms = await startTestStrapi('sqlite', { CRON_ENABLED: 'false' });
    cms.strapi.config.set('deprecations', [entry]);
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
});
