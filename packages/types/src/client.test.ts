import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient } from './client';
import { StrapiError } from './errors';

// A real local HTTP server standing in for Strapi's REST API: the client's own
// behaviour (URLs, query strings, headers, errors) is tested here; its use
// against the real CMS is tested in apps/cms/tests.
let server: Server;
let origin: string;
const requests: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/articles' && url.searchParams.get('filters[slug][$eq]') === 'presente') {
      res.end(JSON.stringify({ data: [{ id: 1, documentId: 'abc', slug: 'presente' }], meta: { pagination: { page: 1, pageSize: 1, pageCount: 1, total: 1 } } }));
    } else if (url.pathname === '/api/articles') {
      res.end(JSON.stringify({ data: [], meta: { pagination: { page: 1, pageSize: 1, pageCount: 0, total: 0 } } }));
    } else if (url.pathname === '/api/sitemap') {
      res.end(JSON.stringify({ data: [{ type: 'article', count: 2, lastModified: '2026-11-30T10:00:00.000Z' }] }));
    } else if (url.pathname.startsWith('/api/sitemap/')) {
      const page = Number(url.searchParams.get('page'));
      const pageSize = Number(url.searchParams.get('pageSize') ?? 50000);
      res.end(JSON.stringify({ data: [{ slug: url.pathname.slice('/api/sitemap/'.length), updatedAt: '2026-11-30T10:00:00.000Z' }], meta: { pagination: { page, pageSize, pageCount: 2, total: 2 } } }));
    } else if (url.pathname === '/api/osservatorio') {
      const company = url.searchParams.get('company');
      if (company === 'sotto-soglia') {
        res.statusCode = 404;
        res.end(JSON.stringify({ data: null, error: { status: 404, name: 'NotFoundError', message: 'No company "sotto-soglia" in the Osservatorio' } }));
      } else if (req.headers['if-none-match'] === '"oss-1"') {
        res.writeHead(304, { etag: '"oss-1"' });
        res.end();
      } else {
        res.setHeader('etag', '"oss-1"');
        res.end(JSON.stringify({ data: { total: 3, filters: { sector: url.searchParams.get('sector'), from: url.searchParams.get('from'), to: url.searchParams.get('to'), company: null } } }));
      }
    } else if (url.pathname === '/api/testimonies') {
      res.statusCode = 429;
      res.setHeader('retry-after', '7');
      res.end(JSON.stringify({ data: null, error: { status: 429, name: 'RateLimitError', message: 'Too many requests' } }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createStrapiClient', () => {
  it('finds an entry by slug with a bracket-notation filter and sends the token', async () => {
    const api = createStrapiClient({ baseURL: `${origin}/`, token: 'secret-token' });
    const article = await api.articles.getBySlug('presente');
    expect(article?.documentId).toBe('abc');
    const last = requests.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer secret-token');
    expect(decodeURIComponent(last.url ?? '')).toContain('filters[slug][$eq]=presente');
    expect(decodeURIComponent(last.url ?? '')).toContain('pagination[pageSize]=1');
  });

  it('reads the sitemap source: the summary per type, then pages of slugs', async () => {
    const api = createStrapiClient({ baseURL: origin });
    expect((await api.sitemap.types()).data).toEqual([{ type: 'article', count: 2, lastModified: '2026-11-30T10:00:00.000Z' }]);
    expect(requests.at(-1)!.url).toBe('/api/sitemap');
    const page = await api.sitemap.page('book-release', 2, 1);
    expect(requests.at(-1)!.url).toBe('/api/sitemap/book-release?page=2&pageSize=1');
    expect(page.data[0]!.slug).toBe('book-release');
    expect(page.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
    await api.sitemap.page('testimony');
    expect(requests.at(-1)!.url).toBe('/api/sitemap/testimony?page=1');
  });

  it('reads the Osservatorio with its filters, revalidates it by ETag and reports a company under the threshold as a 404', async () => {
    const api = createStrapiClient({ baseURL: origin, cache: true });
    const first = await api.osservatorio.get({ sector: 'telefonia', from: '2025-01', to: '2025-12' });
    expect(requests.at(-1)!.url).toBe('/api/osservatorio?sector=telefonia&from=2025-01&to=2025-12');
    expect(first.data.total).toBe(3);
    expect(first.data.filters).toEqual({ sector: 'telefonia', from: '2025-01', to: '2025-12', company: null });
    const again = await api.osservatorio.get({ sector: 'telefonia', from: '2025-01', to: '2025-12' });
    expect(requests.at(-1)!.headers['if-none-match']).toBe('"oss-1"');
    expect(again).toEqual(first);
    await api.osservatorio.get();
    expect(requests.at(-1)!.url).toBe('/api/osservatorio');
    const error = (await api.osservatorio.get({ company: 'sotto-soglia' }).catch((e: unknown) => e)) as StrapiError;
    expect(error).toBeInstanceOf(StrapiError);
    expect(error.isNotFound).toBe(true);
  });

  it('returns null when no entry has the slug', async () => {
    const api = createStrapiClient({ baseURL: origin });
    expect(await api.articles.getBySlug('assente')).toBeNull();
  });

  it('throws a StrapiError naming method, URL, status and Strapi\'s message', async () => {
    const api = createStrapiClient({ baseURL: origin });
    const error = await api.videos.get('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrapiError);
    const strapiError = error as StrapiError;
    expect(strapiError.status).toBe(404);
    expect(strapiError.isNotFound).toBe(true);
    expect(strapiError.message).toBe(`[GET] "${origin}/api/videos/nope": 404 Not Found (NotFoundError: Not Found)`);
    expect(strapiError.cause).toBeDefined();
  });

  it('exposes Retry-After on 429', async () => {
    const api = createStrapiClient({ baseURL: origin, retries: 0 });
    const error = (await api.testimonies.list({ page: 2 }).catch((e: unknown) => e)) as StrapiError;
    expect(error.status).toBe(429);
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.url).toContain('pagination[page]=2');
  });

  it('reports a network failure with status 0', async () => {
    const api = createStrapiClient({ baseURL: 'http://127.0.0.1:9', timeout: 2000, retries: 0 });
    const error = (await api.global.get().catch((e: unknown) => e)) as StrapiError;
    expect(error).toBeInstanceOf(StrapiError);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/^\[GET\] "http:\/\/127\.0\.0\.1:9\/api\/global": request failed/);
  });
});

describe('createStrapiClient with `read` (a server reading through its own layer)', () => {
  /** `read` answered by the same test server over HTTP, recording the paths it was given. */
  const overHttp = () => {
    const asked: string[] = [];
    const read = async (pathAndQuery: string) => {
      asked.push(pathAndQuery);
      const res = await fetch(`${origin}/api${pathAndQuery}`);
      return { status: res.status, body: await res.text() };
    };
    return { asked, api: createStrapiClient({ baseURL: origin, retries: 0, read }) };
  };

  it('asks for exactly the URLs the client sends over HTTP, and gets the same data', async () => {
    const { asked, api } = overHttp();
    const wire = createStrapiClient({ baseURL: origin, retries: 0 });
    const calls: Array<(client: typeof api) => Promise<unknown>> = [
      (client) => client.articles.getBySlug('presente', { fields: ['slug'], populate: { cover: { fields: ['url'] } } }),
      (client) => client.sitemap.page('book-release', 2, 1),
      (client) => client.osservatorio.get({ sector: 'telefonia', from: '2025-01', to: '2025-12' }),
      (client) => client.articles.list({ page: 1, pageSize: 1, sort: ['publicationDate:desc'] }),
    ];
    for (const call of calls) {
      const viaHttp = await call(wire);
      const sent = requests.at(-1)!.url!;
      expect(await call(api)).toEqual(viaHttp);
      expect(`/api${asked.at(-1)!}`).toBe(sent);
    }
  });

  it('turns failures into the same StrapiErrors: status, kind, Strapi\'s body', async () => {
    const { api } = overHttp();
    const wire = createStrapiClient({ baseURL: origin, retries: 0 });
    for (const call of [(client: typeof api) => client.videos.get('nope'), (client: typeof api) => client.testimonies.list({ page: 2 })]) {
      const [viaHttp, viaRead] = (await Promise.all([call(wire).catch((e: unknown) => e), call(api).catch((e: unknown) => e)])) as StrapiError[];
      expect(viaRead).toBeInstanceOf(StrapiError);
      expect({ status: viaRead!.status, kind: viaRead!.kind, body: viaRead!.body, url: viaRead!.url })
        .toEqual({ status: viaHttp!.status, kind: viaHttp!.kind, body: viaHttp!.body, url: viaHttp!.url });
    }
  });

  it('reports a `read` that throws as a network failure, and a 200 that is not JSON as an error', async () => {
    const down = createStrapiClient({ baseURL: origin, retries: 0, read: () => Promise.reject(new Error('no answer within 1500 ms')) });
    expect(await down.global.get().catch((e: unknown) => e)).toMatchObject({ status: 0, kind: 'network' });
    const garbled = createStrapiClient({ baseURL: origin, retries: 0, read: () => Promise.resolve({ status: 200, body: '<html>proxy error</html>' }) });
    const error = (await garbled.global.get().catch((e: unknown) => e)) as StrapiError;
    expect(error).toBeInstanceOf(StrapiError);
    expect((error.cause as Error).message).toBe('The CMS answered 200 with a body that is not JSON');
  });

  it('refuses `read` together with the ETag cache', () => {
    expect(() => createStrapiClient({ baseURL: origin, cache: true, read: () => Promise.resolve({ status: 200, body: '{}' }) })).toThrow(/exclude each other/);
  });
});
