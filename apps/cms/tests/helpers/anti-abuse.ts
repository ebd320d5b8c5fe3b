import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { solveChallenge } from 'altcha-lib';
import type { Challenge } from 'altcha-lib/types';
import { RedisStore } from '../../src/api/anti-abuse/lib/store';

export type FormName = 'testimony' | 'contact' | 'newsletter';

export interface AntiAbuseFields {
  formToken: string;
  altcha: string;
  website: '';
}

/**
 * Environment for `startStrapi(database, env)` in suites that submit forms:
 * a 1-second minimum fill time, cheap challenges, and limits loose enough
 * for a suite that submits from one address. Suites that test the limits
 * set their own.
 */
export const antiAbuseTestEnv: Readonly<Record<string, string>> = {
  FORM_MIN_FILL_SECONDS: '1',
  ALTCHA_MAX_NUMBER: '1000',
  RATE_LIMIT_SUBMISSIONS_PER_IP: '1000',
  RATE_LIMIT_SUBMISSIONS_GLOBAL: '0',
  RATE_LIMIT_CHALLENGES_PER_IP: '0',
};

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`[GET] "${url}": ${res.status} ${res.statusText}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Solves an ALTCHA challenge as the widget does and returns the widget's payload (base64 JSON). */
export async function solveAltcha(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber ?? 1_000_000).promise;
  if (!solution) throw new Error(`No solution found for the ALTCHA challenge (maxnumber ${challenge.maxnumber})`);
  const payload = {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    number: solution.number,
    salt: challenge.salt,
    signature: challenge.signature,
    took: solution.took,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** GET /api/altcha/challenge, solved. */
export async function solvedAltcha(cmsUrl: string, headers: Record<string, string> = {}): Promise<string> {
  return solveAltcha(await getJson<Challenge>(`${cmsUrl}/api/altcha/challenge`, headers));
}

/**
 * The anti-abuse fields of a legitimate submission: a form token, a solved
 * ALTCHA challenge and the empty honeypot. Waits out the minimum fill time
 * (boot Strapi with `antiAbuseTestEnv` so that is one second), then spread
 * them into `data`. Each result is good for ONE submission (the challenge
 * is accepted once). `headers` go with both requests (e.g. X-Forwarded-For
 * when the test Strapi trusts a proxy).
 */
export async function antiAbuseFields(cmsUrl: string, form: FormName = 'testimony', headers: Record<string, string> = {}): Promise<AntiAbuseFields> {
  const { data } = await getJson<{ data: { token: string; minFillSeconds: number } }>(`${cmsUrl}/api/form-tokens/${form}`, headers);
  // The token was issued before its response arrived: waiting from now is enough.
  const fillableAt = Date.now() + data.minFillSeconds * 1000 + 50;
  const altcha = await solvedAltcha(cmsUrl, headers);
  const wait = fillableAt - Date.now();
  if (wait > 0) await sleep(wait);
  return { formToken: data.token, altcha, website: '' };
}

/**
 * The Redis server of the tests: `TEST_REDIS_URL` (default
 * redis://127.0.0.1:6379). Tests skip loudly when it does not answer, and
 * fail when `REQUIRE_REDIS=1` (CI) says they must run.
 */
export const testRedisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
export const redisRequired = process.env.REQUIRE_REDIS === '1';

export async function redisSkipReason(): Promise<string | undefined> {
  const client = new Redis(testRedisUrl, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  let problem: string | undefined;
  try {
    await client.connect();
    if ((await client.ping()) !== 'PONG') problem = 'no PONG';
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
  if (problem === undefined) return undefined;
  if (redisRequired) throw new Error(`REQUIRE_REDIS=1 but Redis at ${testRedisUrl} does not answer (${problem}): the Redis tests cannot be skipped.`);
  const reason = `Redis at ${testRedisUrl} does not answer (${problem}): SKIPPING the Redis tests.`;
  console.warn(`\n${'!'.repeat(reason.length)}\n${reason}\n${'!'.repeat(reason.length)}\n`);
  return reason;
}

/** A key prefix no other test run uses. */
export const uniqueRedisPrefix = (label: string): string =>
  `chiudete-test:${label}:${Date.now()}:${randomBytes(4).toString('hex')}:`;

/** Deletes the keys under `prefix` (and only those). */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const store = new RedisStore({ url: testRedisUrl, keyPrefix: prefix });
  try {
    return await store.deleteAll();
  } finally {
    await store.close();
  }
}
