import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStrapiClient } from '@chiudete/types';
import { launchChromium } from './browser';

const skipReason = inject('skipReason');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.x A/AA + best practices) in the page; returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  }) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n    ')}`).join('\n');

describe.skipIf(Boolean(skipReason))('accessibility of every page type (axe-core in Chromium)', () => {
  const webUrl = inject('webUrl');
  let browser: Browser;
  let context: BrowserContext;
  const pages: Array<[string, string]> = [];

  beforeAll(async () => {
    // Real slugs from the API, not copies in the test.
    const api = createStrapiClient({ baseURL: inject('cmsUrl') });
    const first = async <T extends { slug: string }>(list: Promise<{ data: T[] }>) => {
      const slug = (await list).data[0]?.slug;
      if (!slug) throw new Error('The demo content has no entry for a page type under test');
      return slug;
    };
    const [article, testimony, answer, category, author] = await Promise.all([
      first(api.articles.list({ pageSize: 1 })),
      first(api.testimonies.list({ pageSize: 1 })),
      first(api.answers.list({ pageSize: 1 })),
      first(api.categories.list({ pageSize: 1 })),
      first(api.authors.list({ pageSize: 1 })),
    ]);
    pages.push(
      ['home', '/'],
      ['article list', '/articoli'],
      ['article', `/articoli/${article}`],
      ['book', '/libro'],
      ['testimony list', '/testimonianze'],
      ['testimony', `/testimonianze/${testimony}`],
      ['submission form', '/testimonianze/invia'],
      ['submission status', '/testimonianze/stato'],
      ['answer list', '/risposte'],
      ['answer', `/risposte/${answer}`],
      ['osservatorio', '/osservatorio'],
      ['videos', '/video'],
      ['category', `/categorie/${category}`],
      ['author', `/autori/${author}`],
      ['about', '/chi-siamo'],
      ['contact form', '/contatti'],
      ['search results', '/cerca?q=bolletta'],
      ['privacy', '/privacy'],
      ['not found', '/articoli/questa-pagina-non-esiste'],
    );
    browser = await launchChromium();
    // bypassCSP: axe-core is injected as an inline script, which the site's CSP rightly refuses (e2e/security-headers.e2e.ts checks the CSP itself).
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reports no serious or critical violation on any page type', async () => {
    const failures: string[] = [];
    for (const [name, path] of pages) {
      const page = await context.newPage();
      const response = await page.goto(`${webUrl}${path}`, { waitUntil: 'networkidle' });
      const expectedStatus = name === 'not found' ? 404 : 200;
      if (response?.status() !== expectedStatus) failures.push(`${name} (${path}): HTTP ${response?.status()}, expected ${expectedStatus}`);
      const violations = await seriousViolations(page);
      if (violations.length > 0) failures.push(`${name} (${path}):\n  ${describeViolations(violations)}`);
      await page.close();
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 180_000); // Nineteen pages through axe: about a minute on two busy cores.

  it('offers a skip link as the first focusable element, which moves focus to the main landmark', async () => {
    const page = await context.newPage();
    await page.goto(`${webUrl}/articoli`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.getAttribute('href')).toBe('#contenuto');
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('contenuto');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    await page.close();
  });

  it('shows a visible focus indicator on links and buttons', async () => {
    const page = await context.newPage();
    await page.goto(`${webUrl}/`);
    // Tab past the skip link to the first link of the header.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(outline).not.toBeNull();
    expect((outline!.style !== 'none' && outline!.width > 0) || outline!.shadow !== 'none').toBe(true);
    await page.close();
  });
});
