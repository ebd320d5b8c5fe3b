import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ANSWERS, ARTICLES, AUTHORS, CATEGORIES, DRAFT_ARTICLE, TESTIMONIES } from '@chiudete/demo-content';
import { validateJsonLd } from '../apps/web/test/schema-org-rules';
import { launchChromium } from './browser';

/**
 * What crawlers and feed readers get from the built site: the head of every
 * kind of page (as served, before any JavaScript), its JSON-LD checked
 * against the properties schema.org and Google require, the sitemap, the
 * feeds and robots.txt. XML and HTML are parsed by Chromium's DOMParser.
 */

const skipReason = inject('skipReason');

/** The seeded published content (the seed's data; the draft article is apart). */
const DEMO_SLUGS = {
  articles: ARTICLES.map((entry) => entry.slug),
  testimonies: TESTIMONIES.map((entry) => entry.slug),
  answers: ANSWERS.map((entry) => entry.slug),
  categories: CATEGORIES.map((entry) => entry.slug),
  authors: AUTHORS.map((entry) => entry.slug),
};
const DEMO_DRAFT_ARTICLE_SLUG = DRAFT_ARTICLE.slug;

interface HeadFacts {
  status: number;
  xRobotsTag: string | null;
  title: string;
  description: string | null;
  canonical: string | null;
  robots: string | null;
  meta: Record<string, string>;
  alternates: Array<{ type: string | null; href: string | null }>;
  jsonLd: string[];
  breadcrumbs: string[];
}

interface PageCase {
  path: string;
  /** JSON-LD types the page must have, beyond WebSite, Organization and WebPage. */
  types: string[];
  ogType: string;
  /** The visible trail after «Home» (none on the home page). */
  trail?: string[];
}

describe.skipIf(Boolean(skipReason))('SEO: what crawlers and feed readers get', () => {
  const webUrl = inject('webUrl');
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The served HTML (no JavaScript runs), parsed by Chromium. */
  async function head(path: string): Promise<HeadFacts> {
    const response = await fetch(`${webUrl}${path}`);
    const html = await response.text();
    const facts = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const content = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? null;
      const meta: Record<string, string> = {};
      for (const element of Array.from(doc.querySelectorAll('meta[property], meta[name^="twitter:"]'))) {
        const key = element.getAttribute('property') ?? element.getAttribute('name') ?? '';
        meta[key] ??= element.getAttribute('content') ?? '';
      }
      return {
        title: doc.title,
        description: content('meta[name="description"]'),
        canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
        robots: content('meta[name="robots"]'),
        meta,
        alternates: Array.from(doc.querySelectorAll('link[rel="alternate"]')).map((link) => ({ type: link.getAttribute('type'), href: link.getAttribute('href') })),
        jsonLd: Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map((script) => script.textContent ?? ''),
        breadcrumbs: Array.from(doc.querySelectorAll('nav[aria-label="Percorso"] li')).map((item) => (item.textContent ?? '').replace('›', '').trim()),
      };
    }, html);
    return { status: response.status, xRobotsTag: response.headers.get('x-robots-tag'), ...facts };
  }

  const article = DEMO_SLUGS.articles[0]!;
  const pages: PageCase[] = [
    { path: '/', types: [], ogType: 'website' },
    { path: '/articoli', types: ['CollectionPage', 'BreadcrumbList'], ogType: 'website', trail: ['Articoli'] },
    { path: `/articoli/${article}`, types: ['Article', 'Person', 'BreadcrumbList'], ogType: 'article' },
    { path: '/libro', types: ['Book', 'BreadcrumbList'], ogType: 'book', trail: ['Il libro'] },
    { path: '/testimonianze', types: ['CollectionPage', 'BreadcrumbList'], ogType: 'website', trail: ['Testimonianze'] },
    { path: `/testimonianze/${DEMO_SLUGS.testimonies[0]!}`, types: ['Article', 'BreadcrumbList'], ogType: 'article' },
    { path: '/risposte', types: ['CollectionPage', 'BreadcrumbList'], ogType: 'website', trail: ['Risposte precise'] },
    { path: `/risposte/${DEMO_SLUGS.answers[0]!}`, types: ['Article', 'BreadcrumbList'], ogType: 'article' },
    { path: '/osservatorio', types: ['CollectionPage', 'BreadcrumbList'], ogType: 'website', trail: ['Osservatorio'] },
    { path: '/video', types: ['VideoObject', 'BreadcrumbList'], ogType: 'website', trail: ['Video'] },
    { path: '/privacy', types: ['BreadcrumbList'], ogType: 'website', trail: ['Privacy'] },
    { path: `/categorie/${DEMO_SLUGS.categories[0]!}`, types: ['CollectionPage', 'BreadcrumbList'], ogType: 'website' },
    { path: `/autori/${DEMO_SLUGS.authors[0]!}`, types: ['ProfilePage', 'Person', 'BreadcrumbList'], ogType: 'profile' },
    { path: '/chi-siamo', types: ['AboutPage', 'BreadcrumbList'], ogType: 'website', trail: ['Chi siamo'] },
    { path: '/contatti', types: ['ContactPage', 'BreadcrumbList'], ogType: 'website', trail: ['Contatti'] },
  ];

  for (const { path, types, ogType, trail } of pages) {
    it(`${path}: title, description, canonical, Open Graph, Twitter, feeds, valid JSON-LD, breadcrumbs`, async () => {
      const facts = await head(path);
      const url = new URL(path, `${webUrl}/`).href;
      expect(facts.status).toBe(200);
      expect(facts.xRobotsTag).toMatch(/^index, follow/);
      expect(facts.robots).toMatch(/^index, follow/);

      expect(facts.title.trim().length).toBeGreaterThan(3);
      if (path !== '/') expect(facts.title).toMatch(/ · Chiudete i Call Center$/);
      expect(facts.description?.length).toBeGreaterThan(40);
      expect(facts.description!.length).toBeLessThanOrEqual(160);
      // The site URL comes from NUXT_PUBLIC_SITE_URL at run time (the stack's random port), not from the build.
      expect(facts.canonical).toBe(url);

      expect(facts.meta).toMatchObject({
        'og:url': url,
        'og:type': ogType,
        'og:locale': 'it_IT',
        'og:site_name': 'Chiudete i Call Center',
        'twitter:card': 'summary_large_image',
      });
      for (const key of ['og:title', 'og:description', 'og:image:alt', 'twitter:title', 'twitter:description', 'twitter:image:alt']) {
        expect(facts.meta[key], key).toBeTruthy();
      }
      expect(facts.meta['og:image']).toMatch(/^https?:\/\/.+\.(png|jpe?g|webp)$/);
      expect(facts.meta['twitter:image']).toBe(facts.meta['og:image']);
      expect(facts.alternates).toEqual(expect.arrayContaining([
        { type: 'application/rss+xml', href: `${webUrl}/feed.xml` },
        { type: 'application/feed+json', href: `${webUrl}/feed.json` },
      ]));

      const documents: unknown[] = facts.jsonLd.map((text) => JSON.parse(text));
      expect(documents.length).toBeGreaterThan(0);
      const report = validateJsonLd(documents);
      expect(report.errors).toEqual([]);
      expect(report.types).toEqual(expect.arrayContaining(['WebSite', 'Organization', ...types]));

      if (path === '/') {
        expect(facts.breadcrumbs).toEqual([]);
      } else {
        expect(facts.breadcrumbs[0]).toBe('Home');
        expect(facts.breadcrumbs.length).toBeGreaterThanOrEqual(2);
        if (trail) expect(facts.breadcrumbs.slice(1)).toEqual(trail);
        expect(JSON.stringify(documents)).toContain(`"item":"${url}"`);
      }
    });
  }

  it('an article: Open Graph article properties, its author and cover in the JSON-LD', async () => {
    const facts = await head(`/articoli/${article}`);
    expect(facts.meta['article:published_time']).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(facts.meta['article:author']).toMatch(new RegExp(`^${webUrl}/autori/`));
    const nodes = JSON.stringify(facts.jsonLd.map((text) => JSON.parse(text)));
    expect(nodes).toContain('"@type":"Person"');
    expect(nodes).toContain(facts.meta['og:image']!);
  });

  it('the book: an Offer for every buy link, ISBN and pages', async () => {
    const facts = await head('/libro');
    const book = facts.jsonLd.map((text) => JSON.parse(text) as { '@graph': Array<Record<string, unknown>> })
      .flatMap((document) => document['@graph'])
      .find((node) => node['@type'] === 'Book');
    expect(book).toMatchObject({ isbn: expect.stringMatching(/^97[89]/), numberOfPages: expect.any(Number), datePublished: '2019-07-20' });
    expect((book?.offers as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(facts.meta['book:isbn']).toBe(book?.isbn);
  });

  it('the title, the JSON-LD and the canonical link survive hydration on the pages that hydrate (the forms), and the next page has its own', async () => {
    await page.goto(`${webUrl}/contatti`, { waitUntil: 'networkidle' });
    // The form hydrates when the reader first uses it.
    await page.getByLabel('Il tuo messaggio').focus();
    const form = page.getByRole('form', { name: 'Scrivi alla redazione' });
    await expect.poll(() => form.getByRole('button', { name: 'Invia il messaggio' }).isEnabled()).toBe(true);
    expect(await page.title()).toBe('Contatti · Chiudete i Call Center');
    expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${webUrl}/contatti`);
    // An ordinary link: the next page comes from the server with its own head.
    await page.getByRole('navigation', { name: 'Percorso' }).getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(`${webUrl}/`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${webUrl}/`);
    await page.goto('about:blank');
  });

  it('private and search pages are not indexed', async () => {
    for (const path of ['/testimonianze/inviata', '/testimonianze/stato', '/cerca?q=penale']) {
      const facts = await head(path);
      expect(facts.xRobotsTag, path).toMatch(/noindex/);
      expect(facts.robots, path).toMatch(/noindex/);
    }
  });

  it('/robots.txt points to the sitemap and keeps crawlers out of search and private pages', async () => {
    const response = await fetch(`${webUrl}/robots.txt`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain(`Sitemap: ${webUrl}/sitemap.xml`);
    expect(text).toMatch(/^User-agent: \*$/m);
    for (const path of ['/cerca', '/testimonianze/inviata', '/testimonianze/stato']) expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).not.toMatch(/^Disallow: \/$/m);
  });

  it('/sitemap.xml: an index of files listing every published page with its lastmod, no draft, no private page, every URL answering 200', async () => {
    const parse = (source: string) => page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error(`Invalid XML: ${doc.querySelector('parsererror')?.textContent}`);
      const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
      const item = (element: Element) => ({
        loc: element.getElementsByTagNameNS(ns, 'loc')[0]?.textContent ?? '',
        lastmod: element.getElementsByTagNameNS(ns, 'lastmod')[0]?.textContent ?? null,
      });
      return {
        root: doc.documentElement.namespaceURI === ns ? doc.documentElement.localName : `{${doc.documentElement.namespaceURI}}`,
        files: Array.from(doc.getElementsByTagNameNS(ns, 'sitemap')).map(item),
        urls: Array.from(doc.getElementsByTagNameNS(ns, 'url')).map(item),
      };
    }, source);

    const response = await fetch(`${webUrl}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    const index = await parse(await response.text());
    expect(index.root).toBe('sitemapindex');
    expect(index.files.map((file) => file.loc)).toEqual(expect.arrayContaining([`${webUrl}/sitemap/pagine.xml`, `${webUrl}/sitemap/articoli-1.xml`, `${webUrl}/sitemap/testimonianze-1.xml`]));
    let xml = '';
    const entries: Array<{ loc: string; lastmod: string | null }> = [];
    for (const file of index.files) {
      const part = await fetch(file.loc);
      expect(part.status, file.loc).toBe(200);
      const text = await part.text();
      xml += text;
      const parsed = await parse(text);
      expect(parsed.root, file.loc).toBe('urlset');
      expect(parsed.urls.length, file.loc).toBeGreaterThan(0);
      expect(parsed.urls.length, file.loc).toBeLessThanOrEqual(50_000);
      entries.push(...parsed.urls);
    }

    const locs = entries.map((entry) => entry.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const entry of entries) {
      expect(entry.loc.startsWith(`${webUrl}/`), entry.loc).toBe(true);
      expect(entry.lastmod, entry.loc).not.toBeNull();
      expect(Number.isNaN(Date.parse(entry.lastmod!)), entry.lastmod!).toBe(false);
    }
    const expected = [
      '/', '/articoli', '/testimonianze', '/risposte', '/video', '/libro', '/privacy', '/chi-siamo', '/contatti',
      ...DEMO_SLUGS.articles.map((slug) => `/articoli/${slug}`),
      ...DEMO_SLUGS.testimonies.map((slug) => `/testimonianze/${slug}`),
      ...DEMO_SLUGS.answers.map((slug) => `/risposte/${slug}`),
      ...DEMO_SLUGS.categories.map((slug) => `/categorie/${slug}`),
      ...DEMO_SLUGS.authors.map((slug) => `/autori/${slug}`),
    ];
    expect(locs).toEqual(expect.arrayContaining(expected.map((path) => new URL(path, `${webUrl}/`).href)));
    expect(xml).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
    for (const path of ['/testimonianze/invia', '/testimonianze/inviata', '/testimonianze/stato', '/cerca', '/anteprima']) {
      expect(locs).not.toContain(`${webUrl}${path}`);
    }

    const broken: string[] = [];
    for (const loc of locs) {
      const status = (await fetch(loc, { redirect: 'manual' })).status;
      if (status !== 200) broken.push(`${loc} → ${status}`);
    }
    expect(broken).toEqual([]);
  });

  it('/feed.xml is RSS 2.0: channel, items with absolute links, dates, authors, categories; no draft', async () => {
    const response = await fetch(`${webUrl}/feed.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const xml = await response.text();
    const feed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error(`Invalid XML: ${doc.querySelector('parsererror')?.textContent}`);
      const channel = doc.querySelector('rss > channel');
      const text = (parent: Element | null | undefined, name: string) => parent?.getElementsByTagName(name)[0]?.textContent ?? null;
      return {
        root: doc.documentElement.localName,
        version: doc.documentElement.getAttribute('version'),
        title: text(channel, 'title'),
        link: text(channel, 'link'),
        description: text(channel, 'description'),
        items: Array.from(doc.querySelectorAll('rss > channel > item')).map((item) => ({
          title: text(item, 'title'),
          link: text(item, 'link'),
          guid: text(item, 'guid'),
          pubDate: text(item, 'pubDate'),
          description: text(item, 'description'),
          content: item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent ?? null,
          creator: item.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]?.textContent ?? null,
          categories: Array.from(item.getElementsByTagName('category')).map((category) => category.textContent),
        })),
      };
    }, xml);
    expect(feed).toMatchObject({ root: 'rss', version: '2.0', title: 'Chiudete i Call Center', link: `${webUrl}/` });
    expect(feed.description).toBeTruthy();
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.length).toBeLessThanOrEqual(20);
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(new RegExp(`^${webUrl}/(articoli|risposte)/[a-z0-9-]+$`));
      expect(item.guid).toBe(item.link);
      expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
      expect(item.description).toBeTruthy();
      expect(item.content).toContain('<p>');
      expect(item.creator).toBeTruthy();
      expect(item.categories.length).toBeGreaterThan(0);
    }
    const dates = feed.items.map((item) => Date.parse(item.pubDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(feed.items.map((item) => item.link)).toContain(`${webUrl}/articoli/${article}`);
    expect(xml).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
  });

  it('/feed.json is JSON Feed 1.1: version, title, URLs, items with id, url, content, dates', async () => {
    const response = await fetch(`${webUrl}/feed.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = await response.json() as {
      version: string; title: string; home_page_url: string; feed_url: string;
      items: Array<{ id: string; url: string; title: string; content_html?: string; content_text?: string; date_published: string; authors?: Array<{ name: string }> }>;
    };
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: 'Chiudete i Call Center', home_page_url: `${webUrl}/`, feed_url: `${webUrl}/feed.json` });
    expect(feed.items.length).toBeGreaterThan(0);
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(feed.items.length);
    for (const item of feed.items) {
      expect(item.id).toBeTruthy();
      expect(item.url).toMatch(new RegExp(`^${webUrl}/`));
      expect(item.content_html ?? item.content_text).toBeTruthy();
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
      expect(item.authors?.[0]?.name).toBeTruthy();
    }
  });
});
