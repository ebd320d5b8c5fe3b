// Benchmark of the public read API against the BUILT CMS (run `pnpm
// bench:api`; it builds first), as a partner calls it: with a read-only API
// token, on the article list (`GET /api/articles`, default shape: 25 per page,
// relations and media populated) and on one article by slug
// (`?filters[slug][$eq]=...`), each without a validator (200 with the body)
// and with the current ETag in `If-None-Match` (304, no body).
// Writes docs/benchmarks/api.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { E2E_ADMIN, root, startCms, type Service } from '../e2e/stack.ts';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const CONNECTIONS = 10;

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

interface Row {
  target: string;
  request: string;
  result: autocannon.Result;
  bodyBytes: number;
}

/** autocannon reports p90 and p97.5; p95 is interpolated between them. */
const percentile95 = (r: autocannon.Result) => r.latency.p90 + (r.latency.p97_5 - r.latency.p90) * (5 / 7.5);
const ms = (value: number) => `${value.toFixed(1)} ms`;

function run(url: string, headers: Record<string, string>, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
}

async function measure(cms: Service, token: string, target: Target): Promise<Row[]> {
  const url = `${cms.url}${target.path}`;
  const auth = { Authorization: `Bearer ${token}` };
  const first = await fetch(url, { headers: auth });
  const body = await first.text();
  const etag = first.headers.get('etag');
  if (first.status !== 200 || !etag) throw new Error(`[GET] "${url}": ${first.status}, ETag ${etag}`);
  const check = await fetch(url, { headers: { ...auth, 'If-None-Match': etag } });
  if (check.status !== 304) throw new Error(`[GET] "${url}" with If-None-Match: ${check.status}, expected 304`);

  const rows: Row[] = [];
  for (const [request, headers] of [
    ['200 (no validator)', auth],
    ['304 (If-None-Match: current ETag)', { ...auth, 'If-None-Match': etag }],
  ] as const) {
    await run(url, headers, WARMUP_SECONDS);
    rows.push({ target: target.name, request, result: await run(url, headers, SECONDS), bodyBytes: request.startsWith('200') ? Buffer.byteLength(body) : 0 });
  }
  return rows;
}

const statuses = (r: autocannon.Result) => `2xx ${r['2xx']}, 3xx ${r['3xx']}, 4xx ${r['4xx']}, 5xx ${r['5xx']}, errors ${r.errors}`;

const loadBefore = os.loadavg()[0]!;
// The read limits stay on (their cost is part of every request) but far above what the benchmark sends.
const cms = await startCms({ RATE_LIMIT_READS_TOKEN: '100000000', RATE_LIMIT_READS_ANONYMOUS: '100000000' });
let rows: Row[];
try {
  const token = await readOnlyToken(cms);
  const list = (await (await fetch(`${cms.url}/api/articles?fields[0]=slug&sort=publicationDate:asc`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { data: Array<{ slug: string }> };
  const slug = list.data[0]!.slug;
  rows = [
    ...(await measure(cms, token, { name: `\`GET /api/articles\` (default shape: all ${list.data.length} demo articles on the first page)`, path: '/api/articles' })),
    ...(await measure(cms, token, { name: '`GET /api/articles?filters[slug][$eq]=…` (one article)', path: `/api/articles?filters[slug][$eq]=${slug}` })),
  ];
} finally {
  await cms.stop();
}

const report = [
  '# Public read API: benchmark',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`pnpm bench:api\` (bench/api-etag.ts)`,
  `on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, the built CMS (\`strapi start\`,`,
  'NODE_ENV=production) on SQLite with the demo content, load generator (autocannon) on the same machine.',
  `Every request carries a read-only API token (\`Authorization: Bearer\`); ${CONNECTIONS} connections, ${WARMUP_SECONDS} s of warm-up`,
  `then ${SECONDS} s per row. The read rate limit is on (counted in memory) with a limit high enough never to refuse.`,
  `Load average (1 min) before the run: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0]!.toFixed(1)}, on ${os.cpus().length} cores${loadBefore > os.cpus().length ? ' (the machine was busy with other work: the figures are pessimistic)' : ''}.`,
  '',
  '| request | answer | req/s | p50 | p95 | p99 | body | statuses |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(({ target, request, result, bodyBytes }) =>
    `| ${target} | ${request} | ${result.requests.average.toFixed(0)} | ${ms(result.latency.p50)} | ${ms(percentile95(result))} | ${ms(result.latency.p99)} | ${bodyBytes ? `${(bodyBytes / 1024).toFixed(1)} KB` : 'none'} | ${statuses(result)} |`),
  '',
  '## Reading the figures',
  '',
  '- A 304 is computed like a 200: the CMS runs the query, serializes the response and hashes it, then',
  '  compares the tag (apps/cms/src/middlewares/http-cache.ts). What `If-None-Match` saves is the body on the',
  '  wire and the client\'s parsing, not the server\'s work: the server-side gain is the cost of sending the body.',
  '  For a partner that polls, that is the difference between downloading the whole page every time and a',
  '  few hundred bytes of headers.',
  '- The list is the heavier request: every article with author, categories, cover, book, answers and SEO',
  '  populated. Partners who only need some attributes can ask for them with `fields` and `populate`.',
  '- Anonymous readers (no token) get the same figures with `Cache-Control: public`, which also lets a CDN or',
  '  reverse proxy in front of the CMS answer them without reaching it at all.',
  '',
].join('\n');
mkdirSync(path.join(root, 'docs/benchmarks'), { recursive: true });
writeFileSync(path.join(root, 'docs/benchmarks/api.md'), report);
console.log(report);
