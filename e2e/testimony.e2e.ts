import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { adminLogin } from './admin';
import { keepPageJournal, type PageJournal } from './page-journal';

const skipReason = inject('skipReason');

/** A story that carries personal data and markup: both must never reach the page as such. */
const HOSTILE_MARKUP = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
const STORY = [
  'Ho chiamato il servizio clienti tre volte per la stessa bolletta della luce, e ogni operatore mi ha dato una risposta diversa.',
  'Il primo mi ha detto di aspettare, il secondo di pagare comunque, il terzo che la pratica non esisteva.',
  'Mi hanno chiesto di richiamare dal mio numero 333 123 4567 e alla fine ho dovuto mandare un reclamo scritto.',
  `Per chi modera: ${HOSTILE_MARKUP}`,
].join(' ');

describe.skipIf(Boolean(skipReason))('a reader sends a testimony', () => {
  let browser: Browser;
  let page: Page;
  let journal: PageJournal;
  const webUrl = inject('webUrl');
  const cmsUrl = inject('cmsUrl');
  const marker = String(Date.now());
  const title = `Tre operatori, tre risposte <b>diverse</b> ${marker}`;
  let submissionId = '';
  let privateLink = '';
  const dialogs: string[] = [];

  /** Requests the browser made to the CMS's API: none, the forms go through the site. */
  const cmsCalls: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
    page = await context.newPage();
    journal = keepPageJournal(page);
    page.on('request', (request) => {
      if (request.url().startsWith(`${cmsUrl}/api/`)) cmsCalls.push(request.url());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('fills in the form with the keyboard and mouse, and gets a private link', async () => {
    await page.goto(`${webUrl}/testimonianze/invia`);
    const form = page.getByRole('form', { name: 'Racconta la tua storia' });
    await form.getByRole('button', { name: 'Invia la testimonianza' }).waitFor();
    // The form's code loads when the reader starts using it: until then the button waits, disabled.
    expect(await form.getByRole('button', { name: 'Invia la testimonianza' }).isEnabled()).toBe(false);
    const buttonTop = () => form.getByRole('button', { name: 'Invia la testimonianza' }).evaluate((element) => Math.round(element.getBoundingClientRect().top + window.scrollY));
    const topAsServed = await buttonTop();
    await form.getByLabel('Racconto come cliente').focus();
    await expect.poll(() => form.getByRole('button', { name: 'Invia la testimonianza' }).isEnabled()).toBe(true);
    // The anti-spam widget appears on first use (a tap inside the form): the button under it does not move, then or at hydration.
    await form.getByLabel('Titolo').click();
    await expect.poll(() => page.locator('altcha-widget').evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(0);
    expect(await buttonTop()).toBe(topAsServed);

    // An empty submission is refused in the browser with accessible errors.
    await form.getByRole('button', { name: 'Invia la testimonianza' }).click();
    const summary = page.getByRole('alert').filter({ hasText: /.+/ }).first();
    // Once, on a slow CI machine, the summary never came: if it happens again, the failure says what the browser saw.
    await summary.waitFor().catch(async (error: unknown) => {
      const button = await page.locator('form .form-actions__submit').evaluate((element) => `«${element.textContent?.trim() ?? ''}» ${(element as HTMLButtonElement).disabled ? 'disabled' : 'enabled'}`).catch(() => 'not found');
      throw journal.explain(new Error(`${error instanceof Error ? error.message : String(error)}\nsubmit button: ${button}`));
    });
    expect(await summary.getByRole('link').count()).toBeGreaterThan(3);

    await form.getByLabel('Racconto come cliente').check();
    await form.getByLabel('Azienda di cui sei cliente').fill('Luce Esempio S.p.A.');
    await form.getByLabel('Settore').selectOption('luce');
    await form.getByLabel('Canale').selectOption('assistenza_telefonica');
    await form.getByLabel('Mese dei fatti').fill('2019-03');
    await form.getByLabel('Titolo').fill(title);
    await form.getByLabel('Che cosa è successo').fill(STORY);
    await form.getByLabel('Nome da mostrare').fill('Marta da Bari');
    await form.getByLabel('La tua e-mail (facoltativo)').fill('marta.e2e@example.org');
    await form.getByLabel(/Acconsento alla pubblicazione/).check();
    await form.getByLabel(/Ho letto l'informativa sulla privacy/).check();

    const response = page.waitForResponse((r) => r.url().endsWith('/api/testimony-submissions') && r.request().method() === 'POST', { timeout: 30_000 });
    await form.getByRole('button', { name: 'Invia la testimonianza' }).click();
    const answer = await response;
    expect(answer.status()).toBe(202);
    // Sent to the site's own origin, whose server relays it to the CMS (issue #16).
    expect(new URL(answer.url()).origin).toBe(new URL(webUrl).origin);
    expect(cmsCalls).toEqual([]);

    // A full page load to the confirmation (its body is gone with the form's page: the id is looked up below).
    await page.waitForURL('**/testimonianze/inviata', { timeout: 15_000 });
    privateLink = await page.getByLabel('Il tuo link privato').inputValue();
    expect(privateLink).toMatch(/\/testimonianze\/stato#.{40,}/);
  });

  it('checks the status with the private link', async () => {
    await page.goto(privateLink);
    await page.getByRole('heading', { name: 'Ricevuta, in attesa di moderazione' }).waitFor();
  });

  it('after approval, reads the published testimony with the markup shown as text and the phone number removed', async () => {
    const admin = await adminLogin(cmsUrl);
    const found = await fetch(`${cmsUrl}/content-manager/collection-types/api::testimony-submission.testimony-submission?filters[title][$contains]=${marker}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    const { results } = (await found.json()) as { results: Array<{ documentId: string }> };
    expect(results).toHaveLength(1);
    submissionId = results[0]!.documentId;
    const approved = await fetch(`${cmsUrl}/admin/testimony-submissions/${submissionId}/approve`, {
      method: 'POST',
      headers: { 'Authorization': `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(approved.status, await approved.clone().text()).toBe(200);

    await page.goto('about:blank'); // same URL but the fragment would not reload the page
    await page.goto(privateLink);
    await page.getByRole('heading', { name: 'Pubblicata' }).waitFor();
    await page.getByRole('link', { name: 'Leggi la tua storia pubblicata' }).click();
    await page.waitForURL('**/testimonianze/*');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    const article = page.getByRole('main');
    const text = await article.textContent();
    expect(text).toContain(HOSTILE_MARKUP);
    expect(text).toContain('[telefono rimosso]');
    expect(text).not.toContain('333 123 4567');
    expect(text).not.toContain('marta.e2e@example.org');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main script, main img[src="x"], main b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('withdraws it with the private link: the page disappears', async () => {
    await page.goto(privateLink);
    await page.getByRole('button', { name: 'Ritira la mia testimonianza' }).click();
    await page.getByRole('button', { name: 'Sì, ritira e cancella i miei dati' }).click();
    await page.getByRole('heading', { name: 'Ritirata: i tuoi dati personali sono stati cancellati' }).waitFor();
    expect(cmsCalls).toEqual([]);

    const list = await fetch(`${cmsUrl}/api/testimonies?filters[title][$eq]=${encodeURIComponent(title)}`);
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });
});
