import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { busyErrorBody } from '../apps/cms/src/api/anti-abuse/lib/errors';
import { launchChromium } from './browser';
import { adminLogin } from './admin';

const skipReason = inject('skipReason');

const CONTACT_UID = 'api::contact-message.contact-message';

describe.skipIf(Boolean(skipReason))('a reader writes to the redazione', () => {
  let browser: Browser;
  let page: Page;
  const webUrl = inject('webUrl');
  const cmsUrl = inject('cmsUrl');
  const marker = `e2e-${Date.now()}`;
  const message = `Buongiorno, sono una giornalista di una radio locale e vorrei intervistare l'autrice del libro. (${marker})`;
  let messageId = '';

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds the contact page from the footer', async () => {
    await page.goto(`${webUrl}/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Contatti' }).click();
    await page.waitForURL('**/contatti');
    await page.getByRole('heading', { level: 1, name: 'Scrivi alla redazione' }).waitFor();
    expect(await page.getByRole('link', { name: 'Racconta la tua storia' }).first().getAttribute('href')).toBe('/testimonianze/invia');
  });

  it('keeps what the reader typed while the form\'s code was loading', async () => {
    const slow = await browser.newPage();
    await slow.goto(`${webUrl}/contatti`, { waitUntil: 'networkidle' });
    // A slow network from now on: the form's code arrives a second after the reader started typing.
    await slow.route('**/_nuxt/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    const form = slow.getByRole('form', { name: 'Scrivi alla redazione' });
    const text = 'Scrivo prima che il modulo abbia finito di caricarsi, e non voglio perdere niente.';
    await form.getByLabel('Il tuo messaggio').fill(text);
    await form.getByLabel(/Ho letto l'informativa sulla privacy/).check();
    await expect.poll(() => form.getByRole('button', { name: 'Invia il messaggio' }).isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await form.getByLabel('Il tuo messaggio').inputValue()).toBe(text);
    expect(await form.getByLabel(/Ho letto l'informativa sulla privacy/).isChecked()).toBe(true);
    // And the form knows it: the message is not reported missing.
    await form.getByRole('button', { name: 'Invia il messaggio' }).click();
    const summary = slow.getByRole('alert').filter({ hasText: 'Il messaggio non è stato inviato' });
    await summary.waitFor();
    expect(await summary.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['#contatto-topic', '#contatto-email']);
    await slow.close();
  });

  it('fills in and sends the form on a phone, and sees the confirmation', async () => {
    const form = page.getByRole('form', { name: 'Scrivi alla redazione' });
    const sendButton = form.getByRole('button', { name: 'Invia il messaggio' });
    // The form's code loads when the reader starts using it.
    await form.getByLabel('Argomento').focus();
    await expect.poll(() => sendButton.isEnabled()).toBe(true);

    // An empty form is refused in the browser, with a summary that links to the fields.
    await sendButton.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Il messaggio non è stato inviato' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(4);
    expect(await form.getByLabel('La tua e-mail').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Argomento').selectOption('stampa');
    await form.getByLabel('Il tuo messaggio').fill(message);
    await form.getByLabel('Il tuo nome (facoltativo)').fill('Giulia Bianchi');
    await form.getByLabel('La tua e-mail').fill('giulia.e2e@example.org');
    await form.getByLabel(/Ho letto l'informativa sulla privacy/).check();

    const response = page.waitForResponse((r) => r.url().endsWith('/api/contact-messages') && r.request().method() === 'POST', { timeout: 30_000 });
    await sendButton.click();
    const answer = await response;
    expect(answer.status()).toBe(202);
    // Sent to the site's own origin, whose server relays it to the CMS (issue #16): the browser never calls the CMS.
    expect(new URL(answer.url()).origin).toBe(new URL(webUrl).origin);
    const body = (await answer.json()) as { data: { id: string } };
    expect(Object.keys(body.data)).toEqual(['id']);
    messageId = body.data.id;

    const confirmation = page.getByRole('heading', { name: 'Messaggio inviato, grazie' });
    await confirmation.waitFor();
    expect(await confirmation.evaluate((heading) => heading === document.activeElement)).toBe(true);
    expect(await page.getByRole('form', { name: 'Scrivi alla redazione' }).count()).toBe(0);
  });

  it('has put the message in the CMS, readable in the admin only', async () => {
    const admin = await adminLogin(cmsUrl);
    const res = await fetch(`${cmsUrl}/content-manager/collection-types/${CONTACT_UID}/${messageId}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      topic: 'stampa',
      messageStatus: 'nuovo',
      name: 'Giulia Bianchi',
      email: 'giulia.e2e@example.org',
      message,
      privacyAccepted: true,
    });

    const publicRead = await fetch(`${cmsUrl}/api/contact-messages/${messageId}`);
    expect([403, 404, 405]).toContain(publicRead.status);
    expect(await publicRead.text()).not.toContain(marker);
  });

  it('tells the reader when too many are writing at once (the CMS answers 429 antiabuse.busy)', async () => {
    const busy = await browser.newPage();
    // The CMS's own refusal, as its anti-spam store answers when it has no room for one more used proof.
    const refuse = (route: Route) => route.fulfill({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '45' },
      body: JSON.stringify(busyErrorBody(45)),
    });
    await busy.route('**/api/altcha/challenge*', refuse);
    await busy.goto(`${webUrl}/contatti`);
    const form = busy.getByRole('form', { name: 'Scrivi alla redazione' });
    const sendButton = form.getByRole('button', { name: 'Invia il messaggio' });
    await form.getByLabel('Argomento').focus();
    await expect.poll(() => sendButton.isEnabled()).toBe(true);
    await form.getByLabel('Argomento').selectOption('altro');
    await form.getByLabel('Il tuo messaggio').fill(`Vorrei sapere quando esce il libro in libreria, grazie. (${marker}-busy)`);
    await form.getByLabel('La tua e-mail').fill('lettore.e2e@example.org');
    await form.getByLabel(/Ho letto l'informativa sulla privacy/).check();

    // The challenge refused: the real widget tells the form why.
    await sendButton.click();
    const many = busy.getByRole('alert').filter({ hasText: 'ci stanno scrivendo in tanti' });
    await many.waitFor({ timeout: 30_000 });
    expect(await many.textContent()).toContain('Riprova tra un minuto');
    expect(await many.textContent()).not.toContain('Controlla la connessione');

    // The challenge passes, the POST is refused: the same words, not those of a limit on this connection.
    await busy.unroute('**/api/altcha/challenge*');
    await busy.route('**/api/contact-messages', (route) => (route.request().method() === 'POST' ? refuse(route) : route.continue()));
    const refused = busy.waitForResponse((r) => r.url().endsWith('/api/contact-messages') && r.request().method() === 'POST', { timeout: 30_000 });
    await sendButton.click();
    expect((await refused).status()).toBe(429);
    await expect.poll(() => busy.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('ci stanno scrivendo in tanti');
    expect(await busy.getByRole('alert').textContent()).not.toContain('da questa connessione');
    expect(await form.getByLabel('Il tuo messaggio').inputValue()).toContain(`${marker}-busy`);
    await busy.close();
  });
});
