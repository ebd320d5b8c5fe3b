import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addressesOf, startSmtp, type TestSmtp } from '../apps/cms/tests/helpers/smtp';
import { launchChromium } from './browser';
import { E2E_ADMIN, freePort, startCms, startWeb, type Service } from './stack';
import { adminLogin, signInToAdmin } from './admin';

const skipReason = inject('skipReason');
type ParsedMail = TestSmtp['messages'][number];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core (WCAG 2.x A/AA + best practices) on the page: its serious and critical violations, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    })).violations;
  }) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/**
 * The newsletter's subscription on a phone (issue #14): the compact form of
 * the home, the double opt-in e-mail received by a real SMTP server, the
 * confirmation page, the reader's data and the unsubscription, with axe on
 * each. Its own CMS and site, the CMS pointed at the SMTP server of this file.
 */
describe.skipIf(Boolean(skipReason))('a reader subscribes to the newsletter on a phone', () => {
  let smtp: TestSmtp;
  let cms: Service;
  let web: Service;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const email = `lettrice.${Date.now()}@example.org`;
  let welcome: ParsedMail;

  const linkIn = (mail: ParsedMail, path: string): string => {
    const match = new RegExp(`https?://[^\\s"<>]+${path}[^\\s"<>]*`).exec(mail.text ?? '');
    if (!match) throw new Error(`No link to ${path} in «${mail.subject}»`);
    return match[0];
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    cms = await startCms({
      SITE_URL: webUrl,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      NEWSLETTER_LINK_SECRET: 'e2e-newsletter-link-secret-0123456789',
    });
    web = await startWeb(cms.url, webPort);
    browser = await launchChromium();
    // bypassCSP: axe-core is injected as an inline script, which the site's CSP rightly refuses.
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true, hasTouch: true, bypassCSP: true });
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await cms?.stop();
    await smtp?.close();
  });

  it('loads the form\'s code only once the reader uses the form, and subscribes with the double opt-in', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${web.url}/`, { waitUntil: 'networkidle' });
    expect(scripts.filter((path) => path.includes('/_enhance/newsletter.'))).toEqual([]);

    const section = page.getByRole('region', { name: 'La newsletter' });
    await section.scrollIntoViewIfNeeded();
    expect(await seriousViolations(page)).toEqual([]);

    await section.getByLabel('Il tuo indirizzo e-mail').fill(email);
    await expect.poll(() => scripts.filter((path) => path.includes('/_enhance/newsletter.')).length).toBe(1);
    await section.getByLabel('Nuove testimonianze').check();
    await section.getByLabel(/Ho letto l'informativa/).check();
    await section.getByRole('button', { name: 'Iscrivimi' }).click();
    await section.getByText('Quasi fatto: controlla la tua casella di posta.').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);

    const confirmation = await smtp.waitFor((m) => addressesOf(m.to).includes(email) && /^Conferma/.test(m.subject ?? ''), 30_000);
    const link = linkIn(confirmation, '/newsletter/conferma');
    expect(link.startsWith(`${web.url}/newsletter/conferma#token=`)).toBe(true);

    await page.goto(link);
    await page.getByText('Iscrizione confermata. Grazie!').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The link works once: opened again, it says so.
    await page.goto(`${web.url}/`);
    await page.goto(link);
    await page.getByText('La tua iscrizione era già confermata.').waitFor();

    welcome = await smtp.waitFor((m) => addressesOf(m.to).includes(email) && /^Iscrizione confermata/.test(m.subject ?? ''), 30_000);
  });

  it('shows the reader all their data from the welcome e-mail\'s link', async () => {
    await page.goto(linkIn(welcome, '/newsletter/i-miei-dati'));
    const data = page.locator('dl');
    await data.waitFor();
    expect(await data.textContent()).toContain(email);
    expect(await data.textContent()).toContain('Nuove testimonianze');
    expect(await data.textContent()).toContain('Confermato');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the redazione previews an issue, sends a test to itself, then sends it: the reader gets one copy with the one-click headers', { timeout: 120_000 }, async () => {
    const subject = `Le novità della settimana ${Date.now()}`;
    const token = await adminLogin(cms.url);
    const admin = (path: string, init: RequestInit = {}) => fetch(`${cms.url}${path}`, { ...init, headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' } });
    const created = await admin('/content-manager/collection-types/api::newsletter-issue.newsletter-issue', {
      method: 'POST',
      body: JSON.stringify({ subject, introduction: 'Tre storie e una risposta precisa da leggere questa settimana.', issueStatus: 'bozza', kind: 'manuale', audienceInterests: ['testimonianze'] }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { documentId } = ((await created.json()) as { data: { documentId: string } }).data;

    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });
    const editor = await desk.newPage();
    try {
      await signInToAdmin(editor, cms.url, E2E_ADMIN);
      await editor.goto(`${cms.url}/admin/content-manager/collection-types/api::newsletter-issue.newsletter-issue/${documentId}`);
      // The panel shows its first two actions as buttons, the others in its «Altre azioni» menu.
      const panelAction = async (name: string) => {
        const button = editor.getByRole('button', { name, exact: true });
        if (await button.isVisible()) return button.click();
        await editor.getByRole('button', { name: 'Altre azioni' }).last().click();
        return editor.getByRole('menuitem', { name, exact: true }).click();
      };

      await editor.getByRole('button', { name: 'Anteprima della newsletter' }).click();
      const preview = editor.getByRole('dialog', { name: 'Anteprima della newsletter' });
      await preview.frameLocator('iframe[title="Anteprima della newsletter"]').getByText('Tre storie e una risposta precisa').waitFor();
      await preview.getByRole('button', { name: 'Chiudi' }).click();
      await preview.waitFor({ state: 'detached' });

      await panelAction('Invia una prova a me');
      const test = editor.getByRole('dialog', { name: 'Invia una prova a me' });
      await test.getByRole('button', { name: 'Invia la prova' }).click();
      await test.getByRole('status').getByText(`Prova inviata a ${E2E_ADMIN.email}`, { exact: false }).waitFor();
      const proof = await smtp.waitFor((m) => addressesOf(m.to).includes(E2E_ADMIN.email) && m.subject === `[Prova] ${subject}`, 30_000);
      expect(proof.text).toContain('Tre storie e una risposta precisa');
      await test.getByRole('button', { name: 'Chiudi' }).click();
      await test.waitFor({ state: 'detached' });

      await panelAction('Invia');
      const confirm = editor.getByRole('dialog', { name: 'Inviare la newsletter?' });
      await confirm.getByRole('button', { name: 'Invia agli iscritti' }).click();
      await confirm.waitFor({ state: 'detached' });
    } finally {
      await desk.close();
    }

    // The worker sends in the background (a tick every 10 s): the confirmed reader, once, with RFC 8058 headers.
    const copy = await smtp.waitFor((m) => addressesOf(m.to).includes(email) && m.subject === subject, 60_000);
    // The raw header lines (mailparser turns List-Unsubscribe into an object and drops List-Unsubscribe-Post).
    const header = (name: string) => copy.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(/^<https?:\/\//);
    expect(copy.html).not.toMatch(/<img[^>]+(width="1"|height="1")/);
    await expect.poll(async () => {
      const issue = await admin(`/content-manager/collection-types/api::newsletter-issue.newsletter-issue/${documentId}`);
      return ((await issue.json()) as { data: { issueStatus: string } }).data.issueStatus;
    }, { timeout: 60_000, interval: 1_000 }).toBe('inviata');
    expect(smtp.messages.filter((m) => addressesOf(m.to).includes(email) && m.subject === subject)).toHaveLength(1);
  });

  it('unsubscribes with one click on the page of the e-mail\'s link, and the data are gone', async () => {
    await page.goto(linkIn(welcome, '/newsletter/disiscriviti'));
    await page.getByRole('button', { name: 'Disiscrivimi e cancella il mio indirizzo' }).click();
    await page.getByText('Fatto: sei disiscritto e il tuo indirizzo è stato cancellato.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(linkIn(welcome, '/newsletter/i-miei-dati'));
    await page.getByText(/non è \(più\) iscritto alla newsletter/).waitFor();
  });
});
