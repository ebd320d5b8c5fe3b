// The HTTP half of `pnpm bench`: the site and the CMS, BUILT, with the demo
// content on SQLite, measured with wrk side by side with nginx and a bare
// node:http server serving the same bytes in the same run.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { E2E_SITE_SECRETS, redisReachable, root, startCms, startWeb, type Service } from '../e2e/stack.ts';
import { rssMb, sampleRss } from './lib/memory.ts';
import { productionSiteEnv, productionSiteSummary } from './lib/production-site.ts';
import { sameBytes, startBareNode, startNginx, startVarnish, type Running } from './lib/references.ts';
import { fixed, loadTable, table, type LoadRow } from './lib/report.ts';
import { requireWrk, wrk, type LoadResult } from './lib/wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const CONNECTIONS = [1, 10, 50] as const;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface HttpBenchResult {
  markdown: string;
  /** The figures the targets are checked on. */
  figures: Record<string, number>;
}

async function measure(url: string, connections: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  await wrk(url, { connections, seconds: WARMUP_SECONDS, headers });
  return wrk(url, { connections, seconds: SECONDS, headers });
}

async function firstSlug(cmsUrl: string, plural: string): Promise<string> {
  const res = await fetch(`${cmsUrl}/api/${plural}?fields[0]=slug&sort=publicationDate:desc&pagination[pageSize]=1`, {
    headers: { authorization: `Bearer ${E2E_SITE_SECRETS.siteToken}` },
  });
  const slug = ((await res.json()) as { data: Array<{ slug: string }> }).data[0]?.slug;
  if (!slug) throw new Error(`No published ${plural} in the CMS at ${cmsUrl}`);
  return slug;
}

async function body(url: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (res.status !== 200) throw new Error(`[GET] ${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function runHttpBench(): Promise<HttpBenchResult> {
  requireWrk();
  const figures: Record<string, number> = {};
  const sections: string[] = [];
  const services: Array<Service | Running> = [];
  try {
    const cms = await startCms();
    services.push(cms);
    const site = await startWeb(cms.url);
    services.push(site);
    // Page cache off and no render budget: every request renders (the data cache between site and CMS stays on).
    const uncached = await startWeb(cms.url, undefined, { NUXT_PAGE_CACHE_TTL_SECONDS: '0', NUXT_RENDER_LIMIT_POINTS: '0' });
    services.push(uncached);
    // The same, as the production stack runs it: caches in Redis, the heap settings of docker-compose.yml.
    const production = await redisReachable(REDIS_URL)
      ? await startWeb(cms.url, undefined, { NUXT_PAGE_CACHE_TTL_SECONDS: '0', NUXT_RENDER_LIMIT_POINTS: '0', ...productionSiteEnv(REDIS_URL) })
      : undefined;
    if (production) services.push(production);
    else console.warn(`\n!!! No Redis at ${REDIS_URL} (BENCH_REDIS_URL): the site as the production stack runs it is NOT measured.\n`);
    const varnish = await startVarnish(root, site.url);
    services.push(varnish);

    await body(`${site.url}/`);
    const home = await body(`${site.url}/`);
    const nginx = await startNginx(home);
    services.push(nginx);
    const bare = await startBareNode(home);
    services.push(bare);
    await body(`${varnish.url}/`);
    await sameBytes([nginx.url, bare.url, `${site.url}/`, `${varnish.url}/`], home);
    await sleep(2_000);
    const atRest = { site: rssMb(site.pid), uncached: rssMb(uncached.pid), production: production ? rssMb(production.pid) : 0, cms: rssMb(cms.pid) };

    // 1. The cached home page.
    const cachedRows: LoadRow[] = [];
    const cachedPeak = sampleRss({ site: site.pid });
    for (const connections of CONNECTIONS) {
      const reference = await measure(nginx.url, connections);
      cachedRows.push({ target: 'nginx, same bytes (reference)', result: reference, reference: reference.rps });
      cachedRows.push({ target: 'bare node:http, same bytes', result: await measure(bare.url, connections), reference: reference.rps });
      cachedRows.push({ target: 'site, page cache hit (in process)', result: await measure(`${site.url}/`, connections), reference: reference.rps });
      cachedRows.push({ target: 'site through Varnish (deploy/varnish)', result: await measure(`${varnish.url}/`, connections), reference: reference.rps });
    }
    const brotli = { 'accept-encoding': 'gzip, deflate, br' };
    cachedRows.push({ target: 'site, page cache hit, brotli', result: await measure(`${site.url}/`, 10, brotli) });
    cachedRows.push({ target: 'site through Varnish, brotli', result: await measure(`${varnish.url}/`, 10, brotli) });
    cachedRows.push({ target: 'site, /robots.txt (cached)', result: await measure(`${site.url}/robots.txt`, 10) });
    const cachedRss = cachedPeak.stop();
    const at10 = (target: string) => cachedRows.find((row) => row.target.startsWith(target) && row.result.connections === 10)!.result.rps;
    figures.nginxRps = at10('nginx');
    figures.bareNodeRps = at10('bare node');
    figures.cachedHomeRps = at10('site, page cache hit (in');
    figures.varnishHomeRps = at10('site through Varnish (');
    sections.push(`## Cached home page (${(home.length / 1024).toFixed(1)} KB of HTML, uncompressed unless said)\n\n${loadTable(cachedRows)}`);

    // 2. Pages rendered at every request.
    const article = await firstSlug(cms.url, 'articles');
    const uncachedRows: LoadRow[] = [];
    const renderPeak = sampleRss({ site: uncached.pid, cms: cms.pid });
    for (const connections of CONNECTIONS) {
      uncachedRows.push({ target: `article /articoli/${article}`, result: await measure(`${uncached.url}/articoli/${article}`, connections) });
      uncachedRows.push({ target: 'home /', result: await measure(`${uncached.url}/`, connections) });
    }
    uncachedRows.push({ target: 'search page /cerca?q=bolletta', result: await measure(`${uncached.url}/cerca?q=bolletta`, 10) });
    const renderRss = renderPeak.stop();
    const productionPeak = production ? sampleRss({ site: production.pid }) : undefined;
    if (production) {
      for (const connections of CONNECTIONS) {
        uncachedRows.push({ target: `article, as in production (${productionSiteSummary()})`, result: await measure(`${production.url}/articoli/${article}`, connections) });
      }
    }
    const productionRss = productionPeak?.stop();
    figures.uncachedArticleRps = uncachedRows.find((row) => row.target.startsWith('article') && row.result.connections === 10)!.result.rps;
    figures.uncachedArticleP99 = uncachedRows.find((row) => row.target.startsWith('article') && row.result.connections === 10)!.result.p99Ms;
    sections.push(`## Pages rendered at every request (page cache off, render budget off; the data cache between site and CMS on)\n\n${loadTable(uncachedRows)}`);

    // 3. The CMS's public API, read with the site's token (not counted by the read limits).
    const auth = { authorization: `Bearer ${E2E_SITE_SECRETS.siteToken}` };
    const apiRows: LoadRow[] = [
      { target: 'GET /api/articles (repeated)', result: await measure(`${cms.url}/api/articles`, 10, auth) },
      { target: `GET /api/articles?filters[slug][$eq]=${article}`, result: await measure(`${cms.url}/api/articles?filters%5Bslug%5D%5B%24eq%5D=${article}`, 10, auth) },
      { target: 'GET /api/search?q=bolletta', result: await measure(`${cms.url}/api/search?q=bolletta`, 10, auth) },
      { target: 'GET /api/search?q=boleta (typo)', result: await measure(`${cms.url}/api/search?q=boleta`, 10, auth) },
    ];
    figures.apiArticlesRps = apiRows[0]!.result.rps;
    sections.push(`## The CMS's public API (site token; demo content)\n\n${loadTable(apiRows)}`);

    sections.push(`## Memory (RSS, MB)\n\n${table(['process', 'at rest', 'peak under load'], [
      ['site (page cache on), serving cached pages', fixed(atRest.site), fixed(cachedRss.site ?? 0)],
      ['site (page cache off), rendering every page', fixed(atRest.uncached), fixed(renderRss.site ?? 0)],
      ...(productionRss ? [[`site as in production (${productionSiteSummary()}), rendering every page`, fixed(atRest.production), fixed(productionRss.site ?? 0)]] : []),
      ['CMS', fixed(atRest.cms), fixed(renderRss.cms ?? 0)],
    ])}`);
    // The production stack's site: cached pages, and renders with its settings (without Redis: the local defaults).
    figures.siteRssPeak = Math.max(cachedRss.site ?? 0, productionRss ? productionRss.site ?? 0 : renderRss.site ?? 0);
    figures.siteRssPeakDefaults = renderRss.site ?? 0;
    return { markdown: sections.join('\n\n'), figures };
  } finally {
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
  }
}

export function machineNote(): string {
  return `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')} at the start. wrk with one thread, ${SECONDS} s per figure after ${WARMUP_SECONDS} s of warm-up, on the same machine as the servers.`;
}
