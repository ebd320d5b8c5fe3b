import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStrapiClient } from '@chiudete/types';
import { CONTENT_PAGE_BUDGET_BYTES, measurePageWeight, pageWeightTable, type PageWeight } from '../bench/page-weight.ts';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');

/**
 * Lean pages (issue #10). Every page type loaded in Chromium, its JavaScript
 * summed as the site serves it (gzip), against the budgets; and the
 * content pages, which ship no Vue, used with JavaScript turned off: what
 * they offer works with plain links and forms.
 */
describe.skipIf(Boolean(skipReason))('page weight and pages without JavaScript', () => {
  const webUrl = inject('webUrl');
  const api = createStrapiClient({ baseURL: inject('cmsUrl') });
  let browser: Browser;
  let noScript: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
    page = await noScript.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('the JavaScript each page type ships', () => {
    let results: PageWeight[];

    beforeAll(async () => {
      results = await measurePageWeight(webUrl);
      console.log(pageWeightTable(results));
    }, 180_000);

    it('measures every page type, the forms included', () => {
      expect(results.map((result) => result.page)).toEqual([
        'Home', 'Article list', 'Article', 'Testimony list', 'Testimony', 'Answer list', 'Answer', 'Osservatorio', 'Book', 'Videos', 'About',
        'Search results', 'Submission form', 'Contact form', 'Submission status',
      ]);
    });

    it('keeps every page within its budget (gzip, as served)', () => {
      const over = results.filter((result) => result.jsGzipBytes > result.budgetBytes);
      expect(over, pageWeightTable(results)).toEqual([]);
    });

    it('sends no Vue to the pages without a form: at most the enhancement script', () => {
      for (const result of results.filter((candidate) => candidate.budgetBytes === CONTENT_PAGE_BUDGET_BYTES)) {
        expect(result.requests, `${result.page} (${result.path})`).toBeLessThanOrEqual(1);
        expect(result.jsGzipBytes, `${result.page} (${result.path})`).toBeLessThan(5_000);
      }
    });
  });

  describe('content pages with JavaScript turned off', () => {
    it('filters the testimonies with the plain GET form', async () => {
      const operators = (await api.testimonies.list({ filters: { role: { $eq: 'operatore' } }, pageSize: 100 })).data;
      const customers = (await api.testimonies.list({ filters: { role: { $eq: 'cliente' } }, pageSize: 1 })).data;
      expect(operators.length).toBeGreaterThan(0);
      await page.goto(`${webUrl}/testimonianze`);
      const form = page.getByRole('search', { name: 'Filtra le testimonianze' });
      await form.getByLabel('Chi racconta').selectOption('operatore');
      await Promise.all([page.waitForURL(/ruolo=operatore/), form.getByRole('button', { name: 'Filtra' }).click()]);
      const main = page.getByRole('main');
      for (const testimony of operators.slice(0, 9)) {
        expect(await main.getByRole('link', { name: testimony.title }).count()).toBeGreaterThan(0);
      }
      expect(await main.getByRole('link', { name: customers[0]!.title }).count()).toBe(0);
      expect(await form.getByLabel('Chi racconta').inputValue()).toBe('operatore');
    });

    it('searches with the plain GET form, from the header\'s link', async () => {
      await page.goto(`${webUrl}/articoli`);
      await Promise.all([page.waitForURL('**/cerca'), page.getByRole('banner').getByRole('link', { name: 'Cerca nel sito' }).click()]);
      const form = page.getByRole('search', { name: 'Cerca nel sito' });
      await form.getByLabel('Cerca tra articoli, testimonianze e risposte').fill('bolletta');
      await Promise.all([page.waitForURL(/\/cerca\?q=bolletta/), form.getByRole('button', { name: 'Cerca' }).click()]);
      expect(await page.getByRole('status').first().textContent()).toMatch(/per «bolletta»/);
      expect(await page.getByRole('main').getByRole('listitem').count()).toBeGreaterThan(0);
    });

    it('offers the share links, and the page\'s link in a field to copy by hand instead of «Copia link»', async () => {
      const article = (await api.articles.list({ sort: ['publicationDate:desc', 'id:desc'], pageSize: 1 })).data[0]!;
      await page.goto(`${webUrl}/articoli/${article.slug}`);
      const share = page.getByRole('region', { name: 'Condividi' });
      const hrefs = await share.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs).toHaveLength(6);
      for (const href of hrefs) expect(href).toContain(encodeURIComponent(`${webUrl}/articoli/${article.slug}`));
      expect(await share.getByLabel('Link da copiare').inputValue()).toBe(`${webUrl}/articoli/${article.slug}`);
      expect(await share.getByRole('button', { name: 'Copia link' }).count()).toBe(0);
    });

    it('links each video to YouTube, and loads nothing from YouTube', async () => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${webUrl}/video`, { waitUntil: 'networkidle' });
      page.removeAllListeners('request');
      const links = page.getByRole('main').getByRole('link', { name: /Guarda il video/ });
      expect(await links.count()).toBeGreaterThan(0);
      expect(await links.first().getAttribute('href')).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}$/);
      expect(await page.locator('iframe').count()).toBe(0);
      expect(requests.filter((url) => /youtube|ytimg|google/.test(url))).toEqual([]);
    });

    it('shows the book\'s buy links, and no countdown after the release', async () => {
      const [book] = (await api.books.list({ sort: ['releaseDate:desc'], pageSize: 1 })).data;
      await page.goto(`${webUrl}/libro`);
      for (const link of book!.buyLinks ?? []) expect(await page.locator(`a[href="${link.url}"]`).isVisible()).toBe(true);
      expect(await page.locator('.book-countdown').isVisible()).toBe(false);
    });

    it('skips to the content with the skip link', async () => {
      await page.goto(`${webUrl}/articoli`);
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').getAttribute('href')).toBe('#contenuto');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenuto');
    });
  });
});
