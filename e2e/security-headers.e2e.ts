import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStrapiClient } from '@chiudete/types';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');

/** A policy as a map of directive → sources. */
const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

/**
 * The site's security headers (issue #11, defect 12), against the built
 * site: on every response, cache hits, redirects and error pages included;
 * and, in a real Chromium, every page type runs under its Content Security
 * Policy without a single violation (the video player after its click, the
 * ALTCHA widget computing its proof of work).
 */
describe.skipIf(Boolean(skipReason))('security headers', () => {
  const webUrl = inject('webUrl');
  const cmsUrl = inject('cmsUrl');

  const expectSecurityHeaders = (res: Response, what: string) => {
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), what).toBeTruthy();
    expect(res.headers.get('permissions-policy'), what).toMatch(/camera=\(\)/);
    expect(res.headers.get('x-powered-by'), what).toBeNull();
    // Plain HTTP here: HSTS only over HTTPS.
    expect(res.headers.get('strict-transport-security'), what).toBeNull();
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src'), what).toEqual(['\'self\'']);
    expect(csp.get('script-src'), what).not.toContain('\'unsafe-inline\'');
    expect(csp.get('object-src'), what).toEqual(['\'none\'']);
    return csp;
  };

  it('sends them on a page, its cache hit, a redirect, an error page, a feed and an asset; nobody may frame the site', async () => {
    const first = await fetch(`${webUrl}/chi-siamo`);
    const hit = await fetch(`${webUrl}/chi-siamo`);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    for (const [what, res] of [
      ['page', first],
      ['hit', hit],
      ['redirect', await fetch(`${webUrl}/CHI-SIAMO`, { redirect: 'manual' })],
      ['404', await fetch(`${webUrl}/pagina-che-non-esiste`)],
      ['feed', await fetch(`${webUrl}/feed.xml`)],
      ['form', await fetch(`${webUrl}/testimonianze/invia`)],
      ['asset', await fetch(`${webUrl}/favicon.svg`)],
    ] as const) {
      const csp = expectSecurityHeaders(res, what);
      expect(csp.get('frame-ancestors'), what).toEqual(['\'none\'']);
      expect(res.headers.get('x-frame-options'), what).toBe('DENY');
    }
    // The submission pages keep their stricter referrer policy.
    expect((await fetch(`${webUrl}/testimonianze/invia`)).headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('lets the admin, and only the admin, frame the preview pages', async () => {
    const res = await fetch(`${webUrl}/anteprima`);
    expect(res.status).toBe(401);
    const csp = expectSecurityHeaders(res, 'preview');
    expect(csp.get('frame-ancestors')).toEqual([new URL(cmsUrl).origin]);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  describe('in the browser', () => {
    let browser: Browser;
    let context: BrowserContext;
    const violations: string[] = [];
    const pages: string[] = [];

    /** Every CSP violation of a page: the DOM event and Chromium's console message. */
    async function open(path: string): Promise<Page> {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${path} console: ${message.text()}`);
      });
      const response = await page.goto(`${webUrl}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy'], path).toBeTruthy();
      return page;
    }

    async function collect(page: Page, path: string): Promise<void> {
      const seen = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      violations.push(...seen.map((violation) => `${path}: ${violation}`));
      await page.close();
    }

    beforeAll(async () => {
      const api = createStrapiClient({ baseURL: cmsUrl });
      const [articles, testimonies, answers] = await Promise.all([
        api.articles.list({ pageSize: 1 }),
        api.testimonies.list({ pageSize: 1 }),
        api.answers.list({ pageSize: 1 }),
      ]);
      pages.push(
        '/',
        `/articoli/${articles.data[0]!.slug}`,
        `/testimonianze/${testimonies.data[0]!.slug}`,
        `/risposte/${answers.data[0]!.slug}`,
        '/libro',
        '/cerca?q=operatore',
        '/contatti',
      );
      browser = await launchChromium();
      context = await browser.newContext({ locale: 'it-IT' });
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (event) => {
          seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      // No network beyond this machine: YouTube's player is answered empty.
      await context.route(/youtube/, (route) => route.fulfill({ status: 204, body: '' }));
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('opens every page type, fresh and from the cache, without a violation', async () => {
      for (const path of pages) {
        for (let visit = 0; visit < 2; visit++) await collect(await open(path), path);
      }
      expect(violations).toEqual([]);
    });

    it('plays a video after its click without a violation', async () => {
      const page = await open('/video');
      await page.getByRole('link', { name: /Guarda il video/ }).first().click();
      const frame = page.locator('iframe').first();
      await frame.waitFor();
      expect(new URL((await frame.getAttribute('src'))!).host).toBe('www.youtube-nocookie.com');
      await page.waitForTimeout(500);
      await collect(page, '/video');
      expect(violations).toEqual([]);
    });

    it('runs the testimony form and its ALTCHA proof of work without a violation', async () => {
      const page = await open('/testimonianze/invia');
      const form = page.getByRole('form', { name: 'Racconta la tua storia' });
      // The first focus hydrates the form; the next use loads the widget.
      await form.getByLabel('Racconto come cliente').focus();
      const submit = form.getByRole('button', { name: 'Invia la testimonianza' });
      await expect.poll(() => submit.isEnabled(), { timeout: 20_000 }).toBe(true);
      await form.getByLabel('Racconto come cliente').check();
      const widget = page.locator('altcha-widget');
      await widget.waitFor({ state: 'attached', timeout: 20_000 });
      const state = await widget.evaluate(async (element) => {
        const altcha = element as HTMLElement & { verify(): Promise<unknown>; getState(): string };
        await altcha.verify();
        return altcha.getState();
      });
      expect(state).toBe('verified');
      await collect(page, '/testimonianze/invia');
      expect(violations).toEqual([]);
    });
  });
});
