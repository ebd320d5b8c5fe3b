import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStrapiClient } from './client';
import { sendJson, startTestServer, type TestServer } from './test-server';

// The iterators against a real local server that pages a fixed list the way
// Strapi does. What the real CMS does with `since`'s filters is tested in
// apps/cms/tests/partner-client.test.ts.
let server: TestServer;
const ENTRIES = Array.from({ length: 250 }, (_, i) => ({ documentId: `doc${String(i).padStart(3, '0')}`, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));

beforeAll(async () => {
  server = await startTestServer();
  server.handle = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = Number(url.searchParams.get('pagination[page]') ?? 1);
    const pageSize = Math.min(Number(url.searchParams.get('pagination[pageSize]') ?? 25), 100);
    const data = ENTRIES.slice((page - 1) * pageSize, page * pageSize);
    sendJson(res, 200, { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(ENTRIES.length / pageSize), total: ENTRIES.length } } });
  };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('iterate, pages, listAll', () => {
  it('reads every page, 100 entries per request', async () => {
    const api = createStrapiClient({ baseURL: server.origin });
    const seen: string[] = [];
    for await (const entry of api.articles.iterate({ sort: 'publicationDate:desc' })) seen.push(entry.documentId);
    expect(seen).toEqual(ENTRIES.map((e) => e.documentId));
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('pagination[page]'))).toEqual(['1', '2', '3']);
    for (const request of server.requests) {
      expect(request.url).toContain('pagination[pageSize]=100');
      expect(request.url).toContain('sort=publicationDate:desc');
    }
  });

  it('honours pageSize and can stop early', async () => {
    const api = createStrapiClient({ baseURL: server.origin });
    let n = 0;
    for await (const _ of api.testimonies.iterate({ pageSize: 10 })) if (++n === 15) break;
    expect(server.requests).toHaveLength(2);
  });

  it('collects everything with listAll and exposes the pages', async () => {
    const api = createStrapiClient({ baseURL: server.origin });
    expect(await api.answers.listAll()).toHaveLength(250);
    const totals: number[] = [];
    for await (const page of api.answers.pages({ pageSize: 100 })) totals.push(page.meta.pagination.total);
    expect(totals).toEqual([250, 250, 250]);
  });
});

describe('since', () => {
  it('filters on updatedAt, sorts by updatedAt then documentId, and moves a keyset cursor', async () => {
    let call = 0;
    server.handle = (_req, res) => {
      // A full page, then a short one: the iteration ends there.
      const data = call++ === 0 ? ENTRIES.slice(0, 100) : ENTRIES.slice(100, 130);
      sendJson(res, 200, { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 3, total: 250 } } });
    };
    const api = createStrapiClient({ baseURL: server.origin });
    const seen = [];
    const changes = api.categories.since(new Date('2025-12-31T23:00:00Z'), { filters: { name: { $startsWith: 'Tele' } } });
    expect(changes.cursor).toBe('2025-12-31T23:00:00.000Z');
    for await (const entry of changes) seen.push(entry);
    expect(seen).toHaveLength(130);
    expect(changes.cursor).toBe(`${ENTRIES[129]!.updatedAt}|${ENTRIES[129]!.documentId}`);

    const [first, second] = server.requests.map((r) => r.url);
    expect(first).toContain('filters[$and][0][name][$startsWith]=Tele');
    expect(first).toContain('filters[$and][1][updatedAt][$gt]=2025-12-31T23:00:00.000Z');
    expect(first).toContain('sort[0]=updatedAt:asc&sort[1]=documentId:asc');
    expect(first).toContain('pagination[page]=1&pagination[pageSize]=100');
    const last = ENTRIES[99]!;
    expect(second).toContain(`filters[$and][1][$or][0][updatedAt][$gt]=${last.updatedAt}`);
    expect(second).toContain(`filters[$and][1][$or][1][updatedAt][$eq]=${last.updatedAt}`);
    expect(second).toContain(`filters[$and][1][$or][1][documentId][$gt]=${last.documentId}`);
    expect(second).toContain('pagination[page]=1');
  });

  it('follows publishedAt for draft-and-publish types, keeps it in `fields`, and refuses a non-date', async () => {
    server.handle = (_req, res) => sendJson(res, 200, { data: [], meta: { pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 } } });
    const api = createStrapiClient({ baseURL: server.origin });
    for await (const _ of api.articles.since('2026-01-01T00:00:00+01:00', { fields: ['title'] })) throw new Error('no entries expected');
    expect(server.requests[0]!.url).toContain('filters[publishedAt][$gt]=2025-12-31T23:00:00.000Z');
    expect(server.requests[0]!.url).toContain('sort[0]=publishedAt:asc&sort[1]=documentId:asc');
    expect(server.requests[0]!.url).toContain('fields[0]=title&fields[1]=publishedAt');
    expect(() => api.articles.since('ieri')).toThrow(/"ieri" is not a date/);
    // From JavaScript (the types refuse it): an order of one's own would break the cursor, so it is refused, not dropped.
    expect(() => api.articles.since('2026-01-01', { sort: ['title:asc'] } as never)).toThrow(/since\(\) takes no "sort": it reads every page in the order of publishedAt, then documentId/);
    expect(() => api.categories.since('2026-01-01', { page: 2 } as never)).toThrow(/since\(\) takes no "page".*order of updatedAt/);
  });

  describe('resuming from the stored cursor', () => {
    // Four articles, two published in the same millisecond (bulk or scheduled publishing).
    const at = (second: number) => new Date(Date.UTC(2026, 10, 27, 22, 0, second)).toISOString();
    const ARTICLES = [
      { documentId: 'aaa', publishedAt: at(1) },
      { documentId: 'bbb', publishedAt: at(2) },
      { documentId: 'ccc', publishedAt: at(2) },
      { documentId: 'ddd', publishedAt: at(3) },
    ];

    beforeEach(() => {
      // The keyset filters `since` sends, applied as the CMS applies them.
      server.handle = (req, res) => {
        const query = new URL(req.url ?? '/', 'http://x').searchParams;
        const gt = query.get('filters[publishedAt][$gt]') ?? query.get('filters[$or][0][publishedAt][$gt]');
        const tieAfter = query.get('filters[$or][1][documentId][$gt]');
        const pageSize = Number(query.get('pagination[pageSize]'));
        const data = ARTICLES.filter((a) => a.publishedAt > gt! || (tieAfter !== null && a.publishedAt === gt && a.documentId > tieAfter)).slice(0, pageSize);
        sendJson(res, 200, { data, meta: { pagination: { page: 1, pageSize, pageCount: 1, total: data.length } } });
      };
    });

    const read = async (from: string | Date) => {
      const seen: string[] = [];
      for await (const entry of createStrapiClient({ baseURL: server.origin }).articles.since(from)) seen.push(entry.documentId);
      return seen;
    };

    it('stores the time and documentId of the last entry, and loses no entry sharing its time', async () => {
      const changes = createStrapiClient({ baseURL: server.origin }).articles.since(new Date(0));
      for await (const entry of changes) if (entry.documentId === 'bbb') break; // a run stopped after bbb
      expect(changes.cursor).toBe(`${at(2)}|bbb`);

      expect(await read(changes.cursor)).toEqual(['ccc', 'ddd']);
      expect(server.requests.at(-1)!.url).toContain(`filters[$or][0][publishedAt][$gt]=${at(2)}&filters[$or][1][publishedAt][$eq]=${at(2)}&filters[$or][1][documentId][$gt]=bbb`);
      // Resuming from a cursor and stopping at once keeps it as it was.
      const idle = createStrapiClient({ baseURL: server.origin }).articles.since(changes.cursor);
      expect(idle.cursor).toBe(`${at(2)}|bbb`);
    });

    it('still takes a plain date (strictly after it) and refuses a malformed cursor', async () => {
      expect(await read(at(1))).toEqual(['bbb', 'ccc', 'ddd']);
      expect(await read(new Date(at(2)))).toEqual(['ddd']);
      const api = createStrapiClient({ baseURL: server.origin });
      expect(() => api.articles.since(`${at(2)}|`)).toThrow(/is not a cursor \(expected <ISO time>\|<documentId>/);
      expect(() => api.articles.since('ieri|bbb')).toThrow(/"ieri\|bbb" is not a date nor a cursor/);
    });
  });
});
