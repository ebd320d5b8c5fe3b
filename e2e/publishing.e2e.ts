import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminLogin } from './admin';
import { E2E_SITE_SECRETS, redisReachable, startWeb, type Service } from './stack';

const skipReason = inject('skipReason');
const ARTICLES = '/content-manager/collection-types/api::article.article';
/** What the issue promises: the site shows a publish, an update or an unpublish within 5 seconds, cache or not. */
const BUDGET_MS = 5_000;

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const redisSkip = skipReason || await redisReachable(redisUrl) ? undefined : `No Redis at ${redisUrl}: SKIPPING the shared page cache tests.`;
if (redisSkip && !skipReason) {
  if (process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but ${redisSkip}`);
  console.warn(`\n${'!'.repeat(redisSkip.length)}\n${redisSkip}\n${'!'.repeat(redisSkip.length)}\n`);
}

const revalidate = (siteUrl: string, body: unknown, secret: string = E2E_SITE_SECRETS.revalidateSecret) =>
  fetch(`${siteUrl}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${secret}` },
    body: JSON.stringify(body),
  });

/**
 * Publishing in seconds, against the built CMS and site: the site serves
 * pages from its cache (X-Cache: HIT); an editor publishes, updates and
 * unpublishes an article through the admin API, exactly as the Content
 * Manager does; the CMS tells the site, which purges the affected pages; the
 * change shows well within 5 s. The measured times are printed.
 */
describe.skipIf(Boolean(skipReason))('publishing to the site', () => {
  const cmsUrl = inject('cmsUrl');
  const webUrl = inject('webUrl');
  const stamp = Date.now().toString(36);
  const slug = `pubblicazione-in-secondi-${stamp}`;
  const firstTitle = `Pubblicato in un attimo ${stamp}`;
  const secondTitle = `Corretto in un attimo ${stamp}`;
  const measured: Record<string, number> = {};
  let jwt: string;
  let documentId: string | undefined;

  const cm = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const res = await fetch(`${cmsUrl}${ARTICLES}${path}`, {
      method,
      headers: { 'authorization': `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`[${method}] "${ARTICLES}${path}": ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  const page = async (path: string) => {
    const res = await fetch(`${webUrl}${path}`, { headers: { accept: 'text/html' } });
    return { status: res.status, cache: res.headers.get('x-cache'), html: await res.text() };
  };

  /** Requests the page until its cached copy answers. */
  const warm = async (path: string) => {
    await page(path);
    const second = await page(path);
    expect(second.cache, `${path} is served from the cache`).toBe('HIT');
    return second;
  };

  /** Polls `path` every 50 ms from `since` until `check` passes; returns the elapsed milliseconds. */
  const until = async (since: number, path: string, check: (p: Awaited<ReturnType<typeof page>>) => boolean): Promise<number> => {
    let last: Awaited<ReturnType<typeof page>> | undefined;
    while (performance.now() - since < BUDGET_MS + 2_000) {
      last = await page(path);
      if (check(last)) return Math.round(performance.now() - since);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${path} did not change within ${BUDGET_MS + 2_000} ms (last: ${last?.status}, X-Cache ${last?.cache})`);
  };

  beforeAll(async () => {
    jwt = await adminLogin(cmsUrl);
  });

  afterAll(async () => {
    if (documentId) await cm(`/${documentId}`, 'DELETE').catch(() => undefined);
    console.log(`[publishing] publish → site, measured (budget ${BUDGET_MS} ms): ${JSON.stringify(measured)}`);
  });

  it('publishes a new article: the cached blog, home page and feed show it within 5 s', async () => {
    expect((await warm('/articoli')).html).not.toContain(firstTitle);
    expect((await warm('/')).html).not.toContain(firstTitle);
    await warm('/feed.xml');
    expect((await page(`/articoli/${slug}`)).status).toBe(404);

    const draft = await cm<{ data: { documentId: string } }>('', 'POST', {
      title: firstTitle,
      slug,
      excerpt: 'Un articolo di prova: la redazione pubblica, il sito lo mostra in pochi secondi.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Testo di prova della pubblicazione.' }] }],
      // Today: the newest of all, first on the home page and on the first page of the blog.
      publicationDate: new Date().toISOString().slice(0, 10),
    });
    documentId = draft.data.documentId;
    // A draft is not public: the cached pages stay as they are.
    expect((await page('/articoli')).cache).toBe('HIT');

    await cm(`/${documentId}/actions/publish`, 'POST', {});
    const published = performance.now();
    measured.newOnList = await until(published, '/articoli', (p) => p.html.includes(firstTitle));
    measured.newOnHome = await until(published, '/', (p) => p.html.includes(firstTitle));
    measured.newInFeed = await until(published, '/feed.xml', (p) => p.html.includes(firstTitle));
    measured.newPage = await until(published, `/articoli/${slug}`, (p) => p.status === 200 && p.html.includes(firstTitle));
    for (const [what, ms] of Object.entries(measured)) expect(ms, what).toBeLessThan(BUDGET_MS);
  });

  it('publishes a change to a cached article within 5 s, then caches the new version', async () => {
    expect((await warm(`/articoli/${slug}`)).html).toContain(firstTitle);
    await warm('/articoli');

    await cm(`/${documentId}`, 'PUT', { title: secondTitle });
    // Saved, not published: readers still see the published version.
    expect((await page(`/articoli/${slug}`)).html).toContain(firstTitle);

    await cm(`/${documentId}/actions/publish`, 'POST', {});
    const published = performance.now();
    measured.updatedPage = await until(published, `/articoli/${slug}`, (p) => p.html.includes(secondTitle) && !p.html.includes(firstTitle));
    measured.updatedList = await until(published, '/articoli', (p) => p.html.includes(secondTitle));
    expect(measured.updatedPage).toBeLessThan(BUDGET_MS);
    expect(measured.updatedList).toBeLessThan(BUDGET_MS);
    expect((await warm(`/articoli/${slug}`)).html).toContain(secondTitle);
  });

  it('unpublishes: the cached page answers 404 and the lists drop it within 5 s', async () => {
    await warm(`/articoli/${slug}`);
    await warm('/articoli');

    await cm(`/${documentId}/actions/unpublish`, 'POST', {});
    const unpublished = performance.now();
    measured.unpublishedPage = await until(unpublished, `/articoli/${slug}`, (p) => p.status === 404);
    measured.unpublishedList = await until(unpublished, '/articoli', (p) => !p.html.includes(secondTitle));
    measured.unpublishedHome = await until(unpublished, '/', (p) => !p.html.includes(secondTitle));
    expect(measured.unpublishedPage).toBeLessThan(BUDGET_MS);
    expect(measured.unpublishedList).toBeLessThan(BUDGET_MS);
    expect(measured.unpublishedHome).toBeLessThan(BUDGET_MS);
    // A 404 is never cached.
    expect((await page(`/articoli/${slug}`)).cache).toBe('MISS');
  });

  it('refuses revalidation calls without the secret, and bad bodies', async () => {
    const call = (headers: Record<string, string>, body: string) =>
      fetch(`${webUrl}/api/revalidate`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const valid = JSON.stringify({ type: 'article', action: 'published', documentId: 'abc', slug: 'x' });
    expect((await call({}, valid)).status).toBe(401);
    expect((await call({ authorization: 'Bearer wrong-secret' }, valid)).status).toBe(401);
    const authorized = { authorization: `Bearer ${E2E_SITE_SECRETS.revalidateSecret}` };
    const bad = await call(authorized, JSON.stringify({ type: 'page', action: 'published', documentId: 'abc', slug: 'x' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/type must be one of/);
    expect((await call(authorized, '{not json')).status).toBe(400);
    const ok = await call(authorized, valid);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ all: false, paths: expect.arrayContaining(['/', '/articoli', '/articoli/x', '/feed.xml', '/sitemap.xml']) });
  });
});

/**
 * Several instances of the site behind one address share the page cache in
 * Redis (NUXT_REDIS_URL): a page one renders is served by the others, and
 * the one revalidation call the CMS makes (to any instance) purges it for all.
 */
describe.skipIf(Boolean(skipReason) || Boolean(redisSkip))('the page cache shared in Redis', () => {
  const cmsUrl = inject('cmsUrl');
  const env = {
    NUXT_REDIS_URL: redisUrl,
    // Own keys, so a developer's local site sharing this Redis is never touched; short-lived.
    NUXT_PAGE_CACHE_REDIS_PREFIX: `e2e:page-cache:${Date.now().toString(36)}`,
    NUXT_PAGE_CACHE_TTL_SECONDS: '120',
  };
  const sites: Service[] = [];
  const cache = async (siteUrl: string, path: string) => {
    const res = await fetch(`${siteUrl}${path}`);
    expect(res.status).toBe(200);
    await res.body?.cancel();
    return res.headers.get('x-cache');
  };

  beforeAll(async () => {
    sites.push(await startWeb(cmsUrl, undefined, env), await startWeb(cmsUrl, undefined, env));
  });

  afterAll(async () => {
    await Promise.all(sites.map((site) => site.stop()));
  });

  it('serves on one instance what another rendered, and one purge reaches both', async () => {
    const [a, b] = sites.map((site) => site.url) as [string, string];
    expect(await cache(a, '/risposte')).toBe('MISS');
    expect(await cache(b, '/risposte')).toBe('HIT');
    expect(await cache(a, '/risposte')).toBe('HIT');

    const res = await revalidate(b, { type: 'answer', action: 'published', documentId: 'abc', slug: 'una-risposta' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { purged: string[] }).purged).toContain('/risposte');
    expect(await cache(a, '/risposte')).toBe('MISS');
    expect(await cache(b, '/risposte')).toBe('HIT');
  });

  it('keeps serving pages, uncached, when Redis is down', async () => {
    const down = await startWeb(cmsUrl, undefined, { ...env, NUXT_REDIS_URL: 'redis://127.0.0.1:9' });
    try {
      expect(await cache(down.url, '/')).toBe('BYPASS');
      expect(await cache(down.url, '/')).toBe('BYPASS');
    } finally {
      await down.stop();
    }
  });
});
