import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStrapiClient, type Answer, type Article } from '@chiudete/types';
import { launchChromium } from './browser';

/**
 * The site on a 390x844 phone (issue #16, items 9-11): a one-row header whose
 * menu opens every section, an article's text on its first screen, the
 * pagination landing on the list, the answers' cards label first, the share
 * sheet, the search field focused from the header, no hydration mismatch.
 */
const skipReason = inject('skipReason');

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true, hasTouch: true } as const;
const MAX_HEADER_HEIGHT = 72;
const EVERY_SECTION = ['Home', 'Articoli', 'Testimonianze', 'Risposte precise', 'Osservatorio', 'Video', 'Il libro', 'Chi siamo', 'Contatti', 'Cerca nel sito', 'Privacy', 'Racconta la tua storia'];

describe.skipIf(Boolean(skipReason))('the site on a phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let article: Article;
  let answers: Answer[];
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    const api = createStrapiClient({ baseURL: inject('cmsUrl') });
    article = (await api.articles.list({ sort: 'publicationDate:desc', pageSize: 1 })).data[0]!;
    answers = (await api.answers.list({ pageSize: 100 })).data;
    browser = await launchChromium();
    context = await browser.newContext(PHONE);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const header = () => page.getByRole('banner');
  const menuButton = () => header().getByRole('button', { name: 'Menu' });

  it('has a header of one row, at most 72 px high, with 44 px controls', async () => {
    for (const path of ['/', `/articoli/${article.slug}`, '/testimonianze', '/contatti']) {
      await page.goto(`${webUrl}${path}`);
      await menuButton().waitFor();
      const box = (await header().boundingBox())!;
      expect(box.height, path).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
      // One row: the brand, the search and the menu share a line.
      const tops = await Promise.all([
        header().getByRole('link', { name: 'Chiudete i Call Center' }),
        header().getByRole('link', { name: 'Cerca nel sito' }),
        menuButton(),
      ].map(async (control) => (await control.boundingBox())!));
      const centres = tops.map((b) => b.y + b.height / 2);
      expect(Math.max(...centres) - Math.min(...centres), path).toBeLessThan(12);
      expect(tops.every((b) => b.height >= 44), `${path}: 44 px tap targets`).toBe(true);
    }
  });

  it('opens every section from the menu button, and Escape closes it and gives the focus back', async () => {
    await page.goto(`${webUrl}/`);
    const button = menuButton();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const menu = page.getByRole('navigation', { name: 'Sezioni del sito' });
    expect(await menu.isVisible()).toBe(false);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await menu.waitFor({ state: 'visible' });
    for (const name of EVERY_SECTION) {
      expect(await menu.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    }

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Home');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

    // A section from the menu: Video, once only in the footer.
    await button.click();
    await menu.getByRole('link', { name: 'Video', exact: true }).click();
    await page.waitForURL('**/video');
    await page.getByRole('heading', { level: 1, name: 'Video' }).waitFor();
  });

  it('opens the menu without JavaScript too', async () => {
    const plain = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    try {
      const noScript = await plain.newPage();
      await noScript.goto(`${webUrl}/articoli`);
      const menu = noScript.getByRole('navigation', { name: 'Sezioni del sito' });
      expect(await menu.isVisible()).toBe(false);
      await noScript.getByRole('banner').getByRole('link', { name: 'Menu' }).click();
      await menu.waitFor({ state: 'visible' });
      expect(await menu.getByRole('link', { name: 'Contatti', exact: true }).isVisible()).toBe(true);
      await menu.getByRole('link', { name: 'Chiudi il menu' }).click();
      await menu.waitFor({ state: 'hidden' });
    } finally {
      await plain.close();
    }
  });

  it('shows the article\'s own text on the first screen', async () => {
    await page.goto(`${webUrl}/articoli/${article.slug}`);
    const firstParagraph = article.body.find((block) => block.type === 'paragraph');
    const words = firstParagraph?.children.find((child) => child.type === 'text')?.text.slice(0, 30);
    expect(words).toBeTruthy();
    const text = page.getByRole('article').getByText(words!, { exact: false }).first();
    const box = (await text.boundingBox())!;
    expect(box.y, 'the first line of the text is above the fold').toBeLessThan(844 - 24);
  });

  it('takes the reader to the top of the list of the next page, not to its bottom or its header', async () => {
    await page.goto(`${webUrl}/cerca?q=operatore`);
    const pagination = page.getByRole('navigation', { name: 'Pagine dei risultati' });
    await pagination.waitFor();
    await pagination.getByRole('link', { name: /Successiva/ }).click();
    await page.waitForURL(/pagina=2#elenco$/);
    const list = page.locator('#elenco');
    await expect.poll(async () => (await list.boundingBox())!.y).toBeLessThan(100);
    expect((await list.boundingBox())!.y).toBeGreaterThanOrEqual(-1);
    // The keyboard goes on from the top of the list: the first result.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('#elenco') !== null);
    expect(focused).toBe(true);
  });

  it('shows the answers\' cards label first, then the claim, the verdict and the date checked', async () => {
    await page.goto(`${webUrl}/risposte`);
    const withVerdict = answers.find((answer) => answer.verdict && answer.verifiedAt);
    expect(withVerdict, 'the demo answers have a verdict and a date').toBeTruthy();
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: withVerdict!.title }) });
    // textContent, not innerText: the label is uppercase on screen (CSS), not in the text.
    const text = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
    const label = text.indexOf('ti ha detto');
    const claim = text.indexOf(withVerdict!.operatorClaim.slice(0, 30));
    const verdict = text.indexOf(withVerdict!.verdict!.slice(0, 30));
    expect(label).toBeGreaterThan(-1);
    expect(claim).toBeGreaterThan(label);
    expect(verdict).toBeGreaterThan(claim);
    expect(text).toMatch(/Verificata il \d{1,2} \w+ \d{4}/);

    // The home page has its own section of answers.
    await page.goto(`${webUrl}/`);
    const section = page.getByRole('region', { name: 'Risposte precise' });
    expect(await section.getByRole('article').count()).toBeGreaterThan(0);
  });

  it('focuses the search field when the reader comes from the header\'s icon', async () => {
    await page.goto(`${webUrl}/`);
    await header().getByRole('link', { name: 'Cerca nel sito' }).click();
    await page.waitForURL('**/cerca');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cerca-testo');
  });

  it('puts the private link first on the thank-you page, and says it was e-mailed when it was', async () => {
    const token = 'Abc_def-1234567890abcdefghijklmnopqrstuvwxy';
    for (const linkEmailed of [true, false]) {
      // The form hands the receipt over in this tab's sessionStorage (utils/submission-receipt.ts).
      await page.goto(`${webUrl}/privacy`);
      await page.evaluate((receipt) => sessionStorage.setItem('chiudete:testimonianza-inviata', JSON.stringify(receipt)), { accessToken: token, title: 'Una storia di prova', linkEmailed });
      await page.goto(`${webUrl}/testimonianze/inviata`);
      const field = page.getByLabel('Il tuo link privato');
      await field.waitFor();
      expect(await field.inputValue()).toBe(`${webUrl}/testimonianze/stato#${token}`);
      const box = (await field.boundingBox())!;
      expect(box.y + box.height, 'the whole link on the first screen').toBeLessThanOrEqual(844);
      const main = page.getByRole('main');
      if (linkEmailed) {
        await main.getByText('Te l\'abbiamo mandato anche per e-mail').waitFor();
        expect(await main.getByText('Te lo mostriamo solo questa volta').count()).toBe(0);
      } else {
        await main.getByText('Te lo mostriamo solo questa volta').waitFor();
        expect(await main.getByText('per e-mail').count()).toBe(0);
      }
    }
  });

  it('opens /contatti without a hydration mismatch or any console error', async () => {
    const messages: string[] = [];
    const listener = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
    };
    page.on('console', listener);
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    try {
      await page.goto(`${webUrl}/contatti`, { waitUntil: 'networkidle' });
      // The form hydrates when the reader first uses it.
      await page.getByLabel('Il tuo messaggio').click();
      await page.getByLabel('Il tuo messaggio').fill('Prova di idratazione');
      await page.waitForTimeout(1_500);
    } finally {
      page.off('console', listener);
    }
    expect(messages.filter((message) => /hydrat|mismatch/i.test(message))).toEqual([]);
    // No error of any kind either (Chromium's own warning about the Permissions-Policy header aside).
    expect(messages.filter((message) => !message.includes('Permissions-Policy'))).toEqual([]);
  });

  it('offers the phone\'s share sheet with one button, and «Copia link» clear of the next link', async () => {
    const shared: Array<{ title?: string; url?: string }> = [];
    await page.exposeFunction('recordShare', (data: { title?: string; url?: string }) => {
      shared.push(data);
    });
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (data: ShareData) => {
          await (window as unknown as { recordShare(d: ShareData): Promise<void> }).recordShare({ title: data.title, url: data.url });
        },
      });
    });
    await page.goto(`${webUrl}/articoli/${article.slug}`);
    const share = page.getByRole('region', { name: 'Condividi' });
    const button = share.getByRole('button', { name: 'Condividi…' });
    await button.waitFor();
    expect(await share.getByRole('link', { name: /WhatsApp/ }).isVisible()).toBe(false);
    await button.click();
    await expect.poll(() => shared.length).toBe(1);
    expect(shared[0]!.url).toMatch(new RegExp(`/articoli/${article.slug}$`));
    expect(shared[0]!.title).toBe(article.title);

    const copy = share.getByRole('button', { name: 'Copia link' });
    const copyBox = (await copy.boundingBox())!;
    expect(copyBox.height).toBeGreaterThanOrEqual(44);
    // The next link after the share box («Tutti gli articoli») is at least 8 px below.
    const next = page.getByRole('link', { name: /^Tutti gli articoli\W*$/ });
    const nextBox = (await next.boundingBox())!;
    expect(nextBox.y - (copyBox.y + copyBox.height)).toBeGreaterThanOrEqual(8);
  });
});
