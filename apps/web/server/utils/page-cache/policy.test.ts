import { describe, expect, it } from 'vitest';
import { PREVIEW_QUERY_PARAM, classifyTarget, hasPreviewToken, isCacheableResponse, isHtml, pageKind } from './policy';

describe('classifyTarget', () => {
  it('sends pages and the cacheable documents to the page cache', () => {
    for (const path of ['/', '/articoli', '/ARTICOLI/', '/articoli/un-articolo', '/testimonianze', '/feed.xml', '/feed.json', '/sitemap.xml', '/robots.txt', '/sitemap/testimonianze-2.xml', '/SITEMAP.XML']) {
      expect(classifyTarget(path), path).toBe('page');
    }
  });

  it('passes assets, APIs, Nuxt internals and other files by', () => {
    for (const path of ['/api/revalidate', '/_nuxt/Entry.Ab12.js', '/_ipx/w_100/uploads/a.png', '/__nuxt_error', '/favicon.svg', '/robots.txt.bak', '/x.php']) {
      expect(classifyTarget(path), path).toBe('pass');
    }
  });
});

describe('pageKind', () => {
  it('never caches the pages of one reader or editor', () => {
    for (const path of ['/anteprima', '/anteprima/esci', '/testimonianze/invia', '/testimonianze/inviata', '/testimonianze/stato']) expect(pageKind(path), path).toBe('never');
  });

  it('counts search against the reader\'s budget', () => {
    expect(pageKind('/cerca')).toBe('limited');
  });

  it('caches everything else (unknown paths are 404 pages: rendered within the budget)', () => {
    for (const path of ['/', '/articoli', '/testimonianze/una-storia', '/feed.xml', '/sitemap.xml', '/nessuna/pagina']) expect(pageKind(path), path).toBe('cache');
  });
});

describe('hasPreviewToken', () => {
  it('finds the preview token among the query parameters, as the app reads it', () => {
    expect(PREVIEW_QUERY_PARAM).toBe('anteprima');
    expect(hasPreviewToken('/articoli/il-caso?anteprima=abc.def')).toBe(true);
    expect(hasPreviewToken('/video?utm_source=x&anteprima=abc.def')).toBe(true);
    expect(hasPreviewToken('/articoli?anteprima=')).toBe(true);
    expect(hasPreviewToken('/articoli/anteprima=abc')).toBe(false);
    expect(hasPreviewToken('/articoli?xanteprima=1')).toBe(false);
    expect(hasPreviewToken('/articoli?ANTEPRIMA=1')).toBe(false);
    expect(hasPreviewToken('/articoli?anteprima')).toBe(false);
    expect(hasPreviewToken('/')).toBe(false);
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

describe('isHtml', () => {
  it('tells pages from documents read by programs', () => {
    expect(isHtml('text/html;charset=utf-8')).toBe(true);
    expect(isHtml('application/rss+xml')).toBe(false);
    expect(isHtml(undefined)).toBe(false);
  });
});
