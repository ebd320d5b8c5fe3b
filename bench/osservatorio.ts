// The Osservatorio (issue #15) at scale, on PostgreSQL: a fresh database
// with 100,000 testimonies from the generator (`seed:scale`), the compiled
// CMS (`strapi start` on apps/cms/dist, NODE_ENV=production; the admin panel
// is not needed), then:
// - the scan alone: the one `GROUP BY` the figures come from, run 10 times
//   straight on the database (median and worst);
// - cold: the first requests after the boot, 21 different filters at once
//   (one scan shared by all: the slowest of them is about one scan);
// - autocannon at 1 and 10 connections, 10 s per row after 2 s of warm-up:
//   the whole figures, 21 filters in turn, the CSV download, with the
//   response cache on (the default) and off (API_CACHE_TTL_SECONDS=0: every
//   request reduces the kept figures, scanned again at most every 5 s).
//
//   node bench/osservatorio.ts          # prints a markdown section
//
// Options (environment): BENCH_OSSERVATORIO_TESTIMONIES (100000),
// BENCH_OSSERVATORIO_SECONDS (10), BENCH_POSTGRES_URL (default
// TEST_POSTGRES_URL). The database is dropped at the end, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { E2E_SITE_SECRETS, root } from '../e2e/stack.ts';
import { createDatabase, seed } from './scale.ts';

const cmsDir = path.join(root, 'apps/cms');
const secret = () => randomBytes(24).toString('base64');
const testimonies = Number(process.env.BENCH_OSSERVATORIO_TESTIMONIES ?? 100_000);
const seconds = Number(process.env.BENCH_OSSERVATORIO_SECONDS ?? 10);
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => console.error(line);

const SECTORS = ['telefonia', 'luce', 'gas', 'pay_tv', 'e_commerce', 'banche_assicurazioni', 'altro'];
/** 21 filters: each sector over three periods. */
const FILTERS = SECTORS.flatMap((sector) => [`sector=${sector}`, `sector=${sector}&from=2022-01&to=2024-12`, `sector=${sector}&from=2025-01`]);

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
const pg = createRequire(path.join(cmsDir, 'package.json'))('pg') as { Client: new (options: { connectionString: string }) => PgClient };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The compiled CMS in a process of its own, until `/_health` answers. */
async function startCms(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(cmsDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: cmsDir,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), STRAPI_STARTUP_BANNER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (!(await fetch(`${url}/_health`).then((res) => res.status === 204, () => false))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The CMS did not start:\n${output}`);
    }
    await sleep(250);
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

interface Row {
  label: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

async function measure(label: string, url: string, paths: readonly string[], connections: number): Promise<Row> {
  const options = { url, connections, requests: paths.map((p) => ({ method: 'GET' as const, path: p })) };
  await autocannon({ ...options, duration: 2 });
  log(`${label}, ${connections} connection(s)...`);
  const result = await autocannon({ ...options, duration: seconds });
  return { label, connections, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

const loadBefore = os.loadavg()[0]!;
const secrets = {
  APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(), JWT_SECRET: secret(), ENCRYPTION_KEY: secret(),
};
const database = await createDatabase(postgresUrl);
const publicDir = mkdtempSync(path.join(os.tmpdir(), 'bench-osservatorio-public-'));
mkdirSync(path.join(publicDir, 'uploads'));
const baseEnv = {
  ...secrets,
  ENV_PATH: '/dev/null',
  NODE_ENV: 'production',
  STRAPI_TELEMETRY_DISABLED: 'true',
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: database.url,
  DATABASE_ALLOW_EMPTY_PASSWORD: 'true',
  PUBLIC_DIR: publicDir,
  SITE_API_TOKEN: E2E_SITE_SECRETS.siteToken,
  CRON_ENABLED: 'false',
  RATE_LIMIT_READS_ANONYMOUS: '100000000',
};
try {
  log(`Loading ${testimonies} testimonies...`);
  const seedStarted = Date.now();
  await seed({ ...baseEnv, SEED_DEMO_CONTENT: 'true' }, testimonies, 0, log);
  const seedSeconds = (Date.now() - seedStarted) / 1000;

  // The scan alone, as the CMS sends it.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const scanMs: number[] = [];
  let groups = 0;
  let published = 0;
  try {
    published = Number(((await client.query('SELECT count(*) AS n FROM testimonies WHERE published_at IS NOT NULL')).rows[0] as { n: string }).n);
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const result = await client.query('SELECT sector, channel, role, event_month AS month, trim(company_brand) AS brand, count(*) AS n FROM testimonies WHERE published_at IS NOT NULL GROUP BY sector, channel, role, event_month, trim(company_brand)');
      scanMs.push(performance.now() - started);
      groups = result.rows.length;
    }
  } finally {
    await client.end();
  }
  scanMs.sort((a, b) => a - b);

  const rows: Row[] = [];
  let coldMs: number[] = [];
  for (const cacheOff of [false, true]) {
    const cms = await startCms({ ...baseEnv, SEED_DEMO_CONTENT: 'false', ...(cacheOff ? { API_CACHE_TTL_SECONDS: '0' } : {}) });
    try {
      if (!cacheOff) {
        // Cold: 21 different filters at once, right after the boot.
        coldMs = await Promise.all(FILTERS.map(async (filter) => {
          const started = performance.now();
          const res = await fetch(`${cms.url}/api/osservatorio?${filter}`);
          await res.text();
          if (res.status !== 200) throw new Error(`${filter}: ${res.status}`);
          return performance.now() - started;
        }));
      }
      const cache = cacheOff ? 'response cache off' : 'response cache on';
      for (const connections of [1, 10]) {
        rows.push(await measure(`everything, ${cache}`, cms.url, ['/api/osservatorio'], connections));
        rows.push(await measure(`21 filters in turn, ${cache}`, cms.url, FILTERS.map((filter) => `/api/osservatorio?${filter}`), connections));
        rows.push(await measure(`CSV download, 21 filters in turn, ${cache}`, cms.url, FILTERS.map((filter) => `/api/osservatorio/download.csv?${filter}`), connections));
      }
    } finally {
      await cms.stop();
    }
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log([
    `## The Osservatorio at ${testimonies.toLocaleString('en')} testimonies (PostgreSQL)`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by bench/osservatorio.ts on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}:`,
    'the compiled CMS (`strapi start`, NODE_ENV=production) on a fresh PostgreSQL database loaded with `seed:scale`, anonymous requests',
    `(read limits on, far above the load), autocannon on the same machine, ${seconds} s per row after 2 s of warm-up.`,
    `Load average (1 min) before: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0]!.toFixed(1)}${loadBefore > os.cpus().length ? ' (the machine was busy with other work: the figures are pessimistic)' : ''}.`,
    `Seeding: ${seedSeconds.toFixed(0)} s. Published testimonies: ${published.toLocaleString('en')}.`,
    '',
    `- The scan (the one \`GROUP BY\` the figures come from), straight on the database, 10 runs: median ${ms(scanMs[5]!)}, worst ${ms(scanMs[9]!)}; ${groups.toLocaleString('en')} groups.`,
    `- Cold, right after the boot, 21 different filters at once (one scan shared): fastest ${ms(Math.min(...coldMs))}, slowest ${ms(Math.max(...coldMs))}.`,
    '',
    '| request | connections | req/s | p50 | p99 | max | errors | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.label} | ${row.connections} | ${row.requestsPerSecond.toFixed(0)} | ${ms(row.p50)} | ${ms(row.p99)} | ${ms(row.max)} | ${row.errors} | ${row.non2xx} |`),
    '',
  ].join('\n'));
} finally {
  await database.drop();
  rmSync(publicDir, { recursive: true, force: true });
}
