import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStrapiClient } from '@chiudete/types';
import { loadFeedContent } from './content';

/**
 * A real local HTTP server that answers like Strapi's REST API (pagination
 * included), so the requests the loaders make are the ones sent on the wire.
 */
const ARTICLE_COUNT = 150;
const requests: URL[] = [];
let server: Server;
let baseURL: string;

function page(total: number, url: URL) {
  const pageNumber = Number(url.searchParams.get('pagination[page]') ?? 1);
  const pageSize = Number(url.searchParams.get('pagination[pageSize]') ?? 25);
  const start = (pageNumber - 1) * pageSize;
  const data = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => ({
    id: start + i + 1,
    documentId: `doc${start + i + 1}`,
    slug: `articolo-${start + i + 1}`,
    updatedAt: '2019-07-04T10:00:00.000Z',
  }));
  return { data, meta: { pagination: { page: pageNumber, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    const body = url.pathname === '/api/global'
      ? { data: { siteName: 'Chiudete i Call Center', tagline: 'Motto', updatedAt: '2019-07-01T00:00:00.000Z' }, meta: {} }
      : page(url.pathname === '/api/articles' ? ARTICLE_COUNT : 0, url);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('loadFeedContent', () => {
  it('asks for the newest articles and answers only', async () => {
    requests.length = 0;
    const content = await loadFeedContent(createStrapiClient({ baseURL }), 20);
    expect(content.articles).toHaveLength(20);
    const articles = requests.find((url) => url.pathname === '/api/articles');
    expect(articles?.searchParams.get('sort[0]')).toBe('publicationDate:desc');
    expect(articles?.searchParams.get('pagination[pageSize]')).toBe('20');
    expect(requests.find((url) => url.pathname === '/api/answers')?.searchParams.get('sort[0]')).toBe('publishedAt:desc');
  });
});
