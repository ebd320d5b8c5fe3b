import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');

/**
 * Issue #16, items 7 and 8, on a phone in Chromium.
 *
 * 7. The site opened under a SECOND host name (the stack runs at
 *    http://127.0.0.1:<port>; here the reader types http://localhost:<port>):
 *    the forms go to the origin the page came from, whose server relays them
 *    to the CMS, so a testimony and a contact message are both sent; the
 *    browser never calls the CMS's API; the relay passes nothing but the
 *    public forms' endpoints; the CMS lets no browser origin post to it.
 * 8. Testimony cards, the testimony page and search results show the
 *    editorial dates of the demo content (2019), never the day it was seeded.
 */
describe.skipIf(Boolean(skipReason))('the forms under another host name, and the dates readers see', () => {
  const webUrl = inject('webUrl');
  const cmsUrl = inject('cmsUrl');
  /** The same site under its other loopback name. */
  const otherHost = webUrl.includes('127.0.0.1') ? webUrl.replace('127.0.0.1', 'localhost') : webUrl.replace('localhost', '127.0.0.1');
  const seedingYear = String(new Date().getFullYear());
  const marker = `e2e-host-${Date.now()}`;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** What the browser asked of the CMS's API (nothing is expected). */
  const cmsCalls: string[] = [];

  beforeAll(async () => {
    expect(new URL(otherHost).host).not.toBe(new URL(webUrl).host);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true, hasTouch: true });
    page = await context.newPage();
    page.on('request', (request) => {
      if (new URL(request.url()).origin === new URL(cmsUrl).origin && !new URL(request.url()).pathname.startsWith('/uploads/')) cmsCalls.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends a contact message from the second host name', async () => {
    await page.goto(`${otherHost}/contatti`);
    const form = page.getByRole('form', { name: 'Scrivi alla redazione' });
    const sendButton = form.getByRole('button', { name: 'Invia il messaggio' });
    await form.getByLabel('Argomento').focus();
    await expect.poll(() => sendButton.isEnabled()).toBe(true);
    await form.getByLabel('Argomento').selectOption('informazioni');
    await form.getByLabel('Il tuo messaggio').fill(`Vi scrivo da un altro indirizzo del sito: il modulo deve funzionare lo stesso. (${marker})`);
    await form.getByLabel('La tua e-mail').fill('host.e2e@example.org');
    await form.getByLabel(/Ho letto l'informativa sulla privacy/).check();

    const response = page.waitForResponse((r) => r.url().endsWith('/api/contact-messages') && r.request().method() === 'POST', { timeout: 30_000 });
    await sendButton.click();
    const answer = await response;
    expect(answer.status(), await answer.text()).toBe(202);
    expect(new URL(answer.url()).origin).toBe(new URL(otherHost).origin);
    await page.getByRole('heading', { name: 'Messaggio inviato, grazie' }).waitFor();
    expect(await page.getByText(/Non siamo riusciti|controlla la connessione/i).count()).toBe(0);
  });

  it('sends a testimony from the second host name, and reads its status there', async () => {
    await page.goto(`${otherHost}/testimonianze/invia`);
    const form = page.getByRole('form', { name: 'Racconta la tua storia' });
    const sendButton = form.getByRole('button', { name: 'Invia la testimonianza' });
    await form.getByLabel('Racconto come cliente').focus();
    await expect.poll(() => sendButton.isEnabled()).toBe(true);
    await form.getByLabel('Racconto come cliente').check();
    await form.getByLabel('Azienda di cui sei cliente').fill('Gas Esempio');
    await form.getByLabel('Settore').selectOption('gas');
    await form.getByLabel('Canale').selectOption('chat');
    await form.getByLabel('Mese dei fatti').fill('2019-10');
    await form.getByLabel('Titolo').fill(`La chat mi ha chiuso la conversazione tre volte ${marker}`);
    await form.getByLabel('Che cosa è successo').fill(
      'Ho scritto alla chat del fornitore del gas per una lettura sbagliata. Dopo dieci minuti di attesa l\'operatore mi ha chiesto la foto del contatore, '
      + 'poi ha chiuso la conversazione senza rispondere. È successo tre volte di seguito, e ogni volta dovevo ricominciare da capo.',
    );
    await form.getByLabel('Nome da mostrare').fill('Paolo da Lecce');
    await form.getByLabel(/Acconsento alla pubblicazione/).check();
    await form.getByLabel(/Ho letto l'informativa sulla privacy/).check();

    const response = page.waitForResponse((r) => r.url().endsWith('/api/testimony-submissions') && r.request().method() === 'POST', { timeout: 30_000 });
    await sendButton.click();
    const answer = await response;
    // (The page moves on at once: its body is gone, the status is enough.)
    expect(answer.status()).toBe(202);
    expect(new URL(answer.url()).origin).toBe(new URL(otherHost).origin);
    await page.waitForURL('**/testimonianze/inviata', { timeout: 15_000 });
    const privateLink = await page.getByLabel('Il tuo link privato').inputValue();

    // The status page asks the same origin, relayed too.
    await page.goto(privateLink.replace(new URL(privateLink).origin, new URL(otherHost).origin));
    await page.getByRole('heading', { name: 'Ricevuta, in attesa di moderazione' }).waitFor();
    expect(cmsCalls).toEqual([]);
  });

  it('relays only the public forms, and the CMS lets no browser origin post to it', async () => {
    // Anything else under /api on the site is not the CMS.
    for (const path of ['/api/articles', '/api/testimony-submissions/status/..%2F..%2Farticles', '/api/form-tokens/..']) {
      const res = await fetch(`${webUrl}${path}`);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(await res.text(), path).not.toContain('"publicationDate"');
    }
    const preflight = await fetch(`${cmsUrl}/api/contact-messages`, {
      method: 'OPTIONS',
      headers: { 'origin': otherHost, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows the testimonies\' editorial dates on the cards, the page and in search, not the day of the seeding', async () => {
    await page.goto(`${otherHost}/testimonianze`);
    const cards = page.locator('.testimony-card');
    expect(await cards.count()).toBeGreaterThan(3);
    // Cards show the month of the story (other tests publish stories of other years, never of today's).
    const texts = await cards.allTextContents();
    for (const text of texts) expect(text).not.toContain(seedingYear);
    expect(texts.filter((text) => /2019/.test(text)).length).toBeGreaterThan(3);

    // A demo testimony (other tests may publish stories of today).
    await page.goto(`${otherHost}/testimonianze/sei-e-mail-per-correggere-una-lettura-del-contatore-del-gas`);
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toMatch(/Ricevuta il\s*\d{1,2} \w+ 2019/);
    expect(main).toMatch(/pubblicata il\s*\d{1,2} \w+ 2019/);
    expect(main).not.toContain(seedingYear);

    // Search: each result shows its entry's editorial date as the CMS stores it (other tests
    // may have published stories of today that match too), and the demo testimony's is of 2019.
    await page.goto(`${otherHost}/cerca?q=contatore`);
    const results = await page.locator('.search-result').evaluateAll((cards) => cards.map((card) => ({
      href: card.querySelector('a')?.getAttribute('href') ?? '',
      datetime: card.querySelector('time')?.getAttribute('datetime') ?? '',
      shown: card.querySelector('time')?.textContent?.trim() ?? '',
    })));
    expect(results.length).toBeGreaterThan(0);
    const editorialDate = async (href: string): Promise<string> => {
      const [, section, slug] = /^\/(articoli|testimonianze|risposte)\/([^/?#]+)/.exec(href) ?? [];
      expect(slug, href).toBeTruthy();
      const collection = { articoli: 'articles', testimonianze: 'testimonies', risposte: 'answers' }[section as 'articoli'];
      const res = await fetch(`${cmsUrl}/api/${collection}?filters[slug][$eq]=${encodeURIComponent(slug!)}`);
      const [entry] = ((await res.json()) as { data: Array<Record<string, string | null>> }).data;
      expect(entry, href).toBeDefined();
      return entry!.publicationDate ?? entry!.receivedDate ?? entry!.publishedAt!;
    };
    for (const result of results) {
      expect(result.datetime, result.href).toBe(await editorialDate(result.href));
      expect(result.shown, result.href).toMatch(/^\d{1,2} \w+ \d{4}$/);
    }
    const demo = results.find((result) => result.href.endsWith('/sei-e-mail-per-correggere-una-lettura-del-contatore-del-gas'));
    expect(demo, 'the demo testimony is among the results').toBeDefined();
    expect(demo!.shown).toMatch(/^\d{1,2} \w+ 2019$/);
  });
});
