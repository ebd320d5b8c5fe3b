import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { renderBudget } from '../limits/render-budget';
import { memoryPageStore } from './memory-store';
import type { RenderedPage } from './render';
import { createPageCache, type PageCacheOptions } from './serve';

/**
 * The page cache in front of a real HTTP server. The app behind it is a
 * stand-in renderer that counts its renders and answers as each test says;
 * requests the page cache hands on get `APP`.
 */
interface Harness {
  url: string;
  renders: string[];
  now: { value: number };
  /** How the page cache returned for each request: at once (`answered`, `render`, `pass`) or through a `promise`. */
  returned: string[];
  get(path: string, headers?: Record<string, string>): Promise<Response>;
}

/** What server/plugins/page-cache.ts passes: the headers every answer carries. */
const COMMON = ['x-content-type-options', 'nosniff', 'content-security-policy', 'default-src \'none\'', 'x-request-id', 'test-request'];

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const html = (text: string, extra: Partial<RenderedPage> = {}): RenderedPage => ({
  status: 200,
  headers: { 'content-type': 'text/html;charset=utf-8', 'x-robots-tag': 'index, follow' },
  body: Buffer.from(`<!DOCTYPE html><p>${text}</p>${' '.repeat(2000)}`),
  degraded: false,
  setCookie: false,
  ...extra,
});

async function harness(
  answer: (url: string, renders: string[]) => Promise<RenderedPage> | RenderedPage,
  options: Partial<PageCacheOptions> & { points?: number } = {},
): Promise<Harness> {
  const renders: string[] = [];
  const returned: string[] = [];
  const now = { value: 1_800_000_000_000 };
  const pageCache = createPageCache({
    store: memoryPageStore({ maxBytes: 10_000_000, now: () => now.value }),
    budget: renderBudget({ points: options.points ?? 1000, windowSeconds: 60, keyPrefix: 'test' }),
    clientAddress: (req) => String(req.headers['x-test-client'] ?? 'a'),
    render: async (url) => {
      renders.push(url);
      return answer(url, renders);
    },
    settings: { ttlSeconds: 600, staleSeconds: 3600, renderTimeoutMs: 500 },
    now: () => now.value,
    log: () => {},
    ...options,
  });
  server = createServer((req, res) => {
    const outcome = pageCache(req, res, COMMON);
    returned.push(outcome instanceof Promise ? 'promise' : outcome);
    void Promise.resolve(outcome).then((result) => {
      if (result !== 'answered') res.writeHead(200, { 'content-type': 'text/plain' }).end('APP');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, renders, now, returned, get: (path, headers = {}) => fetch(`${url}${path}`, { headers, redirect: 'manual' }) };
}

describe('the page cache', () => {
  it('renders a page once, then serves it from the cache in every encoding, with 304s for current copies', async () => {
    const site = await harness((url) => html(`pagina ${url}`));
    const miss = await site.get('/articoli', { 'accept-encoding': 'identity' });
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const text = await miss.text();
    expect(text).toContain('pagina /articoli');

    const hit = await site.get('/articoli', { 'accept-encoding': 'identity' });
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(await hit.text()).toBe(text);
    expect(hit.headers.get('x-robots-tag')).toBe('index, follow');
    expect(hit.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=600, stale-if-error=3600');
    expect(hit.headers.get('vary')).toBe('Accept-Encoding');

    const raw = await new Promise<Buffer>((resolve, reject) => {
      // fetch() decodes bodies: read the brotli bytes with node:http instead.
      import('node:http').then(({ get }) => get(`${site.url}/articoli`, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('br');
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
      }).on('error', reject), reject);
    });
    expect(brotliDecompressSync(raw).toString()).toBe(text);

    const etag = hit.headers.get('etag')!;
    const notModified = await site.get('/articoli', { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('x-cache')).toBe('HIT');
    expect(site.renders).toEqual(['/articoli']);
  });

  it('answers a hit from memory at once, and writes the common headers with every answer, a page\'s own replacing a common one', async () => {
    const site = await harness((url) => html(url, { headers: { 'content-type': 'text/html;charset=utf-8', 'content-security-policy': 'script-src \'sha256-x\'' } }));
    const miss = await site.get('/articoli');
    const hit = await site.get('/articoli');
    const redirect = await site.get('/ARTICOLI');
    const notModified = await site.get('/articoli', { 'if-none-match': hit.headers.get('etag')! });
    expect([miss.status, hit.status, redirect.status, notModified.status]).toEqual([200, 200, 301, 304]);
    expect(site.returned).toEqual(['promise', 'answered', 'answered', 'answered']);
    for (const response of [miss, hit, redirect, notModified]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-request-id')).toBe('test-request');
    }
    // The page's CSP (with its scripts' hashes) once, in place of the common one; the redirect keeps the common one.
    expect(hit.headers.get('content-security-policy')).toBe('script-src \'sha256-x\'');
    expect(miss.headers.get('content-security-policy')).toBe('script-src \'sha256-x\'');
    expect(redirect.headers.get('content-security-policy')).toBe('default-src \'none\'');
  });

  it('renders a page uncached when the store cannot be read, whether it fails at once or through a promise', async () => {
    const logged: string[] = [];
    const store = memoryPageStore({ maxBytes: 10_000_000 });
    for (const get of [() => { throw new Error('store broken'); }, () => Promise.reject(new Error('Redis gone'))]) {
      const site = await harness((url) => html(url), { store: { ...store, get }, log: (line) => logged.push(line) });
      const response = await site.get('/articoli');
      expect(await response.text()).toBe('APP');
      expect(response.headers.get('x-cache')).toBe('BYPASS');
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
    expect(logged).toEqual(['[page-cache] could not read /articoli: store broken', '[page-cache] could not read /articoli: Redis gone']);
  });

  it('answers every variant of an address from the one canonical page', async () => {
    const site = await harness((url) => html(url));
    expect((await site.get('/articoli/il-caso?utm_source=facebook&fbclid=abc')).headers.get('x-cache')).toBe('MISS');
    expect((await site.get('/articoli/il-caso?gclid=1')).headers.get('x-cache')).toBe('HIT');
    for (const [variant, location] of [
      ['/ARTICOLI/il-caso', '/articoli/il-caso'],
      ['/articoli/%69l-caso/', '/articoli/il-caso'],
      ['/articoli/il-caso?x=1', '/articoli/il-caso'],
      ['/testimonianze?pagina=2&ruolo=cliente', '/testimonianze?ruolo=cliente&pagina=2'],
    ] as const) {
      const response = await site.get(variant);
      expect(response.status, variant).toBe(301);
      expect(response.headers.get('location'), variant).toBe(location);
    }
    expect(site.renders).toEqual(['/articoli/il-caso']);
    expect((await site.get('/articoli/%zz')).status).toBe(400);
    // A Location longer than proxies and clients take (the query kept by /cerca, /anteprima/esci...): a 414 page instead.
    const long = await site.get(`/CERCA?q=${'ab%20'.repeat(3_000)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get('location')).toBeNull();
    expect(await long.text()).toContain('Indirizzo troppo lungo');
    expect((await site.get(`/CERCA?q=${'a'.repeat(100)}`)).headers.get('location')).toBe(`/cerca?q=${'a'.repeat(100)}`);
  });

  it('makes 50 simultaneous misses of one page cost one render', async () => {
    const site = await harness(async (url) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return html(url);
    });
    const responses = await Promise.all(Array.from({ length: 50 }, () => site.get('/testimonianze')));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(new Set(await Promise.all(responses.map((response) => response.text()))).size).toBe(1);
    expect(site.renders).toEqual(['/testimonianze']);
  });

  it('never stores a page rendered while a CMS read failed, and serves the previous copy instead', async () => {
    let mode: 'ok' | 'degraded' | 'down' = 'ok';
    const site = await harness((url, renders) =>
      mode === 'down'
        ? { ...html('Contenuti non disponibili'), status: 503 }
        : html(`${url} #${renders.length}`, { degraded: mode === 'degraded' }));
    const first = await (await site.get('/')).text();
    site.now.value += 601_000;

    mode = 'down';
    const stale = await site.get('/');
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect(await stale.text()).toBe(first);
    expect(stale.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5');

    mode = 'degraded';
    expect(await (await site.get('/')).text()).toBe(first);
    mode = 'ok';
    const fresh = await site.get('/');
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(await fresh.text()).not.toBe(first);
  });

  it('without a previous copy: a degraded page is shown but marked no-store, a degraded feed or a failure is a 503', async () => {
    const site = await harness((url) => (url === '/feed.xml'
      ? { ...html(''), headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, degraded: true }
      : url === '/video' ? { ...html('errore'), status: 503 } : html('senza articoli correlati', { degraded: true })));
    const page = await site.get('/articoli/il-caso');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('senza articoli correlati');
    expect((await site.get('/articoli/il-caso')).headers.get('x-cache')).toBe('MISS');

    const feed = await site.get('/feed.xml');
    expect(feed.status).toBe(503);
    expect(feed.headers.get('retry-after')).toBe('30');
    expect((await site.get('/video')).status).toBe(503);
    expect(site.renders).toEqual(['/articoli/il-caso', '/articoli/il-caso', '/feed.xml', '/video']);
  });

  it('answers within the render timeout when the app hangs, and keeps the page once it is rendered', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const site = await harness(async (url) => {
      await slow;
      return html(url);
    });
    const started = Date.now();
    const response = await site.get('/libro');
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_500);
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await site.get('/libro')).headers.get('x-cache')).toBe('HIT');
  });

  it('charges uncached renders to the client that asks for them, never hits', async () => {
    const site = await harness((url) => html(url), { points: 3 });
    const flood = [];
    for (let n = 0; n < 6; n++) flood.push((await site.get(`/articoli/inesistente-${n}`, { 'x-test-client': 'crawler' })).status);
    expect(flood).toEqual([200, 200, 200, 429, 429, 429]);
    const tooMany = await site.get('/articoli/altro', { 'x-test-client': 'crawler' });
    expect(tooMany.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(tooMany.headers.get('cache-control')).toBe('no-store');
    // The crawler's pages already rendered are hits, free.
    expect((await site.get('/articoli/inesistente-0', { 'x-test-client': 'crawler' })).headers.get('x-cache')).toBe('HIT');
    // Another reader keeps a budget of its own.
    expect((await site.get('/articoli/altro', { 'x-test-client': 'lettore' })).status).toBe(200);
    // Searches count too.
    expect((await site.get('/cerca?q=bolletta', { 'x-test-client': 'crawler' })).status).toBe(429);
    expect(await (await site.get('/cerca?q=bolletta', { 'x-test-client': 'lettore' })).text()).toBe('APP');
  });

  it('hands to the app what it does not cache: assets, APIs, previews, the pages of one reader, writes', async () => {
    const site = await harness((url) => html(url));
    for (const path of ['/_nuxt/Entry.js', '/api/revalidate', '/testimonianze/invia', '/anteprima?x=1', '/favicon.svg']) {
      expect(await (await site.get(path)).text(), path).toBe('APP');
    }
    // A preview's token (checked by the app), on any page, whatever else the query holds: never looked up, never redirected.
    for (const path of ['/articoli/il-caso?anteprima=abc.def', '/ARTICOLI/il-caso/?utm_source=x&anteprima=abc.def', '/?anteprima=']) {
      const res = await site.get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe('APP');
    }
    expect(await (await fetch(`${site.url}/articoli`, { method: 'POST' })).text()).toBe('APP');
    expect(site.renders).toEqual([]);
    // The cookie of old opens nothing any more: the page goes through the cache like anybody's.
    expect((await site.get('/articoli', { cookie: 'cc_anteprima=1.abc' })).headers.get('x-cache')).toBe('MISS');
  });

  it('does not keep a page that sets a cookie, nor a 404', async () => {
    const site = await harness((url) => (url === '/x' ? html('x', { setCookie: true }) : { ...html('non trovata'), status: 404 }));
    await site.get('/x');
    await site.get('/x');
    expect((await site.get('/nessuna-pagina')).status).toBe(404);
    await site.get('/nessuna-pagina');
    expect(site.renders).toEqual(['/x', '/x', '/nessuna-pagina', '/nessuna-pagina']);
  });
});
