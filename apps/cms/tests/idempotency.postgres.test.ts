import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_HEADER, type SubmissionReceipt, type SubmissionState } from '@chiudete/types';
import { postgresSkipReason } from './helpers/database';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { antiAbuseFields, antiAbuseTestEnv, deleteRedisKeys, redisSkipReason, testRedisUrl, uniqueRedisPrefix, type AntiAbuseFields } from './helpers/anti-abuse';
import { startSmtp, type TestSmtp } from './helpers/smtp';
import { expectNothingMoreFor } from './helpers/nothing-more';
import { fillOwner, rateLimitKeys } from '../src/api/anti-abuse/lib/guard';
import { RedisStore } from '../src/api/anti-abuse/lib/store';

/**
 * The testimony form's Idempotency-Key on PostgreSQL: a retry with the key
 * of a stored submission gets the first 202 (same id, same private token)
 * and stores nothing, also when 20 copies arrive at once (the UNIQUE
 * constraint lets one INSERT win); a malformed key is a 400, a key reused
 * with other content a 422, and one e-mail goes to the redazione per row.
 */

const skip = postgresSkipReason() ?? await redisSkipReason();
/** The anti-abuse store in Redis, as several instances share it: the test plays the instance that died. */
const redisPrefix = uniqueRedisPrefix('idempotency');
const SUBMISSION = 'api::testimony-submission.testimony-submission';

const data = (title = 'Tre chiamate, tre risposte diverse') => ({
  role: 'cliente',
  displayName: 'Marta da Bari',
  sector: 'telefonia',
  companyBrand: 'Gestore Esempio',
  channel: 'assistenza_telefonica',
  eventMonth: '2019-03',
  title,
  story: 'Il 12 marzo ho chiamato il servizio clienti per una bolletta doppia. Tre operatori, tre risposte diverse, e ogni chiamata ripartiva da zero senza che nessuno leggesse la pratica. Alla fine ho dovuto mandare una PEC e aspettare due mesi per il rimborso.',
  consentToPublish: true,
  privacyAccepted: true,
});

interface Answer {
  status: number;
  body: { data?: SubmissionReceipt; error?: { status: number; name: string; message: string } };
  cacheControl: string | null;
}

describe.skipIf(skip)('idempotent testimony submissions (PostgreSQL)', () => {
  let cms: TestStrapi;
  let smtp: TestSmtp;

  const post = async (fields: Record<string, unknown>, key?: string): Promise<Answer> => {
    const res = await fetch(`${cms.url}/api/testimony-submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: key }) },
      body: JSON.stringify({ data: fields }),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'], cacheControl: res.headers.get('cache-control') };
  };
  const rowsWithKey = (key: string) =>
    cms.database.query<{ document_id: string }>('SELECT document_id FROM testimony_submissions WHERE idempotency_key = ?', [key]);

  beforeAll(async () => {
    smtp = await startSmtp();
    cms = await startTestStrapi('postgres', {
      ...antiAbuseTestEnv,
      REDIS_URL: testRedisUrl,
      ANTI_ABUSE_REDIS_PREFIX: redisPrefix,
      CRON_ENABLED: 'false',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      EMAIL_REDAZIONE: 'redazione@example.test',
    });
  });

  afterAll(async () => {
    await cms?.stop();
    await smtp?.close();
    if (!skip) await deleteRedisKeys(redisPrefix);
  });

  it('stores the key under a UNIQUE constraint in PostgreSQL', async () => {
    const indexes = await cms.database.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE tablename = \'testimony_submissions\' AND indexdef LIKE \'%idempotency_key%\'');
    expect(indexes.map((index) => index.indexdef)).toEqual([expect.stringMatching(/^CREATE UNIQUE INDEX .* \(idempotency_key\)$/)]);
  });

  it('refuses a malformed key with a 400 that says what a key is, before anything else', async () => {
    for (const key of ['123', 'not-a-uuid-at-all-not-a-uuid-at-all!', `${randomUUID()}x`, 'a'.repeat(500)]) {
      const answer = await post({ ...data(), ...(await antiAbuseFields(cms.url)) }, key);
      expect(answer.status, key).toBe(400);
      expect(answer.body.error?.message).toMatch(/Idempotency-Key header must be a UUID/);
    }
  });

  it('answers a retry with the first 202 and stores one row, even with a spent proof of work', async () => {
    const key = randomUUID();
    const fields = { ...data('Una sola storia, inviata due volte'), ...(await antiAbuseFields(cms.url)) };
    const first = await post(fields, key);
    expect(first.status).toBe(202);
    // The answer was lost (a timeout): the site sends the same fill again, same key, same proof of work.
    const again = await post(fields, key);
    expect(again).toEqual(first);
    expect(again.cacheControl).toBe('no-store');
    // A retry with a fresh form token and proof of work, and the key in upper case: still the same.
    const fresh = await post({ ...data('Una sola storia, inviata due volte'), ...(await antiAbuseFields(cms.url)) }, key.toUpperCase());
    expect(fresh.body).toEqual(first.body);
    expect(await rowsWithKey(key)).toEqual([{ document_id: first.body.data!.id }]);

    // The token of the replayed answer is the stored one: it opens the status page.
    const status = await fetch(`${cms.url}/api/testimony-submissions/status/${first.body.data!.accessToken}`);
    expect(status.status).toBe(200);
    expect(((await status.json()) as { data: SubmissionState }).data.title).toBe('Una sola storia, inviata due volte');
  });

  it('accepts the retry of a fill whose first attempt spent its proof of work and then died, and no other fill reuses that proof', async () => {
    const key = randomUUID();
    const fields = { ...data('Inviata mentre il server si fermava'), ...(await antiAbuseFields(cms.url)) };
    // The first attempt passed the anti-abuse checks on an instance killed before its INSERT:
    // the solution is claimed for this fill, and no row exists.
    const { signature } = JSON.parse(Buffer.from(String(fields.altcha), 'base64').toString()) as { signature: string };
    const store = new RedisStore({ url: testRedisUrl, keyPrefix: redisPrefix });
    try {
      expect(await store.setIfAbsent(rateLimitKeys.usedChallenge(signature), 60_000, fillOwner(key))).toBe(true);
    } finally {
      await store.close();
    }

    const otherFill = await post(fields, randomUUID());
    expect(otherFill.status).toBe(400);
    expect(JSON.stringify(otherFill.body)).toMatch(/already been used|già stata usata|replayed/i);
    expect((await post(fields)).status).toBe(400);

    const retry = await post(fields, key);
    expect(retry.status, JSON.stringify(retry.body)).toBe(202);
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('refuses the key of a stored submission with other content (422), and stores nothing', async () => {
    const key = randomUUID();
    expect((await post({ ...data('La prima versione'), ...(await antiAbuseFields(cms.url)) }, key)).status).toBe(202);
    const other = await post({ ...data('Un\'altra storia'), ...(await antiAbuseFields(cms.url)) }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ status: 422, name: 'UnprocessableEntityError', message: expect.stringMatching(/already used for a different submission: generate a new key/) });
    expect(other.cacheControl).toBe('no-store');
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('stores one row when 20 copies with one key arrive at once, and answers each of them the same 202', async () => {
    const key = randomUUID();
    const before = await cms.strapi.db.query(SUBMISSION).count({});
    const mailsBefore = smtp.messages.length;
    // Each copy with its own proof of work, as 20 retries of the site would have.
    const proofs: AntiAbuseFields[] = await Promise.all(Array.from({ length: 20 }, () => antiAbuseFields(cms.url)));
    const answers = await Promise.all(proofs.map((proof) => post({ ...data('Venti invii, una storia'), ...proof }, key)));

    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(202));
    const receipts = new Set(answers.map((answer) => JSON.stringify(answer.body.data)));
    expect(receipts.size).toBe(1);
    expect(await rowsWithKey(key)).toHaveLength(1);
    expect(await cms.strapi.db.query(SUBMISSION).count({})).toBe(before + 1);
    // One e-mail to the redazione for the one row.
    await smtp.waitFor((mail) => smtp.messages.indexOf(mail) >= mailsBefore);
    await expectNothingMoreFor(1_500, () => smtp.messages.length - mailsBefore, 1, 'e-mails to the redazione for one submission sent twice');
  });

  it('still accepts submissions without a key (each is a new row)', async () => {
    const fields = data('Senza chiave');
    const mailsBefore = smtp.messages.length;
    const first = await post({ ...fields, ...(await antiAbuseFields(cms.url)) });
    const second = await post({ ...fields, ...(await antiAbuseFields(cms.url)) });
    expect([first.status, second.status], JSON.stringify(first.body)).toEqual([202, 202]);
    expect(first.body.data!.id).not.toBe(second.body.data!.id);
    // Both e-mails sent before Strapi stops (they run in the background).
    for (let waited = 0; smtp.messages.length < mailsBefore + 2 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(smtp.messages.length - mailsBefore).toBe(2);
  });
});
