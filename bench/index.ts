// `pnpm bench` (it builds first): one run, side by side, written to
// docs/benchmarks.md. The site and the CMS are BUILT and run as a new user
// runs them (SQLite, demo content), each figure next to its reference in
// the same run (nginx and a bare node:http server on the same bytes); then
// the CMS's API with its response cache off and warm; then 100,000
// testimonies and 10,000 articles on PostgreSQL; then the JavaScript each
// page type ships and Lighthouse. BENCH_SECONDS sets the length of each
// measurement (default 8); BENCH_SKIP=scale,lighthouse leaves parts out.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startStack } from '../e2e/stack.ts';
import { apiBenchTable, runApiBench, type ApiBenchRow } from './api-etag.ts';
import { machineNote, runHttpBench } from './http.ts';
import { fixed, table } from './lib/report.ts';
import { lighthouseMethod, lighthouseTable, runLighthouse, type LighthouseRow } from './lighthouse.ts';
import { measurePageWeight, pageWeightTable, type PageWeight } from './page-weight.ts';
import { runScaleBench, scaleBenchMarkdown, type ScaleBenchResult } from './scale.ts';

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((part) => part.trim()).filter(Boolean));
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const started = Date.now();
const note = machineNote();
const log = (line: string) => console.log(`[bench] ${line}`);

log('HTTP: references, the cached and the uncached site, the API (demo content)');
const http = await runHttpBench();

log('The CMS API with its response cache off and warm');
const api: ApiBenchRow[] = await runApiBench({ seconds, warmupSeconds: 2 });

let scale: ScaleBenchResult | undefined;
if (!skip.has('scale')) {
  log('100,000 testimonies and 10,000 articles on PostgreSQL');
  scale = await runScaleBench({ seconds, log });
}

let weights: PageWeight[] = [];
let lighthouse: LighthouseRow[] = [];
if (!skip.has('lighthouse')) {
  log('JavaScript per page type and Lighthouse');
  const stack = await startStack();
  try {
    weights = await measurePageWeight(stack.webUrl);
    lighthouse = await runLighthouse(stack.webUrl, stack.cmsUrl);
  } finally {
    await stack.stop();
  }
}

const f = http.figures;
const warmArticles = api.find((row) => row.cache === 'warm' && row.credential === 'site' && row.expected === 200 && row.path === '/api/articles');
const scaleRow = (label: RegExp) => scale?.rows.filter((row) => label.test(row.label) && row.connections === 10) ?? [];
const worstP99 = (label: RegExp) => Math.max(...scaleRow(label).map((row) => row.p99), Number.NEGATIVE_INFINITY);
const targets: Array<[string, string, string, boolean | undefined]> = [
  ['cached home, in process, 10 connections', '≥ 0.5 × nginx', `${fixed(f.cachedHomeRps!)} req/s = ${fixed(f.cachedHomeRps! / f.nginxRps!, 2)} × nginx (${fixed(f.nginxRps!)})`, f.cachedHomeRps! >= 0.5 * f.nginxRps!],
  ['cached home, through Varnish, 10 connections', '≥ 0.5 × nginx', `${fixed(f.varnishHomeRps!)} req/s = ${fixed(f.varnishHomeRps! / f.nginxRps!, 2)} × nginx`, f.varnishHomeRps! >= 0.5 * f.nginxRps!],
  ['uncached article, 10 connections', '≥ 200 req/s, p99 < 100 ms, 0 errors', `${fixed(f.uncachedArticleRps!)} req/s, p99 ${fixed(f.uncachedArticleP99!)} ms`, f.uncachedArticleRps! >= 200 && f.uncachedArticleP99! < 100],
  ['GET /api/articles repeated (response cache warm)', '≥ 1,000 req/s', warmArticles ? `${fixed(warmArticles.requestsPerSecond)} req/s` : 'n/a', warmArticles ? warmArticles.requestsPerSecond >= 1000 : undefined],
  ['100,000 testimonies: filtered list, deep page, searches, p99 at 10 connections', '< 150 ms', scale ? `worst p99 ${fixed(worstP99(/sector|search/i))} ms` : 'skipped', scale ? worstP99(/sector|search/i) < 150 : undefined],
  ['JavaScript per page type', 'content ≤ 50 KB, forms ≤ 90 KB (gzip)', weights.length ? `max ${fixed(Math.max(...weights.map((w) => w.jsGzipBytes)) / 1000, 1)} KB` : 'skipped', weights.length ? weights.every((w) => w.jsGzipBytes <= w.budgetBytes) : undefined],
  ['Lighthouse mobile Performance, median of 3', '≥ 95 on home, article, testimony, form', lighthouse.length ? lighthouse.map((row) => row.median.scores.performance).join(' / ') : 'skipped', lighthouse.length ? lighthouse.every((row) => row.median.scores.performance >= 95) : undefined],
  ['site server RSS under load (as in production: caches in Redis, docker-compose.yml\'s NODE_OPTIONS, the image\'s jemalloc)', '< 250 MB', `${fixed(f.siteRssPeak!)} MB (local defaults, caches in memory: ${fixed(f.siteRssPeakDefaults!)} MB)`, f.siteRssPeak! < 250],
];

const report = `# Benchmarks

Written by \`pnpm bench\` (bench/index.ts) on ${new Date().toISOString().slice(0, 10)}. ${note}
Load average at the end: ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')}.

## Targets (issue #10)

${table(['what', 'target', 'measured', 'met'], targets.map(([what, target, measured, met]) => [what, target, measured, met === undefined ? '–' : met ? 'yes' : '**no**']))}

Where the time and memory go, and what a missed target would take: docs/benchmarks/cached-pages.md (a hit in the
site's process), docs/benchmarks/uncached-pages.md (renders, the site's memory).

${http.markdown}

## The CMS's API, response cache off and warm (runApiBench, bench/api-etag.ts)

${apiBenchTable(api).join('\n')}

${scale ? scaleBenchMarkdown(scale) : ''}

${weights.length ? `## JavaScript per page type (bench/page-weight.ts)\n\n${pageWeightTable(weights)}` : ''}

${lighthouse.length ? `## Lighthouse (bench/lighthouse.ts)\n\n${lighthouseMethod()}\n\n${lighthouseTable(lighthouse)}` : ''}

Run time: ${Math.round((Date.now() - started) / 1000)} s.
`;
writeFileSync(path.join(root, 'docs/benchmarks.md'), report.replace(/\n{3,}/g, '\n\n'));
console.log(report);
