import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN } from './helpers/admin';
import { redisSkipReason, testRedisUrl } from './helpers/anti-abuse';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { redisPair } from './helpers/redis-pair';
import { startStrapi, type RunningStrapi } from './helpers/strapi';

/**
 * Strapi's admin login limit (5 attempts per e-mail and address in 5
 * minutes, config/admin.ts) counted in the anti-abuse store
 * (src/admin-login-limit): each Strapi instance alone on memory, every
 * instance together on Redis, never the e-mail or address in clear.
 */

const LIMIT = 5;

async function login(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

const attempts = async (url: string, count: number, password: string = TEST_ADMIN.password) => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await login(url, TEST_ADMIN.email, password));
  return statuses;
};

describe('admin login limit, memory store', () => {
  const databases: TestDatabase[] = [];
  let cms: RunningStrapi | undefined;

  const boot = async () => {
    const database = createSqliteDatabase();
    databases.push(database);
    delete process.env.REDIS_URL;
    cms = await startStrapi(database, { CRON_ENABLED: 'false', ADMIN_LOGIN_RATE_LIMIT_MAX: String(LIMIT) });
    return cms;
  };

  afterEach(async () => {
    await cms?.stop();
    cms = undefined;
  });

  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('refuses the sixth attempt, right password or wrong, and only for that e-mail', async () => {
    const { url } = await boot();
    expect([...await attempts(url, 3), ...await attempts(url, 2, 'Sbagliata-2019!')]).toEqual([200, 200, 200, 400, 400]);
    expect(await attempts(url, 2)).toEqual([429, 429]);
    expect(await login(url, 'altra@example.org', 'Sbagliata-2019!')).toBe(400);
  });

  it('gives a second Strapi in the same process counters of its own', async () => {
    // The first test used up the allowance of TEST_ADMIN from this address, in this process.
    const { url } = await boot();
    expect(await attempts(url, LIMIT + 1)).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

const redisSkip = await redisSkipReason();

describe.skipIf(redisSkip)('admin login limit shared by two Strapi instances on one Redis', () => {
  const pair = redisPair('admin-login');
  afterAll(() => pair.stop());

  it('counts the attempts on both instances together, under hashed keys', async () => {
    const { a, b, prefix } = await pair.start({
      CRON_ENABLED: 'false',
      ADMIN_LOGIN_RATE_LIMIT_MAX: String(LIMIT),
      ANTI_ABUSE_SECRET: randomBytes(32).toString('base64'),
    });
    // The child seeds its own admin with the same e-mail and password (SEED_ADMIN_* are in process.env).
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push(await login(i % 2 === 0 ? a.url : b.url, TEST_ADMIN.email, TEST_ADMIN.password));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);

    const redis = new Redis(testRedisUrl);
    try {
      const keys = await redis.keys(`${prefix}*`);
      const counters = keys.filter((key) => key.startsWith(`${prefix}rl:admin-login:`));
      expect(counters).toHaveLength(1);
      expect(counters[0]).toMatch(/:rl:admin-login:[0-9a-f]{64}$/);
      expect(keys.join(' ')).not.toMatch(/chiudeteicallcenter|127\.0\.0\.1/);
    } finally {
      redis.disconnect();
    }
  });
});
