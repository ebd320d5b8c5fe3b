import { describe, expect, it } from 'vitest';
import { SECTORS } from '@chiudete/types';
import { SITEMAP_FILE_SIZE, entryItems, homeLastmod, indexItems, newestDate, pageItems, parseSitemapFile, type PagesContent } from './files';
import { indexXml, urlsetXml } from './xml';

const mediaUrl = (url: string) => `https://cms.example.test${url}`;
const image = (url: string) => ({ url, alternativeText: 'Alt' });

const content: PagesContent = {
  summary: [
    { type: 'article', count: 12, lastModified: '2019-07-07T10:00:00.000Z' },
    { type: 'testimony', count: 120_001, lastModified: '2019-08-02T10:00:00.000Z' },
    { type: 'answer', count: 0, lastModified: null },
    { type: 'author', count: 1, lastModified: '2019-07-01T10:00:00.000Z' },
    { type: 'category', count: 3, lastModified: '2019-07-02T10:00:00.000Z' },
    { type: 'book-release', count: 1, lastModified: '2019-07-03T10:00:00.000Z' },
  ],
  companies: ['enel-energia', 'tim'],
  global: { updatedAt: '2019-07-01T00:00:00.000Z', shareImage: image('/uploads/sito.png') },
  book: { title: 'Il libro', updatedAt: '2019-07-03T10:00:00.000Z', cover: image('/uploads/libro.png') },
  videos: [
    { title: 'Video 1', description: null, youtubeId: 'cCiCdemo-01', durationSeconds: 245.4, publishedAt: '2019-07-27T10:00:00.000Z', createdAt: '2019-07-27T09:00:00.000Z', updatedAt: '2019-07-28T10:00:00.000Z', poster: image('/uploads/poster.png') },
    { title: 'Video 2', description: 'Descrizione', youtubeId: 'cCiCdemo-02', durationSeconds: null, publishedAt: null, createdAt: '2019-08-10T09:00:00.000Z', updatedAt: '2019-08-10T10:00:00.000Z', poster: null },
  ],
};

describe('the sitemap index', () => {
  it('lists pagine.xml, then files of at most 50,000 URLs per type, none for an empty type', () => {
    expect(indexItems(content.summary, homeLastmod(content))).toEqual([
      { url: '/sitemap/pagine.xml', lastmod: '2019-08-10T10:00:00.000Z' },
      { url: '/sitemap/articoli-1.xml', lastmod: '2019-07-07T10:00:00.000Z' },
      { url: '/sitemap/testimonianze-1.xml', lastmod: '2019-08-02T10:00:00.000Z' },
      { url: '/sitemap/testimonianze-2.xml', lastmod: '2019-08-02T10:00:00.000Z' },
      { url: '/sitemap/testimonianze-3.xml', lastmod: '2019-08-02T10:00:00.000Z' },
      { url: '/sitemap/autori-1.xml', lastmod: '2019-07-01T10:00:00.000Z' },
      { url: '/sitemap/categorie-1.xml', lastmod: '2019-07-02T10:00:00.000Z' },
    ]);
    expect(SITEMAP_FILE_SIZE).toBe(50_000);
  });

  it('is valid sitemaps.org XML with absolute URLs', async () => {
    const xml = await indexXml(indexItems(content.summary, undefined), 'https://chiudeteicallcenter.eu');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<loc>https://chiudeteicallcenter.eu/sitemap/testimonianze-3.xml</loc>');
  });
});

describe('the file names', () => {
  it.each([
    ['pagine.xml', { kind: 'pages' }],
    ['testimonianze-3.xml', { kind: 'entries', type: 'testimony', page: 3 }],
    ['articoli-1.xml', { kind: 'entries', type: 'article', page: 1 }],
    ['categorie-12.xml', { kind: 'entries', type: 'category', page: 12 }],
    ['articoli-50000.xml', { kind: 'entries', type: 'article', page: 50_000 }],
  ])('%s', (name, file) => {
    expect(parseSitemapFile(name)).toEqual(file);
  });

  it.each(['pagine', 'libri-1.xml', 'articoli-0.xml', 'articoli-01.xml', 'articoli.xml', 'ARTICOLI-1.xml', '../articoli-1.xml', 'articoli-999999.xml',
    // Past the CMS's last page (a 400 there, once a 503 here).
    'articoli-50001.xml', 'categorie-99999.xml'])('refuses %s', (name) => {
    expect(parseSitemapFile(name)).toBeNull();
  });
});

describe('pagine.xml', () => {
  const items = pageItems(content, mediaUrl);
  const byUrl = new Map(items.map((entry) => [entry.url, entry]));

  it('lists the home page, the listings, the book, the Osservatorio with its sectors and companies, the videos and the fixed pages, each with its last change', () => {
    expect(items.map((entry) => entry.url)).toEqual([
      '/', '/articoli', '/testimonianze', '/risposte',
      '/osservatorio', ...SECTORS.map((sector) => `/osservatorio/settori/${sector}`), '/osservatorio/aziende/enel-energia', '/osservatorio/aziende/tim',
      '/video', '/libro', '/chi-siamo', '/contatti', '/privacy',
    ]);
    expect(byUrl.get('/osservatorio/settori/luce')?.lastmod).toBe(byUrl.get('/testimonianze')?.lastmod);
    expect(byUrl.get('/osservatorio/aziende/tim')?.lastmod).toBe(byUrl.get('/testimonianze')?.lastmod);
    expect(byUrl.get('/')?.lastmod).toBe('2019-08-10T10:00:00.000Z');
    expect(byUrl.get('/articoli')?.lastmod).toBe('2019-07-07T10:00:00.000Z');
    expect(byUrl.get('/privacy')?.lastmod).toBe('2019-07-01T00:00:00.000Z');
    expect(byUrl.get('/risposte')).toEqual({ url: '/risposte' });
  });

  it('/libro carries the cover, /video its videos (poster, or the site image) with the privacy-enhanced player', () => {
    expect(byUrl.get('/libro')?.img).toEqual([{ url: 'https://cms.example.test/uploads/libro.png', title: 'Il libro', caption: 'Alt' }]);
    expect(byUrl.get('/video')?.video).toEqual([
      { title: 'Video 1', description: 'Video 1', thumbnail_loc: 'https://cms.example.test/uploads/poster.png', player_loc: 'https://www.youtube-nocookie.com/embed/cCiCdemo-01', publication_date: '2019-07-27T10:00:00.000Z', duration: 245 },
      { title: 'Video 2', description: 'Descrizione', thumbnail_loc: 'https://cms.example.test/uploads/sito.png', player_loc: 'https://www.youtube-nocookie.com/embed/cCiCdemo-02', publication_date: '2019-08-10T09:00:00.000Z' },
    ]);
  });

  it('has no /libro without a book', () => {
    expect(pageItems({ ...content, book: null }, mediaUrl).map((entry) => entry.url)).not.toContain('/libro');
  });

  it('renders as XML with the image and video extensions and escaped text', async () => {
    const xml = await urlsetXml(pageItems({ ...content, videos: [{ ...content.videos[0]!, title: 'Cosa & «perché» <risponde>' }] }, mediaUrl), 'https://chiudeteicallcenter.eu');
    expect(xml).toContain('<loc>https://chiudeteicallcenter.eu/libro</loc>');
    expect(xml).toContain('<image:loc>https://cms.example.test/uploads/libro.png</image:loc>');
    expect(xml).toContain('<video:title>Cosa &amp; «perché» &lt;risponde&gt;</video:title>');
  });
});

describe('entry files', () => {
  it('link each entry to its page, slug escaped, with its last change', async () => {
    const items = entryItems('testimony', [{ slug: 'tre-chiamate', updatedAt: '2019-08-01T10:00:00.000Z' }, { slug: 'caffè', updatedAt: '2019-08-02T10:00:00.000Z' }]);
    expect(items).toEqual([
      { url: '/testimonianze/tre-chiamate', lastmod: '2019-08-01T10:00:00.000Z' },
      { url: '/testimonianze/caff%C3%A8', lastmod: '2019-08-02T10:00:00.000Z' },
    ]);
    const xml = await urlsetXml(items, 'https://chiudeteicallcenter.eu');
    expect(xml).toContain('<loc>https://chiudeteicallcenter.eu/testimonianze/tre-chiamate</loc><lastmod>2019-08-01T10:00:00.000Z</lastmod>');
  });
});

describe('newestDate', () => {
  it('compares instants, not strings, and skips invalid values', () => {
    expect(newestDate(['2019-07-04T10:00:00+02:00', '2019-07-04T09:00:00.000Z', null, 'x'])).toBe('2019-07-04T09:00:00.000Z');
    expect(newestDate([])).toBeUndefined();
  });
});
