// The CMS at scale, on PostgreSQL (the production database), against the
// BUILT CMS (`pnpm bench:scale` builds it first): a fresh database, 100,000
// testimonies and 10,000 articles loaded with the generator (`pnpm
// seed:scale`), then autocannon at 1 and 10 connections on what the site and
// partners ask of it at that size: the filtered testimony list, page 500 of
// it, a search without and with a typo, the articles list, page 2 of the
// testimonies' sitemap, the Osservatorio. Also the seeding time and the boot time.
//
//   node bench/scale.ts                        # prints a markdown table
//   import { runScaleBench } from './scale.ts' # for `pnpm bench`
//
// Options (standalone: environment): BENCH_SCALE_TESTIMONIES (100000),
// BENCH_SCALE_ARTICLES (10000), BENCH_SCALE_SECONDS (10 per row),
// BENCH_POSTGRES_URL (a user that may create databases; default TEST_POSTGRES_URL,
// then postgres://postgres@127.0.0.1:5432/postgres). The database is created
// with a unique name and dropped at the end, whatever happens.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { toQueryString } from '@chiudete/types';
import { ARTICLE_SUMMARY_QUERY } from '../apps/web/shared/utils/article-summary.ts';
import { E2E_ADMIN, E2E_SITE_SECRETS, root, startCms, startWeb, type Service } from '../e2e/stack.ts';

export interface ScaleBenchOptions {
  testimonies?: number;
  articles?: number;
  /** Seconds of measurement per row (after 2 s of warm-up per request). */
  seconds?: number;
  connections?: readonly number[];
  /** A PostgreSQL URL whose user may create databases. */
  postgresUrl?: string;
  log?: (line: string) => void;
}

export interface ScaleBenchRow {
  label: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  /** Latencies in milliseconds. */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** A page of the site on the scaled CMS: its first render, then served from the page cache at 10 connections. */
export interface SiteScaleRow {
  label: string;
  path: string;
  status: number;
  firstMs: number;
  /** `<loc>` entries (sitemaps). */
  urls: number;
  warmRequestsPerSecond: number;
  warmP99: number;
  warmNon2xx: number;
}

const SITE_TARGETS: ReadonlyArray<[string, string]> = [
  ['sitemap index', '/sitemap.xml'],
  ['sitemap file, testimonies 2 (50,000 URLs)', '/sitemap/testimonianze-2.xml'],
  ['testimonies, sector + role, page 500', '/testimonianze?ruolo=cliente&settore=luce&pagina=500'],
];

export interface ScaleBenchResult {
  measuredAt: string;
  siteRows: SiteScaleRow[];
  testimonies: number;
  articles: number;
  /** Wall time of `seed:scale` (Strapi's boot, the demo content, the bulk load and ANALYZE). */
  seedSeconds: number;
  /** The bulk load alone, as the generator reports it. */
  loadSeconds: number;
  /** From starting the built CMS to its first answer on /_health. */
  bootSeconds: number;
  seconds: number;
  loadAverage: { before: number; after: number };
  cpus: string;
  rows: ScaleBenchRow[];
}

const cmsDir = path.join(root, 'apps/cms');
const secret = () => randomBytes(24).toString('base64');

/** The PostgreSQL driver of the CMS (a dependency of apps/cms, not of the repository's root). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(path.join(cmsDir, 'package.json'))('pg') as { Client: new (options: { connectionString: string }) => PgClient };

/** The requests measured: what the site's pages and a sitemap crawl send at this size. */
const TARGETS: ReadonlyArray<{ label: string; path: string; check?: (body: string) => void }> = [
  { label: 'testimonies, sector + role (page 1)', path: '/api/testimonies?filters[sector][$eq]=luce&filters[role][$eq]=cliente&sort[0]=publishedAt:desc&sort[1]=id:desc&pagination[pageSize]=10' },
  {
    label: 'testimonies, sector + role, page 500',
    path: '/api/testimonies?filters[sector][$eq]=luce&filters[role][$eq]=cliente&sort[0]=publishedAt:desc&sort[1]=id:desc&pagination[pageSize]=10&pagination[page]=500',
    check: (body) => {
      if ((JSON.parse(body) as { data: unknown[] }).data.length !== 10) throw new Error('page 500 of the filtered list is not full: load more testimonies');
    },
  },
  { label: 'search `operatore`', path: '/api/search?q=operatore' },
  {
    label: 'search `opertore` (typo)',
    path: '/api/search?q=opertore',
    check: (body) => {
      if ((JSON.parse(body) as { meta: { correctedQuery: string | null } }).meta.correctedQuery !== 'operatore') throw new Error('the typo was not corrected');
    },
  },
  // The site's query of its article list (apps/web/shared/utils/article-summary.ts).
  { label: 'articles list (the site\'s query, newest first)', path: `/api/articles?${toQueryString({ sort: ['publicationDate:desc', 'id:desc'], pagination: { page: 1, pageSize: 9 }, ...ARTICLE_SUMMARY_QUERY })}` },
  { label: 'sitemap, testimonies page 2 (50,000 slugs)', path: '/api/sitemap/testimony?page=2' },
  // The Osservatorio (issue #15): with the response cache off, each request reduces the kept cube (one GROUP BY scan,
  // again at most every 5 s); bench/osservatorio.ts measures it in more detail (cold scans, filters, CSV).
  { label: 'Osservatorio, everything', path: '/api/osservatorio' },
  { label: 'Osservatorio, sector + period', path: '/api/osservatorio?sector=telefonia&from=2022-01&to=2024-12' },
  { label: 'Osservatorio, CSV download', path: '/api/osservatorio/download.csv?sector=luce' },
];

export async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_scale_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Runs `pnpm seed:scale`'s script on the database (the CMS already built: no compile); resolves with its output. */
export function seed(env: Record<string, string>, testimonies: number, articles: number, log: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'scripts/seed-scale.ts', '--testimonies', String(testimonies), '--articles', String(articles), '--no-compile'], {
      cwd: cmsDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n').filter((l) => l.trim())) log(`[seed] ${line.trim()}`);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`seed:scale exited with ${code}:\n${output.slice(-2000)}`))));
  });
}

export function measure(url: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds });
}

export async function runScaleBench(options: ScaleBenchOptions = {}): Promise<ScaleBenchResult> {
  const testimonies = options.testimonies ?? 100_000;
  const articles = options.articles ?? 10_000;
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? [1, 10];
  const log = options.log ?? (() => undefined);
  const postgresUrl = options.postgresUrl ?? process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const loadBefore = os.loadavg()[0]!;

  // One set of secrets for the seeding process and the CMS: the same app, the same database.
  const secrets = {
    APP_KEYS: process.env.APP_KEYS ?? `${secret()},${secret()}`,
    API_TOKEN_SALT: process.env.API_TOKEN_SALT ?? secret(),
    ADMIN_JWT_SECRET: process.env.ADMIN_JWT_SECRET ?? secret(),
    TRANSFER_TOKEN_SALT: process.env.TRANSFER_TOKEN_SALT ?? secret(),
    JWT_SECRET: process.env.JWT_SECRET ?? secret(),
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secret(),
  };
  Object.assign(process.env, secrets);

  const database = await createDatabase(postgresUrl);
  const publicDir = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-public-'));
  mkdirSync(path.join(publicDir, 'uploads'));
  let cms: Service | undefined;
  let site: Service | undefined;
  try {
    log(`Database ${database.url.replace(/\/\/[^@]*@/, '//')}: loading ${testimonies} testimonies and ${articles} articles...`);
    const seedStarted = Date.now();
    const output = await seed({
      ...secrets,
      ENV_PATH: '/dev/null',
      NODE_ENV: 'production',
      SEED_DEMO_CONTENT: 'true',
      SEED_ADMIN_EMAIL: E2E_ADMIN.email,
      SEED_ADMIN_PASSWORD: E2E_ADMIN.password,
      STRAPI_TELEMETRY_DISABLED: 'true',
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: database.url,
      // The local test server trusts local connections: no password (apps/cms/src/production-secrets).
      DATABASE_ALLOW_EMPTY_PASSWORD: 'true',
      PUBLIC_DIR: publicDir,
      // A production CMS does not start without the site's token.
      SITE_API_TOKEN: E2E_SITE_SECRETS.siteToken,
    }, testimonies, articles, log);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const loadSeconds = Number(/Loaded in ([\d.]+) s/.exec(output)?.[1] ?? Number.NaN);

    log('Starting the built CMS on it...');
    const bootStarted = Date.now();
    // The read limits stay on (their cost is part of every request), far above what the benchmark sends.
    // The response cache off: these figures are the database's, not repeated answers from memory.
    cms = await startCms({ RATE_LIMIT_READS_ANONYMOUS: '100000000', RATE_LIMIT_READS_TOKEN: '100000000', CRON_ENABLED: 'false', API_CACHE_TTL_SECONDS: '0' }, { databaseUrl: database.url, bootTimeoutMs: 300_000 });
    const bootSeconds = (Date.now() - bootStarted) / 1000;

    const rows: ScaleBenchRow[] = [];
    for (const target of TARGETS) {
      const url = `${cms.url}${target.path}`;
      const res = await fetch(url);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`[GET] "${url}": ${res.status} ${body.slice(0, 300)}`);
      target.check?.(body);
      await measure(url, Math.max(...connections), 2);
      for (const count of connections) {
        log(`${target.label}, ${count} connection(s)...`);
        const result = await measure(url, count, seconds);
        rows.push({
          label: target.label,
          path: target.path,
          connections: count,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      }
    }

    // The site on that CMS: its sitemap (an index, then files of 50,000 URLs) and a deep page of a filtered list,
    // first rendered (the page cache empty), then served from the page cache.
    log('Starting the built site on that CMS...');
    const web = await startWeb(cms.url);
    site = web;
    const siteRows: SiteScaleRow[] = [];
    for (const [label, sitePath] of SITE_TARGETS) {
      const started = performance.now();
      const res = await fetch(`${web.url}${sitePath}`, { headers: { accept: 'text/html,application/xml' } });
      const body = await res.text();
      const firstMs = performance.now() - started;
      const urls = (body.match(/<loc>/g) ?? []).length;
      const warm = await measure(`${web.url}${sitePath}`, 10, seconds);
      siteRows.push({ label, path: sitePath, status: res.status, firstMs, urls, warmRequestsPerSecond: warm.requests.average, warmP99: warm.latency.p99, warmNon2xx: warm.non2xx });
    }
    return {
      measuredAt: new Date().toISOString(),
      siteRows,
      testimonies,
      articles,
      seedSeconds,
      loadSeconds,
      bootSeconds,
      seconds,
      loadAverage: { before: loadBefore, after: os.loadavg()[0]! },
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
      rows,
    };
  } finally {
    await site?.stop();
    await cms?.stop();
    await database.drop();
    rmSync(publicDir, { recursive: true, force: true });
  }
}

/** The result as a markdown table, with the conditions of the run. */
export function scaleBenchMarkdown(result: ScaleBenchResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `## The CMS at scale: ${result.testimonies.toLocaleString('en')} testimonies, ${result.articles.toLocaleString('en')} articles (PostgreSQL)`,
    '',
    `Measured ${result.measuredAt.slice(0, 16).replace('T', ' ')} UTC by bench/scale.ts on ${result.cpus}, Node ${process.version}: the built CMS`,
    '(`strapi start`, NODE_ENV=production) on a fresh PostgreSQL database loaded with `seed:scale`, anonymous requests with the read limits',
    `raised far above the load (still counted), autocannon on the same machine, ${result.seconds} s per row after 2 s of warm-up.`,
    `Load average (1 min) before: ${result.loadAverage.before.toFixed(1)}, after: ${result.loadAverage.after.toFixed(1)}${result.loadAverage.before > os.cpus().length ? ' (the machine was busy with other work: the figures are pessimistic)' : ''}.`,
    '',
    `Seeding (\`seed:scale\`, Strapi's boot and the demo content included): ${result.seedSeconds.toFixed(0)} s, of which the bulk load ${result.loadSeconds.toFixed(0)} s. Boot of the CMS on it: ${result.bootSeconds.toFixed(1)} s.`,
    '',
    '| request | connections | req/s | p50 | p99 | errors | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...result.rows.map((row) => `| ${row.label} | ${row.connections} | ${row.requestsPerSecond.toFixed(0)} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.errors} | ${row.non2xx} |`),
    '',
    'The built site on that CMS (site token; its page cache empty, then warm):',
    '',
    '| page | status | first render | URLs listed | cached: req/s at 10 connections | cached p99 | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...result.siteRows.map((row) => `| ${row.label} (\`${row.path}\`) | ${row.status} | ${ms(row.firstMs)} | ${row.urls || ''} | ${row.warmRequestsPerSecond.toFixed(0)} | ${ms(row.warmP99)} | ${row.warmNon2xx} |`),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const result = await runScaleBench({
    testimonies: number('BENCH_SCALE_TESTIMONIES'),
    articles: number('BENCH_SCALE_ARTICLES'),
    seconds: number('BENCH_SCALE_SECONDS'),
    log: (line) => console.error(line),
  });
  console.log(scaleBenchMarkdown(result));
}
