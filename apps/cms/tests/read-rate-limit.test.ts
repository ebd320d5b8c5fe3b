import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { COLLECTIONS } from './helpers/partner-attacks';
import { DEMO_DRAFT_ARTICLE_SLUG } from '@chiudete/demo-content';

/**
 * The read API's rate limits (src/middlewares/read-rate-limit.ts) end to end,
 * in the memory store: 5 reads per window without a token, 8 with one, no
 * limit for the site's own token (SITE_API_TOKEN).
 * Strapi trusts X-Forwarded-For here (IS_PROXIED=true), so each test plays
 * its own anonymous client by address.
 */

const ANONYMOUS = 5;
const TOKEN = 8;
const WINDOW = 60;
const SITE_API_TOKEN = 'site0token0'.padEnd(64, '0123456789');

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
      SITE_API_TOKEN,
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

  it('counts a token that is not a real API token per client address, like an anonymous read, then Strapi answers 401', async () => {
    const ip = newIp();
    // Random tokens never buy a fresh allowance: they share the address's anonymous one.
    for (let i = 1; i <= ANONYMOUS; i++) {
      const res = await request('/api/articles', { 'x-forwarded-for': ip, 'Authorization': `Bearer not-a-real-token-${i}` });
      expect(res.status).toBe(401);
      expect(res.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS));
      expect(res.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS - i));
    }
    await expectLimited(await request('/api/articles', { 'x-forwarded-for': ip, 'Authorization': 'Bearer yet-another-token' }), ANONYMOUS);
    await expectLimited(await request('/api/articles', { 'x-forwarded-for': ip }), ANONYMOUS);
  });

  it('forgets a revoked token at once: its reads count per address again', async () => {
    const tokens = cms.strapi.service('admin::api-token') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ id: number; accessKey: string }>;
      revoke(id: number): Promise<unknown>;
    };
    const { id, accessKey } = await tokens.create({ name: 'Partner revoked', description: '', type: 'read-only', kind: 'content-api', lifespan: null });
    const client = { 'x-forwarded-for': newIp(), 'Authorization': `Bearer ${accessKey}` };
    expect((await request('/api/articles', client)).headers.get('ratelimit-limit')).toBe(String(TOKEN));
    await tokens.revoke(id);
    const revoked = await request('/api/articles', client);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS));
  });

  describe('the site\'s own token', () => {
    const site = { Authorization: `Bearer ${SITE_API_TOKEN}` };

    it('keeps reading while an anonymous flood from the same address is refused, uncounted', async () => {
      const ip = newIp();
      const statuses: number[] = [];
      for (let i = 0; i < ANONYMOUS * 3; i++) {
        statuses.push((await request('/api/articles', { 'x-forwarded-for': ip })).status);
        const res = await request(i % 2 ? '/api/global' : '/api/articles?pagination[pageSize]=1', { 'x-forwarded-for': ip, ...site });
        expect(res.status).toBe(200);
        expect(res.headers.get('ratelimit-limit')).toBeNull();
      }
      expect(statuses.slice(0, ANONYMOUS).every((status) => status === 200)).toBe(true);
      expect(statuses.slice(ANONYMOUS).every((status) => status === 429)).toBe(true);
      // More than a partner may read in a window, still 200.
      for (let i = 0; i < TOKEN + 2; i++) expect((await request('/api/authors', site)).status).toBe(200);
    });

    it('is recognised by its exact value only: a near miss gets no exemption', async () => {
      for (const wrong of [`${SITE_API_TOKEN}x`, SITE_API_TOKEN.slice(0, -1), SITE_API_TOKEN.toUpperCase()]) {
        const ip = newIp();
        for (let i = 0; i < ANONYMOUS; i++) expect((await request('/api/articles', { 'x-forwarded-for': ip, 'Authorization': `Bearer ${wrong}` })).status).toBe(401);
        await expectLimited(await request('/api/articles', { 'x-forwarded-for': ip, 'Authorization': `Bearer ${wrong}` }), ANONYMOUS);
      }
      // Not as another scheme either.
      const basic = await request('/api/articles', { 'x-forwarded-for': newIp(), 'Authorization': `Basic ${SITE_API_TOKEN}` });
      expect(basic.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS));
    });

    it('is the read-only «Sito pubblico» token: no drafts, no writes, no private route', async () => {
      const row = await cms.strapi.db.query('admin::api-token').findOne({ where: { name: 'Sito pubblico' }, select: ['type', 'expiresAt'] }) as { type: string; expiresAt: unknown };
      expect(row).toMatchObject({ type: 'read-only', expiresAt: null });
      for (const path of [`/api/articles?status=draft&filters[slug][$eq]=${DEMO_DRAFT_ARTICLE_SLUG}`, '/api/articles?status[$ne]=published', '/api/global?status=draft']) {
        const res = await request(path, site);
        expect(res.status, path).toBe(403);
        expect(await res.text()).not.toContain(DEMO_DRAFT_ARTICLE_SLUG);
      }
      for (const [method, path] of [['GET', '/api/testimony-submissions'], ['GET', '/api/contact-messages'], ['GET', '/api/users'], ['GET', '/api/users/me'],
        ['GET', '/api/upload/files'], ['GET', '/api/users-permissions/roles'], ['GET', '/admin/users'], ['GET', '/admin/api-tokens'],
        ['GET', '/content-manager/collection-types/api::testimony-submission.testimony-submission'], ['POST', '/api/articles'], ['DELETE', '/api/global']] as const) {
        const res = await request(path, site, method);
        expect([401, 403, 404, 405], `${method} ${path}`).toContain(res.status);
      }
      for (const plural of [...COLLECTIONS, 'global']) expect((await request(`/api/${plural}`, site)).status, plural).toBe(200);
    });
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

describe('a budget for the site\'s reads (RATE_LIMIT_READS_SITE)', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;
  const SITE = 3;

  beforeAll(async () => {
    database = createSqliteDatabase();
    cms = await startStrapi(database, { IS_PROXIED: 'true', RATE_LIMIT_READS_ANONYMOUS: String(ANONYMOUS), RATE_LIMIT_READS_SITE: String(SITE), SITE_API_TOKEN });
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
    delete process.env.RATE_LIMIT_READS_SITE;
  });

  it('counts all of the site\'s reads together, whatever the address, apart from anonymous ones', async () => {
    for (let i = 1; i <= SITE; i++) {
      const res = await fetch(`${cms.url}/api/global`, { headers: { 'x-forwarded-for': newIp(), 'Authorization': `Bearer ${SITE_API_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe(String(SITE));
      expect(res.headers.get('ratelimit-remaining')).toBe(String(SITE - i));
    }
    const limited = await fetch(`${cms.url}/api/global`, { headers: { 'x-forwarded-for': newIp(), 'Authorization': `Bearer ${SITE_API_TOKEN}` } });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ErrorEnvelope).error.message).toMatch(/RATE_LIMIT_READS_SITE/);
    expect((await fetch(`${cms.url}/api/global`, { headers: { 'x-forwarded-for': newIp() } })).status).toBe(200);
  });
});
