import { describe, expect, it } from 'vitest';
import { decideRequest, isCacheableResponse, PREVIEW_COOKIE } from './policy';

const request = (path: string, init: { method?: string; cookie?: string } = {}) => {
  const url = new URL(path, 'http://localhost');
  return decideRequest({ method: init.method ?? 'GET', pathname: url.pathname, searchParams: url.searchParams, cookie: init.cookie });
};

describe('decideRequest', () => {
  it('caches public pages, their pages and filters, and the feeds and sitemap', () => {
    for (const path of ['/', '/articoli', '/articoli/un-articolo', '/articoli?pagina=2', '/testimonianze?ruolo=cliente&settore=luce', '/feed.xml', '/feed.json', '/sitemap.xml']) {
      expect(request(path), path).toBe('cache');
    }
    expect(request('/articoli', { method: 'HEAD' })).toBe('cache');
  });

  it('bypasses previews, unknown query parameters and absurd values', () => {
    expect(request('/articoli/x', { cookie: `a=1; ${PREVIEW_COOKIE}=123.abc` })).toBe('bypass');
    expect(request('/articoli/x', { cookie: 'consenso=1' })).toBe('cache');
    expect(request('/articoli?utm_source=facebook')).toBe('bypass');
    expect(request(`/articoli?pagina=${'9'.repeat(100)}`)).toBe('bypass');
  });

  it('leaves alone what is not a public page: APIs, assets, preview, the pages of one reader, search, writes', () => {
    for (const path of ['/api/revalidate', '/_cms/api/articles', '/_nuxt/entry.js', '/_ipx/w_100/a.png', '/anteprima', '/anteprima/esci',
      '/testimonianze/invia', '/testimonianze/inviata', '/testimonianze/stato', '/cerca?q=x', '/favicon.svg']) {
      expect(request(path), path).toBe('ignore');
    }
    expect(request('/articoli', { method: 'POST' })).toBe('ignore');
  });
});

describe('isCacheableResponse', () => {
  const ok = { status: 200, contentType: 'text/html;charset=utf-8', setCookie: false, cacheControl: undefined };
  it('keeps 200 pages, feeds and sitemaps without cookies nor private caching', () => {
    expect(isCacheableResponse(ok)).toBe(true);
    expect(isCacheableResponse({ ...ok, contentType: 'application/rss+xml; charset=utf-8' })).toBe(true);
    expect(isCacheableResponse({ ...ok, contentType: 'application/feed+json' })).toBe(true);
    expect(isCacheableResponse({ ...ok, contentType: 'application/xml' })).toBe(true);
  });
  it('never keeps errors, cookies, private answers or other content', () => {
    expect(isCacheableResponse({ ...ok, status: 404 })).toBe(false);
    expect(isCacheableResponse({ ...ok, status: 503 })).toBe(false);
    expect(isCacheableResponse({ ...ok, setCookie: true })).toBe(false);
    expect(isCacheableResponse({ ...ok, cacheControl: 'private, no-store' })).toBe(false);
    expect(isCacheableResponse({ ...ok, contentType: 'image/png' })).toBe(false);
    expect(isCacheableResponse({ ...ok, contentType: undefined })).toBe(false);
  });
});
