import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createStrapiClient } from '@chiudete/types';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');

/** Scrolls to the bottom a screen at a time, so that every lazy image is requested. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
}

/**
 * Privacy by construction: loading any page of the site makes no request to
 * a third party (no fonts, analytics, embeds or share buttons of others),
 * and sets no cookie. Every page type is opened in a fresh browser context,
 * scrolled to the bottom, and every request it made is checked.
 */
describe.skipIf(Boolean(skipReason))('privacy: no third-party request, no cookie', () => {
  const webUrl = inject('webUrl');
  const cmsUrl = inject('cmsUrl');
  const siteOrigin = new URL(webUrl).origin;
  const cmsOrigin = new URL(cmsUrl).origin;
  /** The site, and the CMS for its media files only: the forms go through the site, never to the CMS's API (issue #16). */
  const allowed = (url: URL) => url.origin === siteOrigin || (url.origin === cmsOrigin && url.pathname.startsWith('/uploads/'));
  const pages: string[] = [];
  let browser: Browser;

  beforeAll(async () => {
    const api = createStrapiClient({ baseURL: cmsUrl });
    const [articles, categories, authors, testimonies, answers] = await Promise.all([
      api.articles.list({ pageSize: 1, sort: ['publicationDate:desc'] }),
      api.categories.list({ pageSize: 1 }),
      api.authors.list({ pageSize: 1 }),
      api.testimonies.list({ pageSize: 1 }),
      api.answers.list({ pageSize: 1 }),
    ]);
    pages.push(
      '/',
      '/articoli',
      `/articoli/${articles.data[0]!.slug}`,
      `/categorie/${categories.data[0]!.slug}`,
      `/autori/${authors.data[0]!.slug}`,
      '/testimonianze',
      `/testimonianze/${testimonies.data[0]!.slug}`,
      '/testimonianze/invia',
      '/risposte',
      `/risposte/${answers.data[0]!.slug}`,
      '/osservatorio',
      '/osservatorio/settori/telefonia',
      '/widget/testimonianze',
      '/video',
      '/libro',
      '/chi-siamo',
      '/privacy',
      '/pagina-che-non-esiste',
    );
    // Sections that other parts of the site may add later are checked when they exist.
    for (const optional of ['/cerca', '/contatti']) {
      if ((await fetch(`${webUrl}${optional}`)).status === 200) pages.push(optional);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads every page type from the site (and the CMS\'s media) only, and sets no cookie', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    const offenders: string[] = [];
    for (const path of pages) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${webUrl}${path}`, { waitUntil: 'networkidle' });
      await scrollThrough(page);
      await page.waitForLoadState('networkidle');

      expect(requests.length, path).toBeGreaterThan(0);
      for (const url of requests) {
        const parsed = new URL(url);
        if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') continue;
        if (!allowed(parsed)) offenders.push(`${path} → ${url}`);
      }
      expect(await page.evaluate(() => document.cookie), `document.cookie on ${path}`).toBe('');
      expect(await context.cookies(), `cookies on ${path}`).toEqual([]);
      await context.close();
    }
    expect(offenders).toEqual([]);
  });

  it('loads YouTube only when the reader asks for a video, and from the no-cookie domain', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // No network beyond this machine: the player itself is not loaded, only its address is checked.
    await page.route(/youtube/, (route) => route.fulfill({ status: 204, body: '' }));
    await page.goto(`${webUrl}/video`, { waitUntil: 'networkidle' });
    expect(requests.filter((url) => /youtube|google|ytimg/.test(url))).toEqual([]);
    expect(await page.locator('iframe').count()).toBe(0);
    // The poster is ours, served by the site.
    const poster = page.locator('.video-embed__poster').first();
    expect(new URL(await poster.evaluate((img) => (img as HTMLImageElement).currentSrc)).origin).toBe(new URL(webUrl).origin);

    // The link to YouTube, which the enhancement script turns into the in-page player.
    await page.getByRole('link', { name: /Guarda il video/ }).first().click();
    const frame = page.locator('iframe').first();
    await frame.waitFor();
    expect(new URL((await frame.getAttribute('src'))!).host).toBe('www.youtube-nocookie.com');
    await context.close();
  });
});
