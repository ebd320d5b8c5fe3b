import { describe, expect, it } from 'vitest';
import type { Answer, Article, Media } from '@chiudete/types';
import type { FeedContent } from './content';
import { feedEntries, feedUpdated, renderJsonFeed, renderRss } from './feed';

const SITE = 'https://chiudeteicallcenter.eu';
const ctx = { siteUrl: SITE, mediaUrl: (url: string) => `https://cms.example.test${url}` };
const stamps = (day: string) => ({ createdAt: `${day}T08:00:00.000Z`, updatedAt: `${day}T09:00:00.000Z`, publishedAt: `${day}T08:00:00.000Z` });

const cover: Media = {
  id: 1, documentId: 'm', alternativeText: 'Copertina', caption: null, ext: '.png', focalPoint: null, formats: null, hash: 'h',
  height: 630, width: 1200, mime: 'image/png', name: 'c.png', previewUrl: null, provider: 'local', size: 12.5, url: '/uploads/c.png', ...stamps('2019-07-01'),
};

function article(slug: string, day: string, extra: Partial<Article> = {}): Article {
  return {
    id: 1, documentId: slug, slug, title: `Articolo ${slug} <&>`, excerpt: `Sommario di ${slug}`, publicationDate: day,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: `Testo di ${slug}` }] }],
    author: { id: 1, documentId: 'p', name: 'Candy Larsson', slug: 'candy-larsson', bio: null, role: null, ...stamps(day) },
    categories: [{ id: 1, documentId: 'c', name: 'Il libro', slug: 'il-libro', description: null, ...stamps(day) }],
    cover, ...stamps(day), ...extra,
  };
}

const answer: Answer = {
  id: 1, documentId: 'r', slug: 'penale', title: 'Devo pagare la penale?', operatorClaim: 'Paghi 100 euro.', verdict: null, verifiedAt: null, sector: 'telefonia',
  correctAnswer: [{ type: 'paragraph', children: [{ type: 'text', text: 'No.' }] }],
  legalReferences: [{ label: 'Legge 40/2007', url: 'https://www.normattiva.it/' }, { label: 'Senza link', url: null }],
  ...stamps('2019-07-05'),
};

const content: FeedContent = {
  global: { siteName: 'Chiudete i Call Center', tagline: 'Risposte precise.', updatedAt: '2019-07-01T00:00:00.000Z' },
  articles: [article('secondo', '2019-07-07'), article('primo', '2019-07-04', { author: null, categories: [], cover: null })],
  answers: [answer],
};
const channel = { title: 'Chiudete i Call Center', description: 'Risposte precise.', siteUrl: SITE };

describe('feedEntries', () => {
  it('merges articles and answers, newest first, with absolute URLs, authors and categories', () => {
    const entries = feedEntries(content, ctx);
    expect(entries.map((entry) => entry.url)).toEqual([
      `${SITE}/articoli/secondo`,
      `${SITE}/risposte/penale`,
      `${SITE}/articoli/primo`,
    ]);
    expect(entries[0]).toMatchObject({
      published: new Date('2019-07-07T00:00:00.000Z'),
      updated: new Date('2019-07-07T09:00:00.000Z'),
      authors: [{ name: 'Candy Larsson', url: `${SITE}/autori/candy-larsson` }],
      categories: [{ name: 'Il libro', url: `${SITE}/categorie/il-libro` }],
      image: { url: 'https://cms.example.test/uploads/c.png', type: 'image/png', length: 12800 },
    });
    expect(entries[1]!.authors).toEqual([{ name: 'La redazione di Chiudete i Call Center', url: `${SITE}/` }]);
    expect(entries[1]!.html).toContain('<a href="https://www.normattiva.it/">Legge 40/2007</a>');
    expect(feedEntries(content, ctx, 1)).toHaveLength(1);
    expect(feedUpdated(entries)).toEqual(new Date('2019-07-07T09:00:00.000Z'));
  });
});

describe('renderRss', () => {
  const xml = renderRss(channel, feedEntries(content, ctx));

  it('is RSS 2.0 with the channel, the self link and one item per entry', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    expect(xml).toContain('<title>Chiudete i Call Center</title>');
    expect(xml).toContain(`<link>${SITE}/</link>`);
    expect(xml).toContain('<language>it-IT</language>');
    expect(xml).toContain(`<atom:link href="${SITE}/feed.xml" rel="self" type="application/rss+xml"/>`);
    expect(xml.match(/<item>/g)).toHaveLength(3);
  });

  it('each item: escaped title, permalink guid, RFC 822 date, summary, full HTML, creator, categories, image', () => {
    const first = xml.slice(xml.indexOf('<item>'), xml.indexOf('</item>'));
    expect(first).toContain('<title><![CDATA[Articolo secondo <&>]]></title>');
    expect(first).toContain(`<guid isPermaLink="true">${SITE}/articoli/secondo</guid>`);
    expect(first).toContain('<pubDate>Sun, 07 Jul 2019 00:00:00 GMT</pubDate>');
    expect(first).toContain('<description><![CDATA[Sommario di secondo]]></description>');
    expect(first).toContain('<content:encoded><![CDATA[<p>Testo di secondo</p>]]></content:encoded>');
    expect(first).toContain('<dc:creator><![CDATA[Candy Larsson]]></dc:creator>');
    expect(first).toContain(`<category domain="${SITE}/categorie/il-libro">Il libro</category>`);
    expect(first).toContain('<enclosure length="12800" type="image/png" url="https://cms.example.test/uploads/c.png"/>');
  });

  it('drops the control characters XML forbids, keeps CDATA intact around "]]>"', () => {
    const [entry] = feedEntries(content, ctx);
    const xml = renderRss(channel, [{ ...entry!, title: 'a\u0007b ]]> c', summary: 'ok\u0000' }]);
    expect(xml).toContain('<title><![CDATA[ab ]]]]><![CDATA[> c]]></title>');
    expect(xml).toContain('<description><![CDATA[ok]]></description>');
  });
});

describe('renderJsonFeed', () => {
  it('is JSON Feed 1.1: version, title, home and feed URLs, items with id, url, content, dates', () => {
    const json = renderJsonFeed(channel, feedEntries(content, ctx));
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Chiudete i Call Center',
      home_page_url: `${SITE}/`,
      feed_url: `${SITE}/feed.json`,
      language: 'it-IT',
    });
    expect(json.items[0]).toEqual({
      id: `${SITE}/articoli/secondo`,
      url: `${SITE}/articoli/secondo`,
      title: 'Articolo secondo <&>',
      content_html: '<p>Testo di secondo</p>',
      summary: 'Sommario di secondo',
      image: 'https://cms.example.test/uploads/c.png',
      date_published: '2019-07-07T00:00:00.000Z',
      date_modified: '2019-07-07T09:00:00.000Z',
      authors: [{ name: 'Candy Larsson', url: `${SITE}/autori/candy-larsson` }],
      tags: ['Il libro'],
    });
    expect(json.items[2]).not.toHaveProperty('authors');
  });
});
