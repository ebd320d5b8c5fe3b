// Benchmark of the public read API against the BUILT CMS (`pnpm bench:api`
// builds first; `runApiBench()` is also called by the main benchmark): the
// article list (`GET /api/articles`, default shape: 25 per page, relations and
// media populated) and one article by slug (`?filters[slug][$eq]=...`), each
// without a validator (200 with the body) and with the current ETag in
// `If-None-Match` (304, no body), read with the site's own token
// (SITE_API_TOKEN, not counted by the read limits):
// - cold: the response cache off (API_CACHE_TTL_SECONDS=0), every request runs
//   the query, the populate, the serialization and the ETag;
// - warm: the response cache on (memory store), every request a hit;
// plus the warm list read with a partner's read-only token, counted by the
// read limit (in memory) like every partner request.
// Standalone, it writes docs/benchmarks/api.md. BENCH_API_SECONDS sets the
// seconds per row; BENCH_API_CPU_PROF=<dir> profiles the warm CMS
// (`node --cpu-prof`, read with `node bench/cpu-profile.ts <file>`).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { E2E_ADMIN, E2E_SITE_SECRETS, root, startCms, type Service } from '../e2e/stack.ts';

export interface ApiBenchOptions {
  /** Seconds per measured row (default 10, or BENCH_API_SECONDS). */
  seconds?: number;
  /** Seconds of warm-up before each row, not measured (default 3). */
  warmupSeconds?: number;
  /** Concurrent connections (default 10). */
  connections?: number;
  /** A directory for a CPU profile of the warm CMS (node --cpu-prof). */
  cpuProfileDir?: string;
}

export interface ApiBenchRow {
  /** What was requested, e.g. "GET /api/articles, cache warm, 200 (no validator)". */
  label: string;
  path: string;
  cache: 'off' | 'warm';
  /** The credential: the site's token or a partner's read-only token. */
  credential: 'site' | 'partner';
  /** The answer expected: 200 with the body, or 304. */
  expected: 200 | 304;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Answers that were not 2xx: the 304 rows count every answer here. */
  non2xx: number;
  /** Answers with the expected status. */
  expectedAnswers: number;
  bodyBytes: number;
}

/** Read limits far above what the benchmark sends: their cost stays in every partner request, never a refusal. */
const LOOSE_LIMITS = { RATE_LIMIT_READS_TOKEN: '100000000', RATE_LIMIT_READS_ANONYMOUS: '100000000' };

/** A read-only API token, created through the admin API as an editor would in Settings → API Tokens. */
async function readOnlyToken(cms: Service): Promise<string> {
  const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(E2E_ADMIN) });
  const jwt = ((await login.json()) as { data?: { token?: string } }).data?.token;
  if (!login.ok || !jwt) throw new Error(`[POST] "${cms.url}/admin/login": ${login.status}`);
  const res = await fetch(`${cms.url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'Authorization': `Bearer ${jwt}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Benchmark partner', description: 'bench/api-etag.ts', type: 'read-only', lifespan: null }),
  });
  const body = (await res.json()) as { data?: { accessKey?: string } };
  if (!res.ok || !body.data?.accessKey) throw new Error(`[POST] "${cms.url}/admin/api-tokens": ${res.status} ${JSON.stringify(body)}`);
  return body.data.accessKey;
}

interface Target {
  name: string;
  path: string;
}

async function firstSlug(cms: Service): Promise<string> {
  const url = `${cms.url}/api/articles?fields[0]=slug&sort=publicationDate:asc`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${E2E_SITE_SECRETS.siteToken}` } });
  if (!res.ok) throw new Error(`[GET] "${url}": ${res.status}`);
  return ((await res.json()) as { data: Array<{ slug: string }> }).data[0]!.slug;
}

const targets = (slug: string): Target[] => [
  { name: 'GET /api/articles', path: '/api/articles' },
  { name: 'GET /api/articles?filters[slug][$eq]=… (one article)', path: `/api/articles?filters[slug][$eq]=${slug}` },
];

/** One target, 200 then 304, with one credential on one CMS. */
async function measure(cms: Service, target: Target, cache: ApiBenchRow['cache'], credential: ApiBenchRow['credential'], token: string, options: Required<Omit<ApiBenchOptions, 'cpuProfileDir'>>, only200 = false): Promise<ApiBenchRow[]> {
  const url = `${cms.url}${target.path}`;
  const auth = { Authorization: `Bearer ${token}` };
  const first = await fetch(url, { headers: auth });
  const body = await first.text();
  const etag = first.headers.get('etag');
  if (first.status !== 200 || !etag) throw new Error(`[GET] "${url}": ${first.status}, ETag ${etag}`);
  const check = await fetch(url, { headers: { ...auth, 'If-None-Match': etag } });
  if (check.status !== 304) throw new Error(`[GET] "${url}" with If-None-Match: ${check.status}, expected 304`);
  const cacheStatus = check.headers.get('cache-status');
  if (cache === 'warm' ? cacheStatus !== 'chiudete-api; hit' : cacheStatus !== null) throw new Error(`[GET] "${url}": Cache-Status ${cacheStatus}, expected the cache ${cache}`);

  const rows: ApiBenchRow[] = [];
  const requests = [[200, auth], [304, { ...auth, 'If-None-Match': etag }]] as const;
  for (const [expected, headers] of only200 ? requests.slice(0, 1) : requests) {
    const run = (duration: number) => autocannon({ url, connections: options.connections, duration, headers });
    await run(options.warmupSeconds);
    const result = await run(options.seconds);
    const expectedAnswers = expected === 200 ? result['2xx'] : result['3xx'];
    rows.push({
      label: `${target.name}, cache ${cache}, ${credential === 'site' ? 'site token' : 'partner token'}, ${expected === 200 ? '200 (no validator)' : '304 (If-None-Match)'}`,
      path: target.path,
      cache,
      credential,
      expected,
      connections: options.connections,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      expectedAnswers,
      bodyBytes: expected === 200 ? Buffer.byteLength(body) : 0,
    });
  }
  return rows;
}

/**
 * Starts the built CMS twice (cache off, then on), measures every row and
 * stops it again. The machine's other load shows in the figures: run it on a
 * quiet machine.
 */
export async function runApiBench(options: ApiBenchOptions = {}): Promise<ApiBenchRow[]> {
  const settings = {
    seconds: options.seconds ?? Number(process.env.BENCH_API_SECONDS ?? 10),
    warmupSeconds: options.warmupSeconds ?? 3,
    connections: options.connections ?? 10,
  };
  const site = E2E_SITE_SECRETS.siteToken;
  const rows: ApiBenchRow[] = [];

  const cold = await startCms({ ...LOOSE_LIMITS, API_CACHE_TTL_SECONDS: '0' });
  try {
    for (const target of targets(await firstSlug(cold))) rows.push(...(await measure(cold, target, 'off', 'site', site, settings)));
  } finally {
    await cold.stop();
  }

  const profile: Record<string, string> = options.cpuProfileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${options.cpuProfileDir}` } : {};
  const warm = await startCms({ ...LOOSE_LIMITS, ...profile });
  try {
    const list = targets(await firstSlug(warm));
    for (const target of list) rows.push(...(await measure(warm, target, 'warm', 'site', site, settings)));
    rows.push(...(await measure(warm, list[0]!, 'warm', 'partner', await readOnlyToken(warm), settings, true)));
  } finally {
    await warm.stop();
  }
  return rows;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The rows as a Markdown table. */
export function apiBenchTable(rows: readonly ApiBenchRow[]): string[] {
  return [
    '| request | conn. | req/s | p50 | p99 | errors | non-2xx | expected answers | body |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) =>
      `| ${row.label} | ${row.connections} | ${row.requestsPerSecond} | ${ms(row.p50Ms)} | ${ms(row.p99Ms)} | ${row.errors} | ${row.non2xx} | ${row.expectedAnswers} (${row.expected}) | ${row.bodyBytes ? `${(row.bodyBytes / 1024).toFixed(1)} KB` : 'none'} |`),
  ];
}

if (import.meta.main) {
  const loadBefore = os.loadavg()[0]!;
  const started = new Date();
  const rows = await runApiBench({ cpuProfileDir: process.env.BENCH_API_CPU_PROF });
  const seconds = rows[0] ? Number(process.env.BENCH_API_SECONDS ?? 10) : 0;
  const report = [
    '# Public read API: benchmark',
    '',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`pnpm bench:api\` (bench/api-etag.ts, \`runApiBench()\`)`,
    `on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, the built CMS (\`strapi start\`,`,
    'NODE_ENV=production) on SQLite with the demo content, load generator (autocannon) on the same machine.',
    `${rows[0]?.connections ?? 10} connections, 3 s of warm-up then ${seconds} s per row. «site token»: SITE_API_TOKEN, as the site's server`,
    'reads (not counted by the read limits); «partner token»: a read-only API token, counted by the read limit (memory',
    'store) with a limit high enough never to refuse. «cache off»: API_CACHE_TTL_SECONDS=0; «cache warm»: the response',
    'cache in memory (the default without REDIS_URL), every request a hit (`Cache-Status: chiudete-api; hit`).',
    `Load average (1 min) before the run: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0]!.toFixed(1)}, on ${os.cpus().length} cores${loadBefore > os.cpus().length / 2 ? ' (the machine was busy with other work: the figures are pessimistic)' : ''}.`,
    '',
    ...apiBenchTable(rows),
    '',
    '## Reading the figures',
    '',
    '- Cache off, a 304 costs the server as much as a 200: the CMS runs the query, serializes the response and',
    '  hashes it, then compares the tag (apps/cms/src/middlewares/http-cache.ts). What `If-None-Match` saves there',
    '  is the body on the wire and the client\'s parsing.',
    '- Cache warm, the CMS answers from the stored bytes and validators before the query, the populate and the',
    '  serialization (apps/cms/src/middlewares/api-cache.ts); what remains is Koa and the middlewares in front of it',
    '  (request log, security headers, CORS, read limit). The cache is purged at every public change, so the',
    '  first read after a publish is a cold one.',
    '- Where a hit\'s time goes (`node --cpu-prof` of the warm CMS under this load, `BENCH_API_CPU_PROF=<dir>`, read',
    '  with `node bench/cpu-profile.ts`): about a fifth writing the 85 KB response to the socket, an eighth the request',
    '  log line (`global::request-logger`, winston to stdout), an eighth Strapi\'s `strapi::security` (it builds koa-helmet',
    '  again for every request: `promisify`, helmet, lodash), a few per cent Koa itself, the two SHA-256 of the cache',
    '  key and the site-token check, and GC; the cache lookup and replay about 1 %.',
    '- The list is the heavier request: every article with author, categories, cover, book, answers and SEO',
    '  populated. Partners who only need some attributes can ask for them with `fields` and `populate`.',
    '',
  ].join('\n');
  mkdirSync(path.join(root, 'docs/benchmarks'), { recursive: true });
  writeFileSync(path.join(root, 'docs/benchmarks/api.md'), report);
  console.log(report);
}
