import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAltchaChallenge } from '../src/api/anti-abuse/lib/altcha';
import { hashIp } from '../src/api/anti-abuse/lib/client-ip';
import { loadAntiAbuseConfig, type AntiAbuseConfig } from '../src/api/anti-abuse/lib/config';
import type { AntiAbuseErrorBody } from '../src/api/anti-abuse/lib/errors';
import { issueFormToken } from '../src/api/anti-abuse/lib/form-token';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import type { ChildStrapi } from './helpers/child-strapi';
import { redisPair } from './helpers/redis-pair';
import {
  antiAbuseFields,
  antiAbuseTestEnv,
  redisSkipReason,
  solveAltcha,
  solvedAltcha,
} from './helpers/anti-abuse';

/**
 * The anti-abuse layer end to end: the two public GET endpoints, and the
 * `api::anti-abuse.anti-abuse` middleware in front of POST /api/testimony-submissions.
 * Strapi trusts X-Forwarded-For here (IS_PROXIED=true), so each test plays
 * its own clients by address; one test checks the header is ignored otherwise.
 */

const SUBMISSIONS = '/api/testimony-submissions';
const SUBMISSION_UID = 'api::testimony-submission.testimony-submission';

/** A testimony the endpoint accepts. */
const testimony = () => ({
  role: 'cliente',
  displayName: 'Lettrice di prova',
  sector: 'telefonia',
  companyBrand: 'Gestore di esempio',
  channel: 'assistenza_telefonica',
  eventMonth: '2024-03',
  title: 'Tre operatori, tre risposte diverse',
  story:
    'Ho chiamato l\'assistenza tre volte per lo stesso addebito non dovuto. Il primo operatore mi ha detto che '
    + 'bastava aspettare la bolletta successiva, il secondo che dovevo inviare un reclamo scritto, il terzo che '
    + 'il reclamo non era mai arrivato e che dovevo ricominciare da capo. Alla fine ho dovuto rivolgermi a '
    + 'un\'associazione dei consumatori per ottenere il rimborso.',
  consentToPublish: true,
  privacyAccepted: true,
});

let addresses = 0;
/** A fresh client address (TEST-NET-2), so each test has its own per-IP allowance. */
const newIp = () => `198.51.100.${++addresses}`;
const from = (ip: string) => ({ 'x-forwarded-for': ip });

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function post(base: string, body: unknown, ip: string, raw = false): Promise<Answer> {
  const res = await fetch(`${base}${SUBMISSIONS}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from(ip) },
    body: raw ? String(body) : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

const errorOf = (answer: Answer) => (answer.body as AntiAbuseErrorBody).error;
const codeOf = (answer: Answer) => errorOf(answer)?.details?.errors?.[0]?.code;

function expectRefusal(answer: Answer, status: 400 | 429, code: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toEqual({
    data: null,
    error: {
      status,
      name: status === 429 ? 'RateLimitError' : 'ValidationError',
      message: expect.any(String),
      details: { errors: [{ field: '_form', code, message: expect.any(String) }] },
    },
  });
}

/** The overall limit of the one-instance suite. */
const OVERALL_LIMIT = 10;

/** POSTs a body as Transfer-Encoding: chunked (no Content-Length), in 16 KB chunks, and reads the answer. */
function postChunked(base: string, body: string, ip: string, contentType = 'application/json'): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(`${base}${SUBMISSIONS}`);
    const req = httpRequest(
      // A connection of its own: the server stops reading a refused body, so the socket is not reusable.
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { 'content-type': contentType, 'transfer-encoding': 'chunked', ...from(ip) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, headers: new Headers(response.headers as Record<string, string>), body: parsed });
        });
      },
    );
    // The server may answer and close before the whole body is sent: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    for (let offset = 0; offset < body.length; offset += 16 * 1024) req.write(body.slice(offset, offset + 16 * 1024));
    req.end();
  });
}

describe('anti-abuse (one instance, memory store)', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;
  let config: AntiAbuseConfig;
  const submissionCount = () => cms.strapi.db.query(SUBMISSION_UID).count({});

  beforeAll(async () => {
    delete process.env.REDIS_URL;
    database = createSqliteDatabase();
    cms = await startStrapi(database, {
      ...antiAbuseTestEnv,
      ANTI_ABUSE_SECRET: randomBytes(32).toString('base64'),
      IS_PROXIED: 'true',
      RATE_LIMIT_SUBMISSIONS_PER_IP: '3',
      // Counted only by submissions that pass every check (a handful in this suite), never by junk.
      RATE_LIMIT_SUBMISSIONS_GLOBAL: String(OVERALL_LIMIT),
      RATE_LIMIT_CHALLENGES_PER_IP: '20',
    });
    // The same keys as the running instance: to forge expired tokens and challenges.
    config = loadAntiAbuseConfig(process.env);
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
  });

  describe('GET /api/form-tokens/:form', () => {
    it('issues a signed token, the minimum fill time and the expiry, never cached', async () => {
      const res = await fetch(`${cms.url}/api/form-tokens/testimony`, { headers: from(newIp()) });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const { data } = (await res.json()) as { data: { token: string; minFillSeconds: number; expiresAt: string } };
      expect(data.token).toMatch(/^v1\.testimony\./);
      expect(data.minFillSeconds).toBe(1);
      const ttl = Date.parse(data.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(7_100_000);
      expect(ttl).toBeLessThanOrEqual(7_200_000);
    });

    it('answers 400 for an unknown form', async () => {
      const res = await fetch(`${cms.url}/api/form-tokens/sondaggio`, { headers: from(newIp()) });
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as AntiAbuseErrorBody;
      expect(body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', details: { errors: [{ field: 'form', code: 'form.invalid' }] } } });
    });
  });

  describe('GET /api/altcha/challenge', () => {
    it('serves the challenge JSON the widget expects, with an expiry, never cached', async () => {
      const res = await fetch(`${cms.url}/api/altcha/challenge`, { headers: from(newIp()) });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const challenge = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(challenge).sort()).toEqual(['algorithm', 'challenge', 'maxnumber', 'salt', 'signature']);
      expect(challenge).toMatchObject({ algorithm: 'SHA-256', maxnumber: 1000 });
      expect(challenge.salt).toMatch(/\?expires=\d{10}&$/);
    });

    it('limits both endpoints per client, each with its own counter, with Retry-After', async () => {
      const ip = newIp();
      for (let i = 0; i < 20; i++) expect((await fetch(`${cms.url}/api/altcha/challenge`, { headers: from(ip) })).status).toBe(200);
      const res = await fetch(`${cms.url}/api/altcha/challenge`, { headers: from(ip) });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(500);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect((await res.json()) as AntiAbuseErrorBody).toMatchObject({ error: { name: 'RateLimitError', details: { errors: [{ code: 'rate_limited' }] } } });
      expect((await fetch(`${cms.url}/api/form-tokens/testimony`, { headers: from(ip) })).status).toBe(200);
      expect((await fetch(`${cms.url}/api/altcha/challenge`, { headers: from(newIp()) })).status).toBe(200);
    });
  });

  describe('POST /api/testimony-submissions', () => {
    it('accepts a legitimate submission, strips the anti-abuse fields, stores only the hashed address', async () => {
      const ip = newIp();
      const before = await submissionCount();
      const res = await post(cms.url, { data: { ...testimony(), ...(await antiAbuseFields(cms.url, 'testimony', from(ip))) } }, ip);
      // The endpoint's strict schema refuses unknown fields: reaching 202 means they were removed.
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      expect(await submissionCount()).toBe(before + 1);
      const row = (await cms.strapi.db.query(SUBMISSION_UID).findOne({ orderBy: { id: 'desc' } })) as { ipHash: string } | null;
      expect(row?.ipHash).toBe(hashIp(config.ipHashKey, ip));
      expect(JSON.stringify(row)).not.toContain(ip);
    });

    it('refuses a missing challenge', async () => {
      const ip = newIp();
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip));
      const res = await post(cms.url, { data: { ...testimony(), ...fields, altcha: undefined } }, ip);
      expectRefusal(res, 400, 'antiabuse.challenge_missing');
      expect(errorOf(res).details.errors[0]?.message).toMatch(/verifica anti-spam/);
    });

    it('accepts each challenge solution once', async () => {
      const ip = newIp();
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip));
      expect((await post(cms.url, { data: { ...testimony(), ...fields } }, ip)).status).toBe(202);
      const before = await submissionCount();
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields } }, ip), 400, 'antiabuse.challenge_replayed');
      expect(await submissionCount()).toBe(before);
    });

    it('refuses an expired challenge', async () => {
      const ip = newIp();
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip));
      const issued = Date.now() - (config.altcha.expiresSeconds + 5) * 1000;
      const expired = await solveAltcha(await createAltchaChallenge({ hmacKey: config.altchaKey, ...config.altcha }, issued));
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields, altcha: expired } }, ip), 400, 'antiabuse.challenge_expired');
    });

    it('refuses a forged or tampered challenge', async () => {
      const ip = newIp();
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip));
      const forged = await solveAltcha(await createAltchaChallenge({ ...config.altcha, hmacKey: randomBytes(32).toString('hex') }));
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields, altcha: forged } }, ip), 400, 'antiabuse.challenge_invalid');
      const payload = JSON.parse(Buffer.from(fields.altcha, 'base64').toString()) as { number: number };
      const tampered = Buffer.from(JSON.stringify({ ...payload, number: payload.number + 1 })).toString('base64');
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields, altcha: tampered } }, ip), 400, 'antiabuse.challenge_invalid');
    });

    it('refuses a filled honeypot, and stores nothing', async () => {
      const ip = newIp();
      const before = await submissionCount();
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip));
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields, website: 'https://spam.example' } }, ip), 400, 'antiabuse.honeypot');
      expect(await submissionCount()).toBe(before);
    });

    it('refuses a form sent sooner than the minimum fill time', async () => {
      const ip = newIp();
      const { data } = (await (await fetch(`${cms.url}/api/form-tokens/testimony`, { headers: from(ip) })).json()) as { data: { token: string } };
      const altcha = await solvedAltcha(cms.url, from(ip));
      const res = await post(cms.url, { data: { ...testimony(), formToken: data.token, altcha, website: '' } }, ip);
      expectRefusal(res, 400, 'antiabuse.too_fast');
      expect(errorOf(res).details.errors[0]?.message).toMatch(/troppo in fretta/);
    });

    it('refuses a token issued for another form, a tampered one, an expired one and a missing one', async () => {
      const ip = newIp();
      const contact = await antiAbuseFields(cms.url, 'contact', from(ip));
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...contact } }, ip), 400, 'antiabuse.token_invalid');

      const ip2 = newIp();
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip2));
      const tampered = fields.formToken.replace(/\.(\d+)\./, (_m, t: string) => `.${Number(t) - 60_000}.`);
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields, formToken: tampered } }, ip2), 400, 'antiabuse.token_invalid');
      const expired = issueFormToken(config.formTokenKey, 'testimony', config.formToken.ttlSeconds, Date.now() - config.formToken.ttlSeconds * 1000 - 5000).token;
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields, formToken: expired } }, ip2), 400, 'antiabuse.token_expired');
      expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields, formToken: undefined } }, ip2), 400, 'antiabuse.token_missing');
    });

    it('answers 429 with Retry-After after the per-client limit, whatever the request; other clients go on', async () => {
      const ip = newIp();
      for (let i = 0; i < 3; i++) expectRefusal(await post(cms.url, { data: {} }, ip), 400, 'antiabuse.token_missing');
      const limited = await post(cms.url, { data: { ...testimony(), ...(await antiAbuseFields(cms.url, 'testimony', from(ip))) } }, ip);
      expectRefusal(limited, 429, 'rate_limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(500);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(errorOf(limited).details.errors[0]?.message).toMatch(/riprova tra \d+ minuti/);
      expect(codeOf(await post(cms.url, { data: {} }, newIp()))).toBe('antiabuse.token_missing');
    });

    it.each([
      ['invalid JSON', '{"data": {', true],
      ['a JSON array', '[{"data": {}}]', true],
      ['a JSON string', '"data"', true],
      ['data as an array', { data: [1, 2] }, false],
      ['data as null', { data: null }, false],
      ['no data', { website: '' }, false],
      ['a token of the wrong type', { data: { formToken: { $gt: '' }, altcha: 42 } }, false],
    ])('answers 400, never 500, to %s', async (_label, body, raw) => {
      const res = await post(cms.url, body, newIp(), raw);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400);
      expect(res.body).toMatchObject({ data: null, error: { status: 400 } });
    });

    // Huge, but under the body size limit (above it, Strapi's body parser answers 413 first).
    it.each([
      ['honeypot', { website: 'x'.repeat(50_000) }, 'antiabuse.honeypot'],
      ['token', { formToken: 'v1.'.repeat(16_000) }, 'antiabuse.token_invalid'],
      ['ALTCHA payload', { formToken: 'x', altcha: 'A'.repeat(50_000) }, 'antiabuse.token_invalid'],
    ])('answers 400 to a huge %s', async (_label, data, code) => {
      expectRefusal(await post(cms.url, { data }, newIp()), 400, code);
    });

    it('answers 400 to a huge ALTCHA payload with a valid token', async () => {
      const ip = newIp();
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip));
      expectRefusal(await post(cms.url, { data: { ...fields, altcha: 'A'.repeat(50_000) } }, ip), 400, 'antiabuse.challenge_invalid');
    });

    it('does not close the form for a valid submitter when junk comes from many addresses', async () => {
      // Four times the overall limit, from as many addresses, each within its own limit.
      for (let i = 0; i < OVERALL_LIMIT * 4; i++) {
        const junk = [{ data: {} }, { data: { website: 'https://spam.example' } }, { data: { formToken: 'v1.x', altcha: 'x' } }][i % 3];
        expect(codeOf(await post(cms.url, junk, newIp()))).toMatch(/^antiabuse\./);
      }
      const ip = newIp();
      const res = await post(cms.url, { data: { ...testimony(), ...(await antiAbuseFields(cms.url, 'testimony', from(ip))) } }, ip);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
    });

    it('caps a chunked body (no Content-Length) at 64 KB with a 413 before any anti-abuse check', async () => {
      const ip = newIp();
      const huge = JSON.stringify({ data: { ...testimony(), story: 'x'.repeat(200 * 1024) } });
      const res = await postChunked(cms.url, huge, ip);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(413);
      expect(res.body).toMatchObject({
        data: null,
        error: {
          status: 413,
          name: 'PayloadTooLargeError',
          message: expect.stringMatching(/too large.*64 KB/),
          details: { errors: [{ field: '_form', code: 'body.too_large', message: expect.stringMatching(/troppo lungo \(al massimo 64 KB\)/) }] },
        },
      });

      // The same as multipart/form-data (no public route takes it, but the parser reads it first).
      const boundary = 'chiudete-test-boundary';
      const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${'x'.repeat(200 * 1024)}\r\n--${boundary}--\r\n`;
      const multipartAnswer = await postChunked(cms.url, multipart, ip, `multipart/form-data; boundary=${boundary}`);
      expect(multipartAnswer.status, JSON.stringify(multipartAnswer.body).slice(0, 300)).toBe(413);
      expect(multipartAnswer.body).toMatchObject({ data: null, error: { status: 413, name: 'PayloadTooLargeError', details: { errors: [{ code: 'body.too_large' }] } } });

      // A small chunked body is read as usual: it reaches the anti-abuse checks, then the endpoint.
      expectRefusal(await postChunked(cms.url, JSON.stringify({ data: {} }), ip), 400, 'antiabuse.token_missing');
      const fields = await antiAbuseFields(cms.url, 'testimony', from(ip));
      expect((await postChunked(cms.url, JSON.stringify({ data: { ...testimony(), ...fields } }), ip)).status).toBe(202);
    });

    it('ignores X-Forwarded-For unless Strapi trusts a proxy (IS_PROXIED)', async () => {
      const { app } = cms.strapi.server;
      app.proxy = false;
      try {
        // Three different forged addresses, one real client: one allowance.
        for (let i = 0; i < 3; i++) expect(codeOf(await post(cms.url, { data: {} }, newIp()))).toBe('antiabuse.token_missing');
        expectRefusal(await post(cms.url, { data: {} }, newIp()), 429, 'rate_limited');
      } finally {
        app.proxy = true;
      }
      expect(codeOf(await post(cms.url, { data: {} }, newIp()))).toBe('antiabuse.token_missing');
    });
  });
});

describe('anti-abuse under a flood of valid solutions (memory store, small cap of used challenges)', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;
  const CAP = 2;

  beforeAll(async () => {
    delete process.env.REDIS_URL;
    database = createSqliteDatabase();
    cms = await startStrapi(database, {
      ...antiAbuseTestEnv,
      ANTI_ABUSE_SECRET: randomBytes(32).toString('base64'),
      IS_PROXIED: 'true',
      SEED_DEMO_CONTENT: 'false',
      ANTI_ABUSE_MEMORY_MAX_USED_CHALLENGES: String(CAP),
    });
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
    delete process.env.ANTI_ABUSE_MEMORY_MAX_USED_CHALLENGES;
  });

  it('refuses new solutions and new challenges with 429 when full, and never forgets a used one', async () => {
    const ips = Array.from({ length: CAP + 1 }, newIp);
    const fields = await Promise.all(ips.map((ip) => antiAbuseFields(cms.url, 'testimony', from(ip))));
    for (let i = 0; i < CAP; i++) expect((await post(cms.url, { data: { ...testimony(), ...fields[i] } }, ips[i]!)).status).toBe(202);

    const busy = await post(cms.url, { data: { ...testimony(), ...fields[CAP] } }, ips[CAP]!);
    expectRefusal(busy, 429, 'antiabuse.busy');
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(errorOf(busy).details.errors[0]?.message).toMatch(/troppi invii/);

    const challenge = await fetch(`${cms.url}/api/altcha/challenge`, { headers: from(newIp()) });
    expect(challenge.status).toBe(429);
    expect(Number(challenge.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await challenge.json()) as AntiAbuseErrorBody).toMatchObject({ error: { status: 429, name: 'RateLimitError', details: { errors: [{ code: 'antiabuse.busy' }] } } });

    // The used solutions are still remembered: replaying one is refused, not accepted.
    expectRefusal(await post(cms.url, { data: { ...testimony(), ...fields[0] } }, newIp()), 400, 'antiabuse.challenge_replayed');
  });
});

const redisSkip = await redisSkipReason();

describe.skipIf(redisSkip)('anti-abuse shared by two Strapi instances on one Redis', () => {
  const pair = redisPair('anti-abuse-it');
  let a: RunningStrapi;
  let b: ChildStrapi;
  /** Submissions accepted so far: the only ones the overall limit counts. */
  let accepted = 0;
  const OVERALL = 6;

  beforeAll(async () => {
    ({ a, b } = await pair.start({
      ...antiAbuseTestEnv,
      ANTI_ABUSE_SECRET: randomBytes(32).toString('base64'),
      IS_PROXIED: 'true',
      RATE_LIMIT_SUBMISSIONS_PER_IP: '4',
      RATE_LIMIT_SUBMISSIONS_GLOBAL: String(OVERALL),
    }));
  });

  afterAll(() => pair.stop());

  it('accepts a token and a challenge issued by one instance on the other, once', async () => {
    const ip = newIp();
    const fields = await antiAbuseFields(b.url, 'testimony', from(ip));
    expect((await post(a.url, { data: { ...testimony(), ...fields } }, ip)).status).toBe(202);
    expectRefusal(await post(b.url, { data: { ...testimony(), ...fields } }, ip), 400, 'antiabuse.challenge_replayed');
    accepted += 1;
  });

  it('hits the per-client limit at the same total with requests split across both instances', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(i % 2 === 0 ? a.url : b.url, { data: {} }, ip)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
  });

  it('hits the overall limit at the same total across both instances, counting only submissions that passed every check', async () => {
    // Junk from many addresses, on both instances: never counted.
    for (let i = 0; i < OVERALL * 3; i++) expect(codeOf(await post(i % 2 === 0 ? a.url : b.url, { data: {} }, newIp()))).toBe('antiabuse.token_missing');

    const ips = Array.from({ length: OVERALL - accepted + 1 }, newIp);
    const fields = await Promise.all(ips.map((ip, i) => antiAbuseFields(i % 2 === 0 ? b.url : a.url, 'testimony', from(ip))));
    const answers: Answer[] = [];
    for (const [i, ip] of ips.entries()) answers.push(await post(i % 2 === 0 ? a.url : b.url, { data: { ...testimony(), ...fields[i] } }, ip));
    expect(answers.map((answer) => answer.status)).toEqual([...Array.from({ length: OVERALL - accepted }, () => 202), 429]);
    const limited = answers.at(-1)!;
    expectRefusal(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
