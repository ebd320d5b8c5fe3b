// Lighthouse 12.2.3 (mobile, its default simulated throttling) on the BUILT
// site and CMS with the demo content: the home page, an article, a testimony
// and the submission form. Run `pnpm bench:lighthouse` (it builds first);
// `runLighthouse()` is also part of `pnpm bench` (bench/index.ts).
// Each page is measured LIGHTHOUSE_RUNS times (default 3); the median run by
// Performance is reported with its four category scores.
// Standalone, writes docs/lighthouse.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lighthouse from 'lighthouse';
import { createStrapiClient } from '@chiudete/types';
import { chromiumPath } from '../e2e/browser.ts';
import { root, startStack } from '../e2e/stack.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
type Scores = Record<Category, number>;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Debian's Chromium with a DevTools port for Lighthouse (never a downloaded browser). */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-chromium-'));
  const child: ChildProcess = spawn(chromiumPath, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--no-default-browser-check', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`,
    'about:blank',
  ], { stdio: 'ignore' });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Chromium at ${chromiumPath} did not open its DevTools port ${port}`);
    await sleep(200);
  }
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function measure(url: string, port: number): Promise<{ scores: Scores; lcpMs: number; cls: number; tbtMs: number }> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Scores;
  return {
    scores,
    lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
    cls: Number((audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
  };
}

export interface LighthouseRow {
  name: string;
  path: string;
  /** The run with the median Performance score. */
  median: { scores: Scores; lcpMs: number; cls: number; tbtMs: number };
  /** Lowest and highest Performance of the runs. */
  performanceRange: [number, number];
}

/** Lighthouse, `runs` times per page type, on a running site (the median run by Performance is kept). */
export async function runLighthouse(webUrl: string, cmsUrl: string, runs = RUNS): Promise<LighthouseRow[]> {
  const chromium = await startChromium();
  const rows: LighthouseRow[] = [];
  try {
    const api = createStrapiClient({ baseURL: cmsUrl });
    const article = (await api.articles.list({ sort: 'publicationDate:desc', pageSize: 1 })).data[0];
    const testimony = (await api.testimonies.list({ pageSize: 1 })).data[0];
    if (!article || !testimony) throw new Error('The demo content has no article or testimony');
    const pages: Array<[string, string]> = [
      ['Home', '/'],
      [`Article (/articoli/${article.slug})`, `/articoli/${article.slug}`],
      [`Testimony (/testimonianze/${testimony.slug})`, `/testimonianze/${testimony.slug}`],
      ['Submission form (/testimonianze/invia)', '/testimonianze/invia'],
    ];
    // Warm the site (first render of each route) so the runs measure the steady state.
    for (const [, pagePath] of pages) await fetch(`${webUrl}${pagePath}`);

    for (const [name, pagePath] of pages) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        results.push(await measure(`${webUrl}${pagePath}`, chromium.port));
        console.log(`${name} run ${i + 1}/${runs}: ${JSON.stringify(results.at(-1))}`);
      }
      results.sort((a, b) => a.scores.performance - b.scores.performance);
      rows.push({ name, path: pagePath, median: results[Math.floor(results.length / 2)]!, performanceRange: [results[0]!.scores.performance, results.at(-1)!.scores.performance] });
    }
  } finally {
    await chromium.stop();
  }
  return rows;
}

export function lighthouseTable(rows: readonly LighthouseRow[]): string {
  return [
    '| Page | Performance | Accessibility | Best Practices | SEO | LCP (ms) | TBT (ms) | CLS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ name, median, performanceRange }) =>
      `| ${name} | ${median.scores.performance} (${performanceRange[0]}–${performanceRange[1]}) | ${median.scores.accessibility} | ${median.scores['best-practices']} | ${median.scores.seo} | ${median.lcpMs} | ${median.tbtMs} | ${median.cls} |`),
  ].join('\n');
}

export const lighthouseMethod = () => [
  'Lighthouse 12.2.3, its default mobile configuration (Moto G Power emulation, simulated slow 4G and 4× CPU',
  `throttling), Debian Chromium headless, on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}. The built site (\`.output\`) and CMS`,
  `(\`strapi start\`, SQLite, demo content) run on the same machine. Each page is measured ${RUNS} times; the table shows the`,
  'run with the median Performance score (the range of the runs in brackets).',
].join('\n');

if (import.meta.main) {
  const stack = await startStack();
  let rows: LighthouseRow[];
  try {
    rows = await runLighthouse(stack.webUrl, stack.cmsUrl);
  } finally {
    await stack.stop();
  }
  const report = [
    '# Lighthouse scores',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`pnpm bench:lighthouse\` (bench/lighthouse.ts), load average ${os.loadavg()[0]!.toFixed(2)} at the end.`,
    lighthouseMethod(),
    '',
    lighthouseTable(rows),
    '',
    'Aim: Accessibility, Best Practices and SEO 100, Performance at least 95.',
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'docs/lighthouse.md'), report);
  console.log(report);
  const missed = rows.filter(({ median: { scores } }) => scores.performance < 95 || scores.accessibility < 100 || scores['best-practices'] < 100 || scores.seo < 100);
  if (missed.length > 0) console.warn(`Below the aim: ${missed.map((m) => m.name).join(', ')}`);
}
