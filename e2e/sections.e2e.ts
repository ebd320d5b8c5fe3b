import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStrapiClient, type Answer, type Article, type Author, type Category, type Global, type Testimony } from '@chiudete/types';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');

interface ImageFacts {
  src: string;
  srcset: string | null;
  width: string | null;
  height: string | null;
  alt: string | null;
  loading: string | null;
  fetchpriority: string | null;
  top: number;
}

/**
 * The sections added to the site: categories, authors, «Chi siamo», the end
 * of an article and of a testimony (related content, share links), the
 * book's countdown, and the responsive images. What the pages should show
 * comes from the public API, not from copies in the test.
 */
describe.skipIf(Boolean(skipReason))('sections: categories, authors, about, related content, images', () => {
  const webUrl = inject('webUrl');
  const api = createStrapiClient({ baseURL: inject('cmsUrl') });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let category: Category;
  let categoryArticles: Article[];
  let author: Author;
  let article: Article;
  let global: Global;

  /** Every <img> of the page's main content, with what matters for performance and accessibility. */
  const images = (target: Page): Promise<ImageFacts[]> =>
    target.locator('main img').evaluateAll((elements) => elements.map((element) => {
      const img = element as HTMLImageElement;
      return {
        src: img.getAttribute('src') ?? '',
        srcset: img.getAttribute('srcset'),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        alt: img.getAttribute('alt'),
        loading: img.getAttribute('loading'),
        fetchpriority: img.getAttribute('fetchpriority'),
        top: img.getBoundingClientRect().top + window.scrollY,
      };
    }));

  beforeAll(async () => {
    const categories = (await api.categories.list({ pageSize: 100 })).data;
    // The category with the most articles, so that the page has something to show.
    const withArticles = await Promise.all(categories.map(async (candidate) => ({
      candidate,
      articles: (await api.articles.list({ filters: { categories: { slug: { $eq: candidate.slug } } }, sort: ['publicationDate:desc', 'id:desc'], pageSize: 100 })).data,
    })));
    withArticles.sort((a, b) => b.articles.length - a.articles.length);
    category = withArticles[0]!.candidate;
    categoryArticles = withArticles[0]!.articles;
    author = (await api.authors.list()).data[0]!;
    article = (await api.articles.list({ sort: ['publicationDate:desc', 'id:desc'], pageSize: 1 })).data[0]!;
    global = await api.global.get();

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a category: its description, its articles and the answers linked to them', async () => {
    expect(categoryArticles.length).toBeGreaterThan(1);
    const response = await page.goto(`${webUrl}/categorie/${category.slug}`);
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    expect(await main.getByRole('heading', { level: 1 }).textContent()).toBe(category.name);
    if (category.description) expect(await main.textContent()).toContain(category.description);
    for (const listed of categoryArticles.slice(0, 9)) {
      expect(await main.getByRole('link', { name: listed.title, exact: true }).count()).toBe(1);
    }

    const answers: Answer[] = (await api.answers.list({ filters: { articles: { categories: { slug: { $eq: category.slug } } } }, pageSize: 6 })).data;
    for (const answer of answers) {
      expect(await main.getByRole('link', { name: answer.title, exact: true }).count()).toBe(1);
    }

    await main.getByRole('link', { name: categoryArticles[0]!.title, exact: true }).click();
    await page.waitForURL(`**/articoli/${categoryArticles[0]!.slug}`);
    await page.getByRole('heading', { level: 1, name: categoryArticles[0]!.title }).waitFor();
  });

  it('links an article to its categories and to its author', async () => {
    await page.goto(`${webUrl}/articoli/${article.slug}`);
    const header = page.getByRole('main').locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });
    const chips = header.getByRole('list', { name: 'Argomenti' });
    for (const listed of article.categories ?? []) {
      expect(await chips.getByRole('link', { name: listed.name }).getAttribute('href')).toBe(`/categorie/${listed.slug}`);
    }
    const byline = header.getByRole('link', { name: article.author!.name });
    expect(await byline.getAttribute('href')).toBe(`/autori/${article.author!.slug}`);

    // The byline is an ordinary link to the author's page.
    await byline.click();
    await page.waitForURL(`**/autori/${article.author!.slug}`);
    await page.getByRole('heading', { level: 1, name: article.author!.name }).waitFor();
  });

  it('shows an author: bio, avatar, public profiles and the articles they signed', async () => {
    const response = await page.goto(`${webUrl}/autori/${author.slug}`);
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    expect(await main.getByRole('heading', { level: 1 }).textContent()).toBe(author.name);
    expect(await main.textContent()).toContain(author.bio!.slice(0, 60));
    expect(await main.locator('header img').getAttribute('alt')).toBe(author.avatar!.alternativeText);
    for (const profile of author.socialLinks ?? []) {
      expect(await main.locator(`a[href="${profile.url}"]`).count()).toBe(1);
    }
    const signed = (await api.articles.list({ filters: { author: { slug: { $eq: author.slug } } }, sort: ['publicationDate:desc', 'id:desc'], pageSize: 9 })).data;
    expect(signed.length).toBeGreaterThan(0);
    for (const listed of signed) {
      expect(await main.getByRole('link', { name: listed.title, exact: true }).count()).toBe(1);
    }
  });

  it('tells who we are, from the footer: the project, the author, the book and the moderation rules', async () => {
    await page.goto(webUrl);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Chi siamo' }).click();
    await page.waitForURL('**/chi-siamo');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Un progetto dalla parte di chi chiama' }).waitFor();
    for (const heading of ['Il progetto', 'Chi scrive', 'Il libro', 'Come lavoriamo', 'Contatti']) {
      expect(await main.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
    }
    expect(await main.getByRole('link', { name: author.name }).getAttribute('href')).toBe(`/autori/${author.slug}`);
    // The moderation rules are the editors' own text (Global), not a copy in the code.
    const firstRule = global.editorialPolicy.find((block) => block.type === 'paragraph');
    const ruleText = firstRule?.children.find((child) => child.type === 'text')?.text.slice(0, 50);
    expect(ruleText).toBeTruthy();
    expect(await main.textContent()).toContain(ruleText);
    const contacts = main.getByRole('region', { name: 'Contatti' });
    expect(await contacts.getByRole('link', { name: global.contactEmail }).getAttribute('href')).toBe(`mailto:${global.contactEmail}`);
    for (const profile of global.socialLinks ?? []) {
      expect(await contacts.locator(`a[href="${profile.url}"]`).count()).toBe(1);
    }
  });

  it('ends an article with related answers and articles, and plain share links', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webUrl });
    await page.goto(`${webUrl}/articoli/${article.slug}`);
    const main = page.getByRole('main');
    for (const answer of article.answers ?? []) {
      expect(await main.getByRole('link', { name: answer.title, exact: true }).count()).toBeGreaterThan(0);
    }
    const related = main.getByRole('region', { name: 'Da leggere dopo' });
    const relatedLinks = await related.getByRole('heading', { level: 3 }).getByRole('link').evaluateAll(
      (links) => links.map((link) => link.getAttribute('href')),
    );
    expect(relatedLinks).toHaveLength(3);
    expect(relatedLinks).not.toContain(`/articoli/${article.slug}`);
    // Articles sharing a category come first.
    const categories = new Set((article.categories ?? []).map((listed) => listed.slug));
    const first = (await api.articles.list({ filters: { slug: { $eq: relatedLinks[0]!.split('/').pop()! } } })).data[0]!;
    expect(first.categories?.some((listed) => categories.has(listed.slug))).toBe(true);

    const share = main.getByRole('region', { name: 'Condividi' });
    const pageUrl = encodeURIComponent(`${webUrl}/articoli/${article.slug}`);
    const hrefs = await share.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.map((href) => new URL(href).protocol === 'mailto:' ? 'mailto:' : new URL(href).host)).toEqual([
      'wa.me', 't.me', 'www.facebook.com', 'x.com', 'www.linkedin.com', 'mailto:',
    ]);
    for (const href of hrefs) expect(href).toContain(pageUrl);

    await share.getByRole('button', { name: 'Copia link' }).click();
    await share.getByRole('status').getByText('Il link è stato copiato').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${webUrl}/articoli/${article.slug}`);
  });

  it('ends a testimony with stories of the same sector and the answers about it', async () => {
    const testimonies: Testimony[] = (await api.testimonies.list({ pageSize: 100 })).data;
    // A testimony whose sector has other stories.
    const current = testimonies.find((candidate) => testimonies.some((other) => other.documentId !== candidate.documentId && other.sector === candidate.sector))!;
    await page.goto(`${webUrl}/testimonianze/${current.slug}`);
    const main = page.getByRole('main');
    const related = main.getByRole('region', { name: 'Altre storie simili' });
    const slugs = (await related.getByRole('heading', { level: 3 }).getByRole('link').evaluateAll(
      (links) => links.map((link) => link.getAttribute('href') ?? ''),
    )).map((href) => href.split('/').pop());
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).not.toContain(current.slug);
    const first = testimonies.find((candidate) => candidate.slug === slugs[0])!;
    expect(first.sector).toBe(current.sector);

    const answers = (await api.answers.list({ filters: { sector: { $eq: current.sector } }, pageSize: 3 })).data;
    for (const answer of answers) {
      expect(await main.getByRole('link', { name: answer.title, exact: true }).count()).toBe(1);
    }
    expect(await main.getByRole('region', { name: 'Condividi' }).getByRole('button', { name: 'Copia link' }).count()).toBe(1);
  });

  it('shows the book\'s buy links once it is out, and a live countdown before', async () => {
    const [book] = (await api.books.list({ sort: ['releaseDate:desc'], pageSize: 1 })).data;
    const response = await page.goto(`${webUrl}/libro`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('.book-countdown').isVisible()).toBe(false);
    for (const link of book!.buyLinks ?? []) {
      expect(await page.locator(`a[href="${link.url}"]`).isVisible()).toBe(true);
    }

    // A reader whose clock says ten seconds before the release: the enhancement script takes over from the server.
    const release = Date.parse(`${book!.releaseDate}T00:00:00+02:00`);
    const early = await context.newPage();
    await early.clock.install({ time: release - 10_000 });
    await early.goto(`${webUrl}/libro`);
    const countdown = early.locator('.book-countdown');
    await countdown.waitFor();
    expect(await countdown.getByRole('heading', { level: 2 }).textContent()).toContain('Esce domani');
    expect(await early.locator('.book-countdown__clock').getAttribute('aria-hidden')).toBe('true');
    expect(await early.locator(`a[href="${book!.buyLinks![0]!.url}"]`).isVisible()).toBe(false);
    await early.clock.runFor(12_000);
    await early.locator(`a[href="${book!.buyLinks![0]!.url}"]`).waitFor();
    expect(await early.getByRole('status').filter({ hasText: 'Il libro è uscito' }).count()).toBe(1);
    await early.close();
  });

  it('answers 404 with the helpful error page for unknown categories and authors', async () => {
    for (const path of ['/categorie/argomento-che-non-esiste', '/autori/autore-che-non-esiste', `/categorie/${category.slug}?pagina=99`]) {
      const response = await page.goto(`${webUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pagina non trovata');
      expect(await page.getByRole('link', { name: 'Gli articoli' }).count()).toBe(1);
    }
  });

  it('gives every image its size, srcset and alt text; only the main image above the fold loads at once', async () => {
    for (const path of ['/', `/articoli/${article.slug}`, `/categorie/${category.slug}`, `/autori/${author.slug}`, '/libro', '/video', '/chi-siamo']) {
      await page.goto(`${webUrl}${path}`);
      const found = await images(page);
      expect(found.length, path).toBeGreaterThan(0);
      const viewport = page.viewportSize()!.height;
      for (const image of found) {
        const where = `${path} ${image.src}`;
        expect(Number(image.width), where).toBeGreaterThan(0);
        expect(Number(image.height), where).toBeGreaterThan(0);
        expect(image.alt, where).not.toBeNull();
        expect(image.srcset, where).toMatch(/\/_ipx\/f_webp&q_75&w_\d+\/uploads\/\S+ \d+w/);
        if (image.top > viewport) expect(image.loading, `${where} is below the fold`).toBe('lazy');
        if (image.loading === 'eager') expect(image.fetchpriority, where).toBe('high');
      }
    }
    // The article's cover is the LCP candidate.
    await page.goto(`${webUrl}/articoli/${article.slug}`);
    const cover = page.locator('main figure img').first();
    expect(await cover.getAttribute('loading')).toBe('eager');
    expect(await cover.getAttribute('fetchpriority')).toBe('high');
    expect(await cover.getAttribute('alt')).toBe(article.cover!.alternativeText);
    // What the browser chose from the srcset is a WebP image served by the site itself.
    const current = await cover.evaluate((img) => (img as HTMLImageElement).currentSrc);
    expect(new URL(current).origin).toBe(new URL(webUrl).origin);
    const response = await fetch(current);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps the image resizer to the CMS\'s uploads and the site\'s own sizes', async () => {
    for (const path of [
      '/_ipx/_/https://example.org/immagine.png',
      `/_ipx/f_webp&q_75/${encodeURIComponent(inject('cmsUrl'))}%2Fadmin`,
      '/_ipx/f_webp&q_75&w_999/uploads/immagine.png',
      '/_ipx/_/favicon.svg',
    ]) {
      const response = await fetch(`${webUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain(inject('cmsUrl'));
    }
  });
});
