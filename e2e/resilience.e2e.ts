import { Agent, get } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminLogin } from './admin';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { E2E_SITE_SECRETS, startCms, startWeb, type Service } from './stack';

const skipReason = inject('skipReason');

/**
 * The site under traffic and faults, against the built site and CMS: a
 * crawler flooding uncached addresses does not take pages away from other
 * readers; a CMS that throttles, fails, hangs or dies never turns a cached
 * page into an error, and nothing built from a failed read is kept.
 */

interface Answer {
  status: number;
  cache: string | undefined;
  cacheControl: string | undefined;
  location: string | undefined;
  body: string;
  ms: number;
}

/** A GET from a given loopback address (127.0.0.2, 127.0.0.3...): the site sees one client per address. */
function client(localAddress: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 16, localAddress });
  const fetchFrom = (url: string): Promise<Answer> => new Promise((resolve, reject) => {
    const started = performance.now();
    get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        cache: res.headers['x-cache'] as string | undefined,
        cacheControl: res.headers['cache-control'],
        location: res.headers.location,
        body: Buffer.concat(chunks).toString('utf8'),
        ms: performance.now() - started,
      }));
    }).on('error', reject);
  });
  return { get: fetchFrom, close: () => agent.destroy() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Published slugs, read from the CMS with the site's token (the demo content changes with the seed). */
async function slugs(cmsUrl: string, plural: string, count: number): Promise<string[]> {
  const res = await fetch(`${cmsUrl}/api/${plural}?fields[0]=slug&pagination[pageSize]=${count}&sort=id:asc`, {
    headers: { authorization: `Bearer ${E2E_SITE_SECRETS.siteToken}` },
  });
  return ((await res.json()) as { data: Array<{ slug: string }> }).data.map((entry) => entry.slug);
}

describe.skipIf(Boolean(skipReason))('a flood of uncached addresses from one client', () => {
  const cmsUrl = inject('cmsUrl');
  let site: Service;
  beforeAll(async () => {
    // The default budget of renders (30 per 10 s per client).
    site = await startWeb(cmsUrl, undefined, { NUXT_RENDER_LIMIT_POINTS: '30' });
  });
  afterAll(() => site?.stop());

  it('costs the flooder its own budget, while another reader gets every page, during and after', async () => {
    const [article] = await slugs(cmsUrl, 'articles', 1);
    const readerPages = ['/', '/articoli', `/articoli/${article}`, '/testimonianze', '/risposte', '/video', '/libro', '/chi-siamo'];
    const flooder = client('127.0.0.2');
    const reader = client('127.0.0.3');
    const flood = new Map<number, number>();
    const read: Answer[] = [];
    try {
      let running = true;
      let n = 0;
      const floodLoop = async () => {
        while (running) {
          const answer = await flooder.get(`${site.url}/articoli/inesistente-${Date.now().toString(36)}-${n++}?utm_source=bot`);
          flood.set(answer.status, (flood.get(answer.status) ?? 0) + 1);
        }
      };
      const readLoop = async () => {
        for (let i = 0; running; i++) {
          read.push(await reader.get(`${site.url}${readerPages[i % readerPages.length]}`));
          await sleep(50);
        }
      };
      const loops = [...Array.from({ length: 10 }, floodLoop), readLoop()];
      await sleep(8_000);
      running = false;
      await Promise.all(loops);

      const after = await Promise.all(['/', '/articoli', '/privacy', '/contatti'].map((path) => reader.get(`${site.url}${path}`)));
      const statuses = (answers: Answer[]) => [...new Set(answers.map((answer) => answer.status))];
      const p99 = [...read].sort((a, b) => a.ms - b.ms)[Math.floor(read.length * 0.99)]?.ms ?? 0;
      console.log(`[resilience] flood: ${[...flood].map(([status, count]) => `${count}×${status}`).join(', ')}; reader: ${read.length} pages, p99 ${p99.toFixed(0)} ms`);

      expect(statuses(read)).toEqual([200]);
      expect(read.length).toBeGreaterThan(20);
      expect(statuses(after)).toEqual([200]);
      // The flooder got its budget of renders (404s: the pages do not exist), then cheap 429s.
      const rendered = flood.get(404) ?? 0;
      const refused = flood.get(429) ?? 0;
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThanOrEqual(60);
      expect(refused).toBeGreaterThan(rendered * 5);
      expect([...flood.keys()].sort()).toEqual([404, 429]);
    } finally {
      flooder.close();
      reader.close();
    }
  }, 60_000);
});

describe.skipIf(Boolean(skipReason))('a CMS that throttles or fails', () => {
  const cmsUrl = inject('cmsUrl');
  let proxy: FaultProxy;
  let site: Service;
  const reader = client('127.0.0.4');

  beforeAll(async () => {
    proxy = await startFaultProxy(cmsUrl);
    // Short lifetimes, so that each test sees pages and CMS answers expire.
    site = await startWeb(proxy.url, undefined, { NUXT_PAGE_CACHE_TTL_SECONDS: '1', NUXT_CMS_CACHE_TTL_SECONDS: '1' });
  });
  afterAll(async () => {
    reader.close();
    await site?.stop();
    await proxy?.close();
  });

  it('never turns a cached page into an error: the last good copy is served while the CMS answers 429', async () => {
    const first = await reader.get(`${site.url}/`);
    expect(first.status).toBe(200);
    await sleep(1_200);
    proxy.set({ kind: 'status', status: 429, retryAfter: 2 });
    const stale = await reader.get(`${site.url}/`);
    expect(stale.status).toBe(200);
    expect(stale.cache).toBe('STALE');
    expect(stale.body).toBe(first.body);
    // A page that was never rendered has no copy: an error page, kept by nobody.
    const never = await reader.get(`${site.url}/risposte`);
    expect(never.status).toBe(503);
    expect(never.cacheControl).toBe('no-store');
    proxy.set(undefined);
    // The site does not ask the CMS again before its Retry-After.
    await sleep(2_100);
    expect((await reader.get(`${site.url}/risposte`)).status).toBe(200);
  });

  it('never stores nor answers as complete a sitemap or a feed built while a CMS read failed', async () => {
    const [testimony] = await slugs(cmsUrl, 'testimonies', 1);
    proxy.set({ kind: 'status', status: 503 }, /^\/api\/sitemap/);
    expect((await reader.get(`${site.url}/sitemap.xml`)).status).toBe(503);
    expect((await reader.get(`${site.url}/sitemap/testimonianze-1.xml`)).status).toBe(503);
    proxy.set({ kind: 'status', status: 503 }, /^\/api\/answers/);
    expect((await reader.get(`${site.url}/feed.xml`)).status).toBe(503);

    proxy.set(undefined);
    // After a failure the site does not ask the CMS again for 2 s.
    await sleep(2_100);
    const index = await reader.get(`${site.url}/sitemap.xml`);
    expect([index.status, index.cache]).toEqual([200, 'MISS']);
    expect(index.body).toContain('/sitemap/testimonianze-1.xml');
    const file = await reader.get(`${site.url}/sitemap/testimonianze-1.xml`);
    expect([file.status, file.cache]).toEqual([200, 'MISS']);
    expect(file.body).toContain(`/testimonianze/${testimony}`);
    expect((await reader.get(`${site.url}/sitemap/testimonianze-1.xml`)).cache).toBe('HIT');
    const feed = await reader.get(`${site.url}/feed.xml`);
    expect([feed.status, feed.cache]).toEqual([200, 'MISS']);
  });

  it('shows a page whose side content failed to load, but keeps it nowhere', async () => {
    const [article] = await slugs(cmsUrl, 'articles', 1);
    // Related articles are read with a filter on their id; the article itself by slug.
    proxy.set({ kind: 'status', status: 503 }, /filters(?:\[|%5B)documentId(?:\]|%5D)/);
    const partial = await reader.get(`${site.url}/articoli/${article}`);
    expect(partial.status).toBe(200);
    expect(partial.cacheControl).toBe('no-store');
    expect((await reader.get(`${site.url}/articoli/${article}`)).cache).toBe('MISS');
    proxy.set(undefined);
    await sleep(2_100);
    expect((await reader.get(`${site.url}/articoli/${article}`)).cache).toBe('MISS');
    expect((await reader.get(`${site.url}/articoli/${article}`)).cache).toBe('HIT');
  });
});

describe.skipIf(Boolean(skipReason))('a CMS that hangs, then dies', () => {
  let cms: Service;
  let site: Service;
  const reader = client('127.0.0.5');

  beforeAll(async () => {
    cms = await startCms();
    site = await startWeb(cms.url, undefined, { NUXT_PAGE_CACHE_TTL_SECONDS: '1', NUXT_CMS_CACHE_TTL_SECONDS: '1' });
  }, 180_000);
  afterAll(async () => {
    reader.close();
    await site?.stop();
    await cms?.stop();
  });

  it('answers within 2 s while the CMS hangs: the last copy of a cached page, a 503 for the others', async () => {
    const home = await reader.get(`${site.url}/`);
    expect(home.status).toBe(200);
    await sleep(1_200);
    cms.signal('SIGSTOP');
    try {
      const stale = await reader.get(`${site.url}/`);
      expect([stale.status, stale.cache, stale.body]).toEqual([200, 'STALE', home.body]);
      const uncached = await reader.get(`${site.url}/video`);
      expect(uncached.status).toBe(503);
      console.log(`[resilience] CMS hanging: stale page in ${stale.ms.toFixed(0)} ms, uncached page 503 in ${uncached.ms.toFixed(0)} ms`);
      expect(stale.ms).toBeLessThan(2_000);
      expect(uncached.ms).toBeLessThan(2_000);
    } finally {
      cms.signal('SIGCONT');
    }
  });

  it('keeps serving the last copies when the CMS is killed', async () => {
    expect((await reader.get(`${site.url}/`)).status).toBe(200);
    await sleep(1_200);
    cms.signal('SIGKILL');
    await sleep(500);
    const stale = await reader.get(`${site.url}/`);
    expect([stale.status, stale.cache]).toEqual([200, 'STALE']);
    // Never rendered, but everything it shows was read for the home page: built from those copies, kept by nobody.
    const book = await reader.get(`${site.url}/libro`);
    expect([book.status, book.cacheControl]).toEqual([200, 'no-store']);
    expect(book.body).toContain('Chiudete i Call Center in outsourcing');
    // Nothing of it was ever read: a 503 page, at once.
    const answers = await reader.get(`${site.url}/risposte`);
    expect([answers.status, answers.cacheControl]).toEqual([503, 'no-store']);
    expect(answers.ms).toBeLessThan(1_000);
  });
});

describe.skipIf(Boolean(skipReason))('one page, one key', () => {
  const webUrl = inject('webUrl');
  const reader = client('127.0.0.6');
  afterAll(() => reader.close());

  const revalidate = (body: unknown) => fetch(`${webUrl}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${E2E_SITE_SECRETS.revalidateSecret}` },
    body: JSON.stringify(body),
  });

  it('serves tracking variants from the page\'s one copy, redirects the others, and a purge reaches them all', async () => {
    await revalidate({ type: 'testimony', action: 'published', documentId: 'abc', slug: 'x' });
    expect((await reader.get(`${webUrl}/testimonianze?ruolo=cliente&utm_source=newsletter`)).cache).toBe('MISS');
    expect((await reader.get(`${webUrl}/testimonianze?ruolo=cliente&fbclid=IwAR0`)).cache).toBe('HIT');
    expect((await reader.get(`${webUrl}/testimonianze?ruolo=cliente`)).cache).toBe('HIT');
    for (const [variant, location] of [
      ['/Testimonianze?ruolo=cliente', '/testimonianze?ruolo=cliente'],
      ['/testimonianze/?ruolo=cliente&x=1', '/testimonianze?ruolo=cliente'],
      ['/testimonianze?pagina=1&ruolo=cliente', '/testimonianze?ruolo=cliente'],
      ['/%74estimonianze?ruolo=cliente', '/testimonianze?ruolo=cliente'],
    ] as const) {
      const answer = await reader.get(`${webUrl}${variant}`);
      expect([answer.status, answer.location], variant).toEqual([301, location]);
    }
    expect((await revalidate({ type: 'testimony', action: 'published', documentId: 'abc', slug: 'x' })).status).toBe(200);
    expect((await reader.get(`${webUrl}/testimonianze?ruolo=cliente&gclid=1`)).cache).toBe('MISS');
  });

  it('drops a withdrawn testimony under every address of its page within 5 s', async () => {
    const cmsUrl = inject('cmsUrl');
    const testimonyApi = `${cmsUrl}/content-manager/collection-types/api::testimony.testimony`;
    const auth = { 'authorization': `Bearer ${await adminLogin(cmsUrl)}`, 'content-type': 'application/json' };
    const listed = await fetch(`${testimonyApi}?page=1&pageSize=20&sort=id:asc`, { headers: auth });
    const { results } = (await listed.json()) as { results: Array<{ documentId: string; slug: string; title: string; status: string }> };
    const testimony = results.find((doc) => doc.status === 'published' && /^[a-z]/.test(doc.slug))!;
    expect(testimony, 'the demo content has a published testimony').toBeTruthy();
    const page = `/testimonianze/${testimony.slug}`;
    const variants = [
      page,
      `/TESTIMONIANZE/${testimony.slug}`,
      `/Testimonianze/${testimony.slug}`,
      `/testimonianze/%${testimony.slug.charCodeAt(0).toString(16)}${testimony.slug.slice(1)}`,
      `/%74estimonianze/${testimony.slug}`,
      `${page}/`,
      `/testimonianze//${testimony.slug}`,
      `/testimonianze/./${testimony.slug}`,
      `${page}?utm_source=newsletter`,
      `${page}?fbclid=IwAR0`,
      `${page}?x=1`,
    ];
    /** The answer a reader ends up with: the variant itself, or where its one redirect leads. */
    const settle = async (variant: string) => {
      const first = await reader.get(`${webUrl}${variant}`);
      if (first.status !== 301) return first;
      expect(first.location, variant).toBe(page);
      return reader.get(`${webUrl}${first.location}`);
    };

    // Every address shows the page, from its one cached copy.
    for (const variant of variants) expect((await settle(variant)).status, variant).toBe(200);
    expect((await reader.get(`${webUrl}${page}`)).cache).toBe('HIT');

    const withdrawn = await fetch(`${testimonyApi}/${testimony.documentId}/actions/unpublish`, { method: 'POST', headers: auth, body: '{}' });
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
    const started = performance.now();
    try {
      const pending = new Set(variants);
      while (pending.size > 0 && performance.now() - started < 5_000) {
        for (const variant of pending) if ((await settle(variant)).status === 404) pending.delete(variant);
        if (pending.size > 0) await sleep(100);
      }
      expect([...pending], 'addresses still showing the withdrawn testimony after 5 s').toEqual([]);
      for (const variant of variants) {
        const answer = await settle(variant);
        expect(answer.status, variant).toBe(404);
        expect(answer.body, variant).not.toContain(testimony.title);
      }
    } finally {
      await fetch(`${testimonyApi}/${testimony.documentId}/actions/publish`, { method: 'POST', headers: auth, body: '{}' });
    }
  });
});
