import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';

/**
 * The read API's rate limits (src/middlewares/read-rate-limit.ts) end to end,
 * in the memory store: 5 reads per window without a token, 8 with one.
 * Strapi trusts X-Forwarded-For here (IS_PROXIED=true), so each test plays
 * its own anonymous client by address.
 */

const ANONYMOUS = 5;
const TOKEN = 8;
const WINDOW = 60;

let addresses = 0;
/** A fresh client address (TEST-NET-3), so each test has its own anonymous allowance. */
const newIp = () => `203.0.113.${++addresses}`;

interface ErrorEnvelope {
  data: null;
  error: { status: number; name: string; message: string };
}

describe('rate limits of the public read API', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;

  const request = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${cms.url}${path}`, { method, headers });

  const readOnlyToken = async (name: string): Promise<string> => {
    const tokens = cms.strapi.service('admin::api-token') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
    };
    const { accessKey } = await tokens.create({ name, description: '', type: 'read-only', kind: 'content-api', lifespan: null });
    return accessKey;
  };

  const expectLimited = async (res: Response, limit: number) => {
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW);
    expect(res.headers.get('ratelimit-limit')).toBe(String(limit));
    expect(res.headers.get('ratelimit-remaining')).toBe('0');
    expect(res.headers.get('ratelimit-policy')).toBe(`${limit};w=${WINDOW}`);
    const body = (await res.json()) as ErrorEnvelope;
    expect(body.data).toBeNull();
    expect(body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
    expect(body.error.message).toMatch(new RegExp(`^Too many requests: .*, retry in ${retryAfter} s\\.$`));
  };

  beforeAll(async () => {
    database = createSqliteDatabase();
    cms = await startStrapi(database, {
      IS_PROXIED: 'true',
      RATE_LIMIT_READS_ANONYMOUS: String(ANONYMOUS),
      RATE_LIMIT_READS_TOKEN: String(TOKEN),
      RATE_LIMIT_READS_WINDOW_SECONDS: String(WINDOW),
    });
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
  });

  it('lets an anonymous client read 5 times, with decreasing RateLimit-Remaining, then answers 429', async () => {
    const client = { 'x-forwarded-for': newIp() };
    for (let i = 1; i <= ANONYMOUS; i++) {
      const res = await request('/api/articles', client);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS));
      expect(res.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS - i));
      expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(WINDOW);
      expect(res.headers.get('ratelimit-policy')).toBe(`${ANONYMOUS};w=${WINDOW}`);
    }
    await expectLimited(await request('/api/global', client), ANONYMOUS);
    // Another address still has its own allowance.
    expect((await request('/api/articles', { 'x-forwarded-for': newIp() })).status).toBe(200);
  });

  it('lets an API token holder read after the anonymous client is limited, up to 8 times, then answers 429', async () => {
    const ip = newIp();
    for (let i = 0; i < ANONYMOUS; i++) await request('/api/articles', { 'x-forwarded-for': ip });
    expect((await request('/api/articles', { 'x-forwarded-for': ip })).status).toBe(429);

    const withToken = { 'x-forwarded-for': ip, 'Authorization': `Bearer ${await readOnlyToken('Partner reads')}` };
    for (let i = 1; i <= TOKEN; i++) {
      const res = await request('/api/articles', withToken);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe(String(TOKEN));
      expect(res.headers.get('ratelimit-remaining')).toBe(String(TOKEN - i));
    }
    await expectLimited(await request('/api/articles', withToken), TOKEN);

    // The counter is per token, not per address: another token is not affected.
    const other = await request('/api/articles', { 'x-forwarded-for': ip, 'Authorization': `Bearer ${await readOnlyToken('Other partner')}` });
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe(String(TOKEN - 1));
  });

  it('gives an invalid token the token bucket, then Strapi answers 401', async () => {
    const res = await request('/api/articles', { 'x-forwarded-for': newIp(), 'Authorization': 'Bearer not-a-real-token' });
    expect(res.status).toBe(401);
    expect(res.headers.get('ratelimit-limit')).toBe(String(TOKEN));
  });

  it('counts HEAD requests too', async () => {
    const client = { 'x-forwarded-for': newIp() };
    for (let i = 1; i <= ANONYMOUS; i++) {
      const res = await request('/api/articles', client, i % 2 ? 'HEAD' : 'GET');
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS - i));
    }
    const head = await request('/api/articles', client, 'HEAD');
    expect(head.status).toBe(429);
    expect(Number(head.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(head.headers.get('ratelimit-remaining')).toBe('0');
    await expectLimited(await request('/api/articles', client), ANONYMOUS);
  });

  it('does not count GET /api/form-tokens/testimony, which has its own limit', async () => {
    const client = { 'x-forwarded-for': newIp() };
    for (let i = 0; i < ANONYMOUS + 2; i++) {
      const res = await request('/api/form-tokens/testimony', client);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
    }
    // The client's read allowance is untouched.
    const read = await request('/api/articles', client);
    expect(read.status).toBe(200);
    expect(read.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS - 1));
  });

  it('exposes the RateLimit headers to browser scripts (CORS)', async () => {
    const res = await request('/api/articles', { 'x-forwarded-for': newIp(), 'Origin': 'https://partner.example' });
    expect(res.status).toBe(200);
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const header of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy', 'retry-after']) {
      expect(exposed).toContain(header);
    }
  });
});
