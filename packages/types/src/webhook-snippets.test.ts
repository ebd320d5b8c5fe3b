// The verification snippets partners copy (docs/examples/webhooks: Node,
// Python, the node:http server) against the library and the CMS's signer
// (`signWebhookPayload`, what apps/cms/src/api/partner-webhook/lib/deliveries.ts
// sends), and the docs showing them verbatim.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookServer } from '../../../docs/examples/webhooks/server';
import { verifyChiudeteSignature } from '../../../docs/examples/webhooks/verify';
import type { WebhookEvent } from './webhook-event';
import { signWebhookPayload, verifyWebhookSignature } from './webhooks';

const examples = fileURLToPath(new URL('../../../docs/examples/webhooks/', import.meta.url));
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

const secret = 'whsec_snippets_0123456789abcdef0123456789abcdef';
const oldSecret = 'whsec_snippets_old_fedcba9876543210fedcba98765432';
const event: WebhookEvent = {
  id: 'evt_snippets',
  type: 'content.published',
  createdAt: '2026-11-28T10:00:00.000Z',
  data: { type: 'article', documentId: 'abc', slug: 'perché-no', url: 'https://chiudeteicallcenter.eu/articoli/perché-no', apiUrl: 'https://cms.chiudeteicallcenter.eu/api/articles/abc' },
};
const payload = JSON.stringify(event);
// Fresh and stale are far from the 300 s boundary: python3 runs a little later.
const t = Math.floor(Date.now() / 1000) - 5;
const v1 = (header: string) => header.split(',')[1]!;
const good = signWebhookPayload({ payload, secret, timestamp: t });
const withOld = signWebhookPayload({ payload, secret: oldSecret, timestamp: t });
const withOther = signWebhookPayload({ payload, secret: 'whsec_other', timestamp: t });

interface Case {
  name: string;
  header: string | string[] | null;
  secrets: string | string[];
  expected?: boolean;
}

const cases: Case[] = [
  { name: 'a good signature', header: good, secrets: secret, expected: true },
  { name: 'the good v1 first of several', header: `${good},${v1(withOther)},v0=ignored`, secrets: secret, expected: true },
  { name: 'the good v1 last of several', header: `t=${t},${v1(withOther)},${v1(good)}`, secrets: secret, expected: true },
  { name: 'two secrets, signed with the old one', header: withOld, secrets: [secret, oldSecret], expected: true },
  { name: 'two secrets, signed with the new one', header: good, secrets: [oldSecret, secret], expected: true },
  { name: 'two v1 and two secrets (rotation on both sides)', header: `${withOld},${v1(good)}`, secrets: [secret, 'whsec_x'], expected: true },
  { name: 'spaces and tabs around parts', header: ` t = ${t} ,\tv1=${v1(good).slice(3)}\t`, secrets: secret, expected: true },
  { name: 'upper-case hex', header: `t=${t},v1=${v1(good).slice(3).toUpperCase()}`, secrets: secret, expected: true },
  { name: 'a header split over lines (array)', header: [`t=${t}`, v1(good)], secrets: secret, expected: true },
  { name: 'a wrong secret', header: good, secrets: 'whsec_other', expected: false },
  { name: 'wrong secrets (two)', header: good, secrets: ['whsec_other', oldSecret], expected: false },
  { name: 'a stale timestamp', header: signWebhookPayload({ payload, secret, timestamp: t - 1000 }), secrets: secret, expected: false },
  { name: 'a timestamp from the future', header: signWebhookPayload({ payload, secret, timestamp: t + 1000 }), secrets: secret, expected: false },
  { name: 'a changed body', header: signWebhookPayload({ payload: `${payload} `, secret, timestamp: t }), secrets: secret, expected: false },
  { name: 'no header', header: null, secrets: secret, expected: false },
  { name: 'an empty header', header: '', secrets: secret, expected: false },
  { name: 'an empty array', header: [], secrets: secret, expected: false },
  { name: 'garbage', header: 'garbage', secrets: secret, expected: false },
  { name: 'only separators', header: ',,=,==', secrets: secret, expected: false },
  { name: 'no t', header: v1(good), secrets: secret, expected: false },
  { name: 'no v1', header: `t=${t}`, secrets: secret, expected: false },
  { name: 'an empty t', header: `t=,${v1(good)}`, secrets: secret, expected: false },
  { name: 'a non-numeric t', header: `t=${t}x,${v1(good)}`, secrets: secret, expected: false },
  { name: 'a negative t', header: `t=-${t},${v1(good)}`, secrets: secret, expected: false },
  { name: 'a fractional t', header: `t=${t}.0,${v1(good)}`, secrets: secret, expected: false },
  { name: 'a huge t', header: `t=${'9'.repeat(400)},${v1(good)}`, secrets: secret, expected: false },
  { name: 'a truncated v1', header: good.slice(0, -2), secrets: secret, expected: false },
  { name: 'a non-hex v1', header: `${good.slice(0, -1)}g`, secrets: secret, expected: false },
  { name: 'semicolons', header: good.replace(',', ';'), secrets: secret, expected: false },
  { name: 'another scheme only', header: good.replace('v1=', 'v0='), secrets: secret, expected: false },
];

/** Runs verify.py's `verify` on every case in one python3 process. */
function runPython(batch: readonly Case[]): boolean[] {
  const harness = [
    'import base64, json, sys',
    'sys.path.insert(0, sys.argv[1])',
    'from verify import verify',
    'body = base64.b64decode(sys.argv[2])',
    'print(json.dumps([verify(body, case["header"], case["secrets"]) for case in json.load(sys.stdin)]))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', harness, examples, Buffer.from(payload).toString('base64')], { input: JSON.stringify(batch), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as boolean[];
}

const library = (header: Case['header'], secrets: Case['secrets']) => verifyWebhookSignature({ payload: Buffer.from(payload), header, secret: secrets });
const node = (header: Case['header'], secrets: Case['secrets']) => verifyChiudeteSignature(Buffer.from(payload), header, secrets);

function pythonAvailable(): boolean {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return true;
  const problem = probe.error?.message ?? probe.stderr;
  if (process.env.REQUIRE_PYTHON === '1') throw new Error(`REQUIRE_PYTHON=1 but python3 does not run (${problem}): the Python snippet's tests cannot be skipped.`);
  const reason = `python3 does not run (${problem}): SKIPPING the tests of docs/examples/webhooks/verify.py.`;
  console.warn(`\n${'!'.repeat(reason.length)}\n${reason}\n${'!'.repeat(reason.length)}\n`);
  return false;
}
const hasPython = pythonAvailable();

describe('webhook verification snippets agree with the library', () => {
  it.each(cases)('library and Node snippet: $name', ({ header, secrets, expected }) => {
    expect(library(header, secrets)).toBe(expected);
    expect(node(header, secrets)).toBe(expected);
  });

  it.skipIf(!hasPython)('Python snippet: every case', () => {
    const results = runPython(cases);
    expect(Object.fromEntries(cases.map((entry, index) => [entry.name, results[index]]))).toEqual(Object.fromEntries(cases.map((entry) => [entry.name, entry.expected])));
  });

  it('the snippets refuse an empty secret (an unset variable), where the library throws', () => {
    const forged = signWebhookPayload({ payload, secret: '', timestamp: t });
    expect(node(forged, '')).toBe(false);
    expect(node(forged, ['', 'whsec_other'])).toBe(false);
    expect(() => library(forged, '')).toThrow(/secret is empty/);
    if (hasPython) expect(runPython([{ name: 'empty', header: forged, secrets: '' }, { name: 'empties', header: forged, secrets: ['', 'whsec_other'] }])).toEqual([false, false]);
  });

  // Headers made of the header's own pieces, garbled: the three agree and never throw.
  const piece = fc.constantFrom('t', 'v1', 'v0', '=', ',', ' ', '\t', `${t}`, `${t - 1000}`, v1(good).slice(3), v1(withOld).slice(3), v1(withOther).slice(3), 'x', '-', '0');
  const garbled = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
    fc.array(fc.constantFrom(`t=${t}`, v1(good), v1(withOld), v1(withOther), 't=x', 'v1=', ' ', ''), { maxLength: 5 }).map((parts) => parts.join(',')),
    fc.string({ maxLength: 80 }),
  );
  const header = fc.oneof(garbled, fc.array(garbled, { maxLength: 3 }), fc.constant(null));
  const secrets = fc.oneof(fc.constantFrom(secret, oldSecret, 'whsec_other'), fc.subarray([secret, oldSecret, 'whsec_other'], { minLength: 1 }));

  it('header fuzz: the library and the Node snippet answer alike, never throwing', () => {
    fc.assert(fc.property(header, secrets, (h, s) => {
      expect(node(h, s)).toBe(library(h, s));
    }), { numRuns: 2000 });
  });

  it.skipIf(!hasPython)('header fuzz: the Python snippet answers as the library', () => {
    const batch: Case[] = fc.sample(fc.record({ header, secrets }), { numRuns: 400, seed: 17 }).map((sample, index) => ({ name: `#${index}`, ...sample }));
    const results = runPython(batch);
    const mismatches = batch.filter((sample, index) => results[index] !== library(sample.header, sample.secrets));
    expect(mismatches).toEqual([]);
    // The fuzz reaches both answers.
    expect(new Set(results)).toEqual(new Set([true, false]));
  });
});

describe('the docs show the snippets verbatim', () => {
  const fenced = (language: string, file: string) => `\`\`\`${language}\n${readFileSync(`${examples}${file}`, 'utf8')}\`\`\`\n`;

  it('docs/partners.md: verify.ts and verify.py', () => {
    const guide = read('../../../docs/partners.md');
    expect(guide).toContain(fenced('ts', 'verify.ts'));
    expect(guide).toContain(fenced('python', 'verify.py'));
  });

  it('packages/types/README.md: server.ts', () => {
    expect(read('../README.md')).toContain(fenced('ts', 'server.ts'));
  });
});

describe('the README\'s node:http server', () => {
  const handled: string[] = [];
  const logged: unknown[] = [];
  const server = createWebhookServer({
    secret: [secret, oldSecret],
    handle: async (received) => {
      if (received.type !== 'webhook.ping' && received.data.documentId === 'boom') throw new Error('the handler failed');
      handled.push(received.id);
    },
    log: (_message, error) => void logged.push(error),
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: string, signature?: string) => fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-chiudete-signature': signature } : {}) },
  });

  it('answers 204 to a signed delivery, after handling it', async () => {
    const response = await post(payload, signWebhookPayload({ payload, secret }));
    expect(response.status).toBe(204);
    expect(handled).toEqual([event.id]);
  });

  it('answers 401 to a bad or missing signature, 400 to a signed body that is not an event', async () => {
    expect((await post(payload, signWebhookPayload({ payload, secret: 'whsec_other' }))).status).toBe(401);
    expect((await post(payload)).status).toBe(401);
    expect((await post(payload, 'garbage')).status).toBe(401);
    const notAnEvent = '{"hello":"world"}';
    expect((await post(notAnEvent, signWebhookPayload({ payload: notAnEvent, secret: oldSecret }))).status).toBe(400);
    expect(handled).toEqual([event.id]);
  });

  it('acknowledges a signed event of a type newer than the client (204) without handling it', async () => {
    const newer = JSON.stringify({ ...event, id: 'evt_newer', type: 'content.archived' });
    expect((await post(newer, signWebhookPayload({ payload: newer, secret }))).status).toBe(204);
    expect(handled).toEqual([event.id]);
  });

  it('answers 500 when the handler fails, logs it, and keeps serving', async () => {
    const failing = JSON.stringify({ ...event, id: 'evt_boom', data: { ...event.data, documentId: 'boom' } });
    expect((await post(failing, signWebhookPayload({ payload: failing, secret }))).status).toBe(500);
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toContain('the handler failed');
    expect((await post(payload, signWebhookPayload({ payload, secret: oldSecret }))).status).toBe(204);
    expect(handled).toEqual([event.id, event.id]);
  });

  it('acknowledges a test ping from the CMS admin (204)', async () => {
    const ping = JSON.stringify({ id: 'evt_ping', type: 'webhook.ping', createdAt: '2026-11-28T10:00:00.000Z', data: { webhook: 'Partner' } });
    expect((await post(ping, signWebhookPayload({ payload: ping, secret }))).status).toBe(204);
    expect(handled).toEqual([event.id, event.id, 'evt_ping']);
  });
});
