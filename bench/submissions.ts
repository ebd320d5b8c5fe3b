// Benchmark of POST /api/testimony-submissions against the BUILT CMS (run
// `pnpm bench:submissions`; it builds first). Two phases, each on a fresh CMS:
//  1. capacity: valid, pre-solved submissions with the rate limits off;
//     accepted submissions/s and latency percentiles;
//  2. flood: 2,000 submissions from one client with the default limits, while
//     another client reads /api/articles; how many are accepted, and that
//     reader's latency compared with a quiet baseline.
// Writes docs/benchmarks/submissions.md.
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { solveChallenge } from 'altcha-lib';
import { root, startCms, type Service } from '../e2e/stack.ts';

const CAPACITY_REQUESTS = Number(process.env.BENCH_CAPACITY_REQUESTS ?? 400);
const FLOOD_REQUESTS = 2000;
const ALTCHA_MAX_NUMBER = '5000';
/** Shorter than the flood, so the busy reading happens entirely during it. */
const READER_SECONDS = 5;

interface Challenge { algorithm: string; challenge: string; salt: string; signature: string; maxnumber?: number }

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`[GET] "${url}": ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A valid submission body with its own form token and solved challenge. */
async function validBody(cms: Service, i: number, formToken: string): Promise<string> {
  const challenge = await json<Challenge>(`${cms.url}/api/altcha/challenge`);
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber ?? 1e6).promise;
  if (!solution) throw new Error('ALTCHA challenge not solved');
  const altcha = Buffer.from(JSON.stringify({ ...challenge, number: solution.number, took: solution.took })).toString('base64');
  return JSON.stringify({
    data: {
      role: i % 2 ? 'cliente' : 'operatore',
      displayName: `Lettore ${i}`,
      contactEmail: `lettore${i}@example.org`,
      sector: 'telefonia',
      companyBrand: 'Gestore Esempio',
      channel: 'assistenza_telefonica',
      eventMonth: '2019-03',
      title: `Storia di prova numero ${i}`,
      story: `Ho chiamato il servizio clienti per la stessa bolletta ${i} volte, ogni volta una risposta diversa. `.repeat(4),
      consentToPublish: true,
      privacyAccepted: true,
      website: '',
      formToken,
      altcha,
    },
  });
}

async function prepareBodies(cms: Service, count: number): Promise<string[]> {
  const { data } = await json<{ data: { token: string; minFillSeconds: number } }>(`${cms.url}/api/form-tokens/testimony`);
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) bodies.push(await validBody(cms, i, data.token));
  await sleep(data.minFillSeconds * 1000 + 100);
  return bodies;
}

function fire(url: string, bodies: string[], connections: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${url}/api/testimony-submissions`,
    connections,
    amount: bodies.length,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
    }],
  });
}

const reader = (url: string, seconds: number) =>
  autocannon({ url: `${url}/api/articles`, connections: 4, duration: seconds });

const ms = (value: number) => `${value.toFixed(1)} ms`;
const statusLine = (r: autocannon.Result) =>
  `2xx ${r['2xx']}, 4xx ${r['4xx']}, 5xx ${r['5xx']}, errors ${r.errors}, timeouts ${r.timeouts}`;

async function capacity(): Promise<string> {
  const cms = await startCms({
    ALTCHA_MAX_NUMBER,
    FORM_MIN_FILL_SECONDS: '1',
    RATE_LIMIT_SUBMISSIONS_PER_IP: '0',
    RATE_LIMIT_SUBMISSIONS_GLOBAL: '0',
    RATE_LIMIT_CHALLENGES_PER_IP: '0',
  });
  try {
    const bodies = await prepareBodies(cms, CAPACITY_REQUESTS);
    const result = await fire(cms.url, bodies, 8);
    const accepted = result['2xx'];
    return [
      `### Capacity (rate limits off, ${bodies.length} valid submissions, 8 connections)`,
      '',
      '| accepted/s | p50 | p95 | p99 | max | statuses |',
      '| --- | --- | --- | --- | --- | --- |',
      `| ${(accepted / (result.duration)).toFixed(1)} | ${ms(result.latency.p50)} | ${ms(result.latency.p97_5 > 0 ? percentile95(result) : 0)} | ${ms(result.latency.p99)} | ${ms(result.latency.max)} | ${statusLine(result)} |`,
    ].join('\n');
  } finally {
    await cms.stop();
  }
}

/** autocannon reports p90 and p97.5; p95 is interpolated between them. */
const percentile95 = (r: autocannon.Result) => r.latency.p90 + (r.latency.p97_5 - r.latency.p90) * (5 / 7.5);

async function flood(): Promise<string> {
  const cms = await startCms({ ALTCHA_MAX_NUMBER, FORM_MIN_FILL_SECONDS: '1', RATE_LIMIT_CHALLENGES_PER_IP: '0' });
  try {
    await reader(cms.url, 5); // warm-up (JIT, caches), not reported
    const quiet = await reader(cms.url, READER_SECONDS);
    const bodies = await prepareBodies(cms, 20);
    const [attack, busy] = await Promise.all([
      fire(cms.url, bodies.concat(Array(FLOOD_REQUESTS - bodies.length).fill(bodies[0])), 16),
      reader(cms.url, READER_SECONDS),
    ]);
    return [
      `### Flood (default limits: 5 per IP and 120 overall per 10 minutes; ${FLOOD_REQUESTS} submissions from one client, 16 connections)`,
      '',
      `- accepted (202): **${attack['2xx']}** of ${attack.requests.total}; refused ${attack['4xx']} (429 after the per-IP limit), 5xx ${attack['5xx']}; flood rate ${attack.requests.average.toFixed(0)} req/s, p95 ${ms(percentile95(attack))}`,
      '',
      `- the flood lasted ${attack.duration.toFixed(1)} s`,
      '',
      `| another client reading /api/articles (4 connections, ${READER_SECONDS} s) | req/s | p50 | p95 | p99 |`,
      '| --- | --- | --- | --- | --- |',
      `| quiet | ${quiet.requests.average.toFixed(0)} | ${ms(quiet.latency.p50)} | ${ms(percentile95(quiet))} | ${ms(quiet.latency.p99)} |`,
      `| during the flood | ${busy.requests.average.toFixed(0)} | ${ms(busy.latency.p50)} | ${ms(percentile95(busy))} | ${ms(busy.latency.p99)} |`,
    ].join('\n');
  } finally {
    await cms.stop();
  }
}

const sections = [await capacity(), await flood()];
const report = [
  '# Testimony submissions: benchmark',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`pnpm bench:submissions\` (bench/submissions.ts)`,
  `on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, the built CMS (\`strapi start\`,`,
  `NODE_ENV=production) on SQLite, load generator (autocannon) on the same machine. Challenges use`,
  `ALTCHA_MAX_NUMBER=${ALTCHA_MAX_NUMBER} so that preparing thousands of solutions stays quick; the server's`,
  'verification cost does not depend on it. Each accepted submission is committed (with redaction) before the 202.',
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
mkdirSync(path.join(root, 'docs/benchmarks'), { recursive: true });
writeFileSync(path.join(root, 'docs/benchmarks/submissions.md'), report);
console.log(report);
