import { describe, expect, it } from 'vitest';
import type { SiteIndex } from './content';
import { newestDate, sitemapUrls } from './sitemap';

const mediaUrl = (url: string) => `https://cms.example.test${url}`;
const image = (url: string) => ({ url, alternativeText: 'Alt' });

const index: SiteIndex = {
  global: { updatedAt: '2019-07-01T00:00:00.000Z', defaultSeo: { shareImage: image('/uploads/sito.png') } },
  articles: [
    { slug: 'primo', title: 'Primo', updatedAt: '2019-07-04T10:00:00.000Z', cover: image('/uploads/primo.png'), author: { slug: 'candy-larsson' }, categories: [{ slug: 'il-libro' }] },
    { slug: 'secondo', title: 'Secondo', updatedAt: '2019-07-07T10:00:00.000Z', cover: null, author: null, categories: [{ slug: 'il-libro' }] },
  ],
  testimonies: [{ slug: 'storia', updatedAt: '2019-07-10T10:00:00.000Z' }],
  answers: [{ slug: 'penale', updatedAt: '2019-07-05T10:00:00.000Z' }],
  categories: [{ slug: 'il-libro', updatedAt: '2019-07-01T10:00:00.000Z' }, { slug: 'vuota', updatedAt: '2019-07-02T10:00:00.000Z' }],
  authors: [{ slug: 'candy-larsson', updatedAt: '2019-07-01T10:00:00.000Z' }],
  books: [
    { slug: 'vecchio', title: 'Vecchio', releaseDate: '2018-01-01', updatedAt: '2019-08-01T10:00:00.000Z', cover: null },
    { slug: 'libro', title: 'Il libro', releaseDate: '2019-07-20', updatedAt: '2019-07-03T10:00:00.000Z', cover: image('/uploads/libro.png') },
  ],
  videos: [
    { slug: 'v1', title: 'Video 1', description: null, youtubeId: 'cCiCdemo-01', durationSeconds: 245.4, publishedAt: '2019-07-27T10:00:00.000Z', createdAt: '2019-07-27T09:00:00.000Z', updatedAt: '2019-07-28T10:00:00.000Z', poster: image('/uploads/poster.png') },
    { slug: 'v2', title: 'Video 2', description: 'Descrizione', youtubeId: 'cCiCdemo-02', durationSeconds: null, publishedAt: null, createdAt: '2019-08-10T09:00:00.000Z', updatedAt: '2019-08-10T10:00:00.000Z', poster: null },
  ],
};

describe('sitemapUrls', () => {
  const urls = sitemapUrls(index, { mediaUrl });
  const byLoc = new Map(urls.map((url) => [url.loc, url]));

  it('lists every published page once, with its lastmod', () => {
    expect(urls.map((url) => url.loc).sort()).toEqual([
      '/', '/articoli', '/articoli/primo', '/articoli/secondo', '/autori/candy-larsson', '/categorie/il-libro', '/categorie/vuota',
      '/chi-siamo', '/contatti', '/libro', '/privacy', '/risposte', '/risposte/penale', '/testimonianze', '/testimonianze/storia', '/video',
    ]);
    expect(urls.every((url) => typeof url.lastmod === 'string')).toBe(true);
  });

  it('a listing changes when what it shows changes', () => {
    expect(byLoc.get('/')?.lastmod).toBe('2019-08-01T10:00:00.000Z');
    expect(byLoc.get('/articoli')?.lastmod).toBe('2019-07-07T10:00:00.000Z');
    expect(byLoc.get('/categorie/il-libro')?.lastmod).toBe('2019-07-07T10:00:00.000Z');
    expect(byLoc.get('/categorie/vuota')?.lastmod).toBe('2019-07-02T10:00:00.000Z');
    expect(byLoc.get('/autori/candy-larsson')?.lastmod).toBe('2019-07-04T10:00:00.000Z');
    expect(byLoc.get('/privacy')?.lastmod).toBe('2019-07-01T00:00:00.000Z');
  });

  it('/libro is the latest release, with its cover; articles carry theirs', () => {
    expect(byLoc.get('/libro')).toEqual({ loc: '/libro', lastmod: '2019-07-03T10:00:00.000Z', images: [{ loc: 'https://cms.example.test/uploads/libro.png', title: 'Il libro', caption: 'Alt' }] });
    expect(byLoc.get('/articoli/primo')?.images).toEqual([{ loc: 'https://cms.example.test/uploads/primo.png', title: 'Primo', caption: 'Alt' }]);
    expect(byLoc.get('/articoli/secondo')).not.toHaveProperty('images');
  });

  it('/video lists its videos with thumbnail (the poster, or the site image) and the privacy-enhanced player', () => {
    expect(byLoc.get('/video')?.videos).toEqual([
      { title: 'Video 1', description: 'Video 1', thumbnail_loc: 'https://cms.example.test/uploads/poster.png', player_loc: 'https://www.youtube-nocookie.com/embed/cCiCdemo-01', publication_date: '2019-07-27T10:00:00.000Z', duration: 245 },
      { title: 'Video 2', description: 'Descrizione', thumbnail_loc: 'https://cms.example.test/uploads/sito.png', player_loc: 'https://www.youtube-nocookie.com/embed/cCiCdemo-02', publication_date: '2019-08-10T09:00:00.000Z' },
    ]);
  });

  it('without a book there is no /libro; empty listings have no lastmod', () => {
    const empty = sitemapUrls({ ...index, articles: [], testimonies: [], answers: [], categories: [], authors: [], books: [], videos: [] }, { mediaUrl });
    expect(empty.map((url) => url.loc)).toEqual(['/', '/articoli', '/testimonianze', '/risposte', '/video', '/chi-siamo', '/contatti', '/privacy']);
    expect(empty.find((url) => url.loc === '/articoli')).toEqual({ loc: '/articoli' });
  });
});

describe('newestDate', () => {
  it('compares instants, not strings, and skips invalid values', () => {
    expect(newestDate(['2019-07-04T10:00:00+02:00', '2019-07-04T09:00:00.000Z', null, 'x'])).toBe('2019-07-04T09:00:00.000Z');
    expect(newestDate([])).toBeUndefined();
  });
});
