import { Feed } from 'feed';
import { SECTOR_LABELS, listPath, sitePath, type Answer, type Article } from '@chiudete/types';
import { SITE_LOGO_PATH } from '../../../app/utils/seo';
import { blocksToHtml, escapeHtmlText, type BlocksHtmlContext } from './blocks-html';
import { FEED_SIZE, type FeedContent } from './content';

/**
 * The site's feeds: the newest articles and "Risposte precise", as RSS 2.0
 * (`/feed.xml`, written by the `feed` package) and JSON Feed 1.1
 * (`/feed.json`). Both come from the same entries, with absolute URLs,
 * dates, authors, categories, a summary and the full text as HTML.
 */

export const FEED_PATHS = { rss: '/feed.xml', json: '/feed.json' } as const;
/** How long readers and proxies may keep a feed (seconds); also the server's cache. */
export const FEED_MAX_AGE = 600;

export interface FeedChannel {
  title: string;
  description: string;
  /** Public origin of the site. */
  siteUrl: string;
}

export interface FeedEntry {
  /** Absolute URL of the entry's page (also its id). */
  url: string;
  title: string;
  summary: string;
  html: string;
  published: Date;
  updated: Date;
  authors: Array<{ name: string; url?: string }>;
  categories: Array<{ name: string; url?: string }>;
  image?: { url: string; type?: string; length?: number };
}

export type FeedContext = BlocksHtmlContext;

const absolute = (siteUrl: string, path: string) => new URL(path, `${siteUrl.replace(/\/+$/, '')}/`).href;

/** `2019-07-04` (a calendar date) or an ISO timestamp as a Date; `fallback` when invalid. */
function toDate(value: string | null | undefined, fallback: string): Date {
  const text = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
  const time = text ? Date.parse(text) : Number.NaN;
  return new Date(Number.isFinite(time) ? time : Date.parse(fallback));
}

function articleEntry(article: Article, ctx: FeedContext): FeedEntry {
  const cover = article.cover;
  return {
    url: absolute(ctx.siteUrl, sitePath('article', article.slug)),
    title: article.title,
    summary: article.excerpt,
    html: blocksToHtml(article.body, ctx),
    published: toDate(article.publicationDate, article.createdAt),
    updated: toDate(article.updatedAt, article.createdAt),
    authors: article.author ? [{ name: article.author.name, url: absolute(ctx.siteUrl, sitePath('author', article.author.slug)) }] : [],
    categories: (article.categories ?? []).map((category) => ({ name: category.name, url: absolute(ctx.siteUrl, sitePath('category', category.slug)) })),
    image: cover ? { url: ctx.mediaUrl(cover.url), type: cover.mime, length: Math.round(cover.size * 1024) } : undefined,
  };
}

function answerEntry(answer: Answer, ctx: FeedContext, editors: string): FeedEntry {
  const references = (answer.legalReferences ?? []).map((reference) => {
    const label = escapeHtmlText(reference.label);
    return reference.url && /^https?:\/\//i.test(reference.url) ? `<li><a href="${escapeHtmlText(reference.url)}">${label}</a></li>` : `<li>${label}</li>`;
  });
  const html = [
    `<p><strong>L'operatore ti ha detto:</strong> «${escapeHtmlText(answer.operatorClaim)}»</p>`,
    '<h2>La risposta corretta</h2>',
    blocksToHtml(answer.correctAnswer, ctx),
    ...(references.length > 0 ? ['<h2>Riferimenti normativi</h2>', `<ul>${references.join('')}</ul>`] : []),
  ].join('\n');
  return {
    url: absolute(ctx.siteUrl, sitePath('answer', answer.slug)),
    title: answer.title,
    summary: `L'operatore ti ha detto: «${answer.operatorClaim}». Ecco la risposta corretta.`,
    html,
    published: toDate(answer.publishedAt, answer.createdAt),
    updated: toDate(answer.updatedAt, answer.createdAt),
    authors: [{ name: editors, url: absolute(ctx.siteUrl, '/') }],
    categories: [
      { name: 'Risposte precise', url: absolute(ctx.siteUrl, listPath('answer')) },
      { name: SECTOR_LABELS[answer.sector] },
    ],
  };
}

/** Articles and answers, newest first, at most `size`. */
export function feedEntries(content: FeedContent, ctx: FeedContext, size = FEED_SIZE): FeedEntry[] {
  const editors = `La redazione di ${content.global.siteName}`;
  return [
    ...content.articles.map((article) => articleEntry(article, ctx)),
    ...content.answers.map((answer) => answerEntry(answer, ctx, editors)),
  ]
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.url.localeCompare(b.url))
    .slice(0, size);
}

/** When the feed last changed: its newest entry's update. */
export function feedUpdated(entries: FeedEntry[]): Date {
  const times = entries.map((entry) => Math.max(entry.updated.getTime(), entry.published.getTime()));
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

/** Characters XML 1.0 forbids (control characters an editor may paste): a feed with one would not parse. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlSafe = (text: string) => text.replace(NOT_XML, '');

export function renderRss(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = new Feed({
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    id: absolute(channel.siteUrl, '/'),
    link: absolute(channel.siteUrl, '/'),
    language: 'it-IT',
    image: absolute(channel.siteUrl, SITE_LOGO_PATH),
    copyright: `© ${channel.title}`,
    updated: feedUpdated(entries),
    ttl: FEED_MAX_AGE / 60,
    generator: false,
    feedLinks: { rss: absolute(channel.siteUrl, FEED_PATHS.rss), json: absolute(channel.siteUrl, FEED_PATHS.json) },
  });
  for (const entry of entries) {
    feed.addItem({
      // No `id`/`guid`: the item's link becomes its permanent guid.
      title: xmlSafe(entry.title),
      link: entry.url,
      description: xmlSafe(entry.summary),
      content: xmlSafe(entry.html),
      date: entry.updated,
      published: entry.published,
      category: entry.categories.map((category) => ({ name: xmlSafe(category.name), domain: category.url })),
      ...(entry.image ? { image: entry.image } : {}),
      // RSS's own <author> must be an e-mail address: the names go in Dublin Core's creator.
      ...(entry.authors.length > 0 ? { extensions: [{ name: 'dc:creator', objects: { _cdata: xmlSafe(entry.authors.map((author) => author.name).join(', ')) } }] } : {}),
    });
  }
  return feed.rss2();
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  icon?: string;
  favicon?: string;
  language?: string;
  authors?: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

export interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

export interface JsonFeedItem {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
}

/**
 * The `feed` package writes JSON Feed 1.0 (a single `author`, no
 * `language`): version 1.1 is plain JSON, built here with its own type.
 */
export function renderJsonFeed(channel: FeedChannel, entries: FeedEntry[]): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: absolute(channel.siteUrl, '/'),
    feed_url: absolute(channel.siteUrl, FEED_PATHS.json),
    description: channel.description,
    icon: absolute(channel.siteUrl, SITE_LOGO_PATH),
    favicon: absolute(channel.siteUrl, '/favicon.svg'),
    language: 'it-IT',
    authors: [{ name: channel.title, url: absolute(channel.siteUrl, '/') }],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      content_html: entry.html,
      summary: entry.summary,
      ...(entry.image ? { image: entry.image.url } : {}),
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      ...(entry.authors.length > 0 ? { authors: entry.authors.map(({ name, url }) => ({ name, ...(url ? { url } : {}) })) } : {}),
      tags: entry.categories.map((category) => category.name),
    })),
  };
}
