// The JavaScript each page type ships: every page loaded in Debian's Chromium
// (a fresh context, so nothing comes from the cache), every script it fetches
// until the network is idle counted at its size on the wire, gzip as served
// (the request says `Accept-Encoding: gzip`; the site pre-compresses its
// assets), plus the inline scripts of the HTML, gzipped here. Nothing is
// clicked or typed: what a form loads once the reader starts using it (the
// ALTCHA widget, the validation schema, the HTTP client) is not counted.
//
// `measurePageWeight(webUrl)` is used by the e2e test (e2e/page-weight.e2e.ts,
// which fails over a budget) and by the benchmarks. Standalone:
//   pnpm bench:page-weight            builds, starts the built CMS and site, prints a table
//   node bench/page-weight.ts <url>   measures a site that is already running
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';

export interface PageWeight {
  /** Page type, e.g. «Article». */
  page: string;
  path: string;
  /** Scripts transferred (gzip, as served) plus the page's inline scripts (gzipped). */
  jsGzipBytes: number;
  budgetBytes: number;
  /** Script files fetched. */
  requests: number;
}

/**
 * Budgets from issue #10, in kB (1000 bytes), gzip. Pages without a form
 * ship the enhancement script at most; the form pages hydrate (Vue, Nuxt, the
 * form), but load the ALTCHA widget, the validation schema and the HTTP
 * client only once the reader starts filling the form in.
 */
export const CONTENT_PAGE_BUDGET_BYTES = 50_000;
export const FORM_PAGE_BUDGET_BYTES = 90_000;

interface PageToMeasure {
  page: string;
  path: string;
  budgetBytes: number;
}

const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The first link of `html`'s main content under `section`/ that is an entry, not one of `exclude`. */
async function firstEntryPath(webUrl: string, section: string, exclude: readonly string[] = []): Promise<string> {
  const response = await fetch(`${webUrl}/${section}`);
  if (!response.ok) throw new Error(`[GET] "${webUrl}/${section}": ${response.status} ${response.statusText}`);
  const html = await response.text();
  const main = html.slice(Math.max(0, html.indexOf('id="contenuto"')));
  for (const [, slug] of main.matchAll(new RegExp(`href="/${section}/([a-z0-9-]+)"`, 'g'))) {
    if (slug && !exclude.includes(slug)) return `/${section}/${slug}`;
  }
  throw new Error(`No entry linked from /${section}: the site has no content to measure`);
}

/** Every page type, with entries taken from the site's own lists. */
async function pagesToMeasure(webUrl: string): Promise<PageToMeasure[]> {
  const [article, testimony, answer] = await Promise.all([
    firstEntryPath(webUrl, 'articoli'),
    firstEntryPath(webUrl, 'testimonianze', ['invia', 'inviata', 'stato']),
    firstEntryPath(webUrl, 'risposte'),
  ]);
  const content = (page: string, path: string): PageToMeasure => ({ page, path, budgetBytes: CONTENT_PAGE_BUDGET_BYTES });
  const form = (page: string, path: string): PageToMeasure => ({ page, path, budgetBytes: FORM_PAGE_BUDGET_BYTES });
  return [
    content('Home', '/'),
    content('Article list', '/articoli'),
    content('Article', article),
    content('Testimony list', '/testimonianze'),
    content('Testimony', testimony),
    content('Answer list', '/risposte'),
    content('Answer', answer),
    content('Osservatorio', '/osservatorio'),
    content('Book', '/libro'),
    content('Videos', '/video'),
    content('About', '/chi-siamo'),
    content('Search results', '/cerca?q=bolletta'),
    form('Submission form', '/testimonianze/invia'),
    form('Contact form', '/contatti'),
    form('Submission status', '/testimonianze/stato'),
  ];
}

/** gzip size of the page's inline scripts (JSON data, JSON-LD and import maps are not scripts). */
async function inlineScriptGzipBytes(page: Page): Promise<number> {
  const sources = await page.locator('script:not([src])').evaluateAll((scripts, types) => scripts
    .filter((script) => types.includes((script.getAttribute('type') ?? '').toLowerCase()))
    .map((script) => script.textContent ?? ''), [...SCRIPT_TYPES]);
  return sources.reduce((sum, source) => sum + (source.trim() ? gzipSync(source).length : 0), 0);
}

async function measureOne(browser: Browser, webUrl: string, target: PageToMeasure): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true });
  try {
    await context.setExtraHTTPHeaders({ 'accept-encoding': 'gzip' });
    const page = await context.newPage();
    const sizes: Array<Promise<number>> = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      sizes.push((async () => {
        const headers = await request.allHeaders();
        if (headers['accept-encoding'] !== 'gzip') throw new Error(`${request.url()} was asked for with Accept-Encoding "${headers['accept-encoding']}", not gzip`);
        return (await request.sizes()).responseBodySize;
      })());
    });
    const response = await page.goto(`${webUrl}${target.path}`, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`[GET] "${webUrl}${target.path}": ${response?.status()}`);
    const transferred = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    return {
      page: target.page,
      path: target.path,
      jsGzipBytes: transferred + await inlineScriptGzipBytes(page),
      budgetBytes: target.budgetBytes,
      requests: sizes.length,
    };
  } finally {
    await context.close();
  }
}

/** The gzip JavaScript of every page type of the site at `webUrl`, with its budget. */
export async function measurePageWeight(webUrl: string): Promise<PageWeight[]> {
  const pages = await pagesToMeasure(webUrl);
  const browser = await launchChromium();
  try {
    const results: PageWeight[] = [];
    for (const target of pages) results.push(await measureOne(browser, webUrl, target));
    return results;
  } finally {
    await browser.close();
  }
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** The results as a markdown table. */
export function pageWeightTable(results: readonly PageWeight[]): string {
  return [
    '| Page | Path | JavaScript (kB gzip) | Budget (kB) | Script requests |',
    '| --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.page} | \`${r.path}\` | ${kB(r.jsGzipBytes)}${r.jsGzipBytes > r.budgetBytes ? ' **over**' : ''} | ${kB(r.budgetBytes)} | ${r.requests} |`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const given = process.argv[2];
  const { startStack } = await import('../e2e/stack.ts');
  const stack = given ? null : await startStack();
  try {
    const results = await measurePageWeight(given ?? stack!.webUrl);
    console.log(pageWeightTable(results));
    const over = results.filter((r) => r.jsGzipBytes > r.budgetBytes);
    if (over.length > 0) {
      console.warn(`Over budget: ${over.map((r) => r.page).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await stack?.stop();
  }
}
