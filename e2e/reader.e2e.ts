import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createStrapiClient, type Article } from '@chiudete/types';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');

describe.skipIf(Boolean(skipReason))('a reader on a phone', () => {
  let browser: Browser;
  let page: Page;
  let latest: Article[];
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    // What the site should show comes from the API, not from copies in the test.
    const api = createStrapiClient({ baseURL: inject('cmsUrl') });
    latest = (await api.articles.list({ sort: 'publicationDate:desc', pageSize: 3 })).data;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the home page and sees the latest articles, the book and testimonies', async () => {
    const response = await page.goto(webUrl);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await expect.poll(() => page.title()).toMatch(/Chiudete i Call Center/);

    const main = page.getByRole('main');
    for (const article of latest) {
      await main.getByRole('link', { name: article.title }).first().waitFor();
    }
    expect(await main.getByText('Chiudete i Call Center in outsourcing').count()).toBeGreaterThan(0);
    expect(await main.getByRole('link', { name: /testimonianz/i }).count()).toBeGreaterThan(0);
    const footer = page.getByRole('contentinfo');
    expect(await footer.getByRole('link', { name: 'redazione@chiudeteicallcenter.eu' }).getAttribute('href'))
      .toBe('mailto:redazione@chiudeteicallcenter.eu');
  });

  it('follows a link to an article and reads it', async () => {
    const article = latest[0]!;
    await page.getByRole('main').getByRole('link', { name: article.title }).first().click();
    await page.waitForURL(`**/articoli/${article.slug}`);
    // An ordinary link: the article is a new page, rendered on the server.
    await page.getByRole('heading', { level: 1, name: article.title }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    // The article itself, not the cards of the related articles after it.
    const body = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 1 }) });
    expect(await body.textContent()).toContain('Candy Larsson');
    const firstParagraph = article.body.find((b) => b.type === 'paragraph');
    const firstText = firstParagraph?.children.find((c) => c.type === 'text')?.text.slice(0, 40);
    expect(firstText).toBeTruthy();
    expect(await body.textContent()).toContain(firstText);
    const image = body.locator('img').first();
    expect(await image.getAttribute('alt')).toBeTruthy();
  });

  it('filters testimonies by role with the form, and sees only those', async () => {
    const api = createStrapiClient({ baseURL: inject('cmsUrl') });
    const operators = (await api.testimonies.list({ filters: { role: { $eq: 'operatore' } }, pageSize: 100 })).data;
    const customers = (await api.testimonies.list({ filters: { role: { $eq: 'cliente' } }, pageSize: 100 })).data;
    expect(operators.length).toBeGreaterThan(0);

    await page.goto(`${webUrl}/testimonianze`);
    const form = page.getByRole('search', { name: 'Filtra le testimonianze' });
    await form.getByLabel('Chi racconta').selectOption('operatore');
    await form.getByRole('button', { name: 'Filtra' }).click();
    // A GET form: the filtered list is a new page; the enhancement script leaves the empty filter out of the address.
    await page.waitForURL((url) => url.search === '?ruolo=operatore');
    const main = page.getByRole('main');
    await main.getByRole('link', { name: customers[0]!.title }).waitFor({ state: 'detached', timeout: 10_000 });
    for (const testimony of operators.slice(0, 9)) {
      expect(await main.getByRole('link', { name: testimony.title }).count()).toBeGreaterThan(0);
    }
    expect(await main.getByRole('link', { name: customers[0]!.title }).count()).toBe(0);
  });

  it('reads the book page with its release date and where to buy it', async () => {
    const api = createStrapiClient({ baseURL: inject('cmsUrl') });
    const [book] = (await api.books.list()).data;
    const response = await page.goto(`${webUrl}/libro`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(book!.title);
    expect(await page.getByRole('main').textContent()).toContain('20 luglio 2019');
    for (const link of book!.buyLinks ?? []) {
      expect(await page.locator(`a[href="${link.url}"]`).count()).toBeGreaterThan(0);
    }
  });

  it('finds no broken internal link on the home, the articles and the book page', async () => {
    const api = createStrapiClient({ baseURL: inject('cmsUrl') });
    const articles = (await api.articles.list({ pageSize: 100, fields: ['slug'] })).data;
    const pages = ['/', '/libro', '/testimonianze', ...articles.map((a) => `/articoli/${a.slug}`)];
    const links = new Set<string>();
    for (const path of pages) {
      const html = await (await fetch(`${webUrl}${path}`)).text();
      for (const [, href] of html.matchAll(/href="(\/[^"#?]*)[^"]*"/g)) {
        if (href && !href.startsWith('/_nuxt/') && !href.startsWith('//')) links.add(href);
      }
    }
    expect(links.size).toBeGreaterThan(10);
    const broken: string[] = [];
    for (const href of links) {
      const res = await fetch(`${webUrl}${href}`, { redirect: 'manual' });
      if (res.status !== 200) broken.push(`${href} → ${res.status}`);
    }
    expect(broken).toEqual([]);
  });

  it('finds the CMS admin panel served by the built CMS', async () => {
    const response = await fetch(`${inject('cmsUrl')}/admin`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="strapi"');
  });

  it('gets a real 404 page for an unknown article', async () => {
    const response = await page.goto(`${webUrl}/articoli/questo-articolo-non-esiste`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    expect(await page.content()).not.toMatch(/at .*\.(js|mjs|ts):\d+/);
  });
});
