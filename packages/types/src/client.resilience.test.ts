import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStrapiClient } from './client';
import { StrapiError, isStrapiError, type StrapiErrorKind } from './errors';
import type { RetryEvent } from './retry';
import { sendJson, startTestServer, strapiError, type TestServer } from './test-server';

// Retries, Retry-After, typed errors and the ETag cache, against a real local
// HTTP server whose answers each test scripts.
let server: TestServer;
const page = (data: unknown[] = []) => ({ data, meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: data.length } } });

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Answers the scripted responses in turn, then the last one forever. */
function script(...answers: Array<(res: Parameters<TestServer['handle']>[1]) => void>) {
  let n = 0;
  server.handle = (_req, res) => answers[Math.min(n++, answers.length - 1)]!(res);
}

const fast = { retryDelayMs: 5 };

describe('retries', () => {
  it('retries a read after a 503 and succeeds, telling onRetry', async () => {
    script(
      (res) => sendJson(res, 503, strapiError(503, 'ServiceUnavailableError', 'Starting')),
      (res) => sendJson(res, 200, page([{ documentId: 'a' }])),
    );
    const retries: RetryEvent[] = [];
    const api = createStrapiClient({ baseURL: server.origin, ...fast, onRetry: (event) => retries.push(event) });
    const result = await api.articles.list();
    expect(result.data).toEqual([{ documentId: 'a' }]);
    expect(server.requests).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ retry: 1, error: { status: 503, kind: 'server' } });
  });

  it('waits what Retry-After asks on a 429 before retrying', async () => {
    script(
      (res) => sendJson(res, 429, strapiError(429, 'RateLimitError', 'Too many requests'), { 'retry-after': '1' }),
      (res) => sendJson(res, 200, page()),
    );
    const api = createStrapiClient({ baseURL: server.origin, ...fast });
    const started = Date.now();
    await api.articles.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.requests).toHaveLength(2);
  });

  it('fails at once, with retryAfterSeconds, when Retry-After is beyond maxRetryDelayMs', async () => {
    script((res) => sendJson(res, 429, strapiError(429, 'RateLimitError', 'Too many requests'), { 'retry-after': '120' }));
    const api = createStrapiClient({ baseURL: server.origin, maxRetryDelayMs: 2000 });
    const started = Date.now();
    const error = await api.articles.list().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(StrapiError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 120, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after `retries` and says how many attempts were made', async () => {
    script((res) => sendJson(res, 503, strapiError(503, 'ServiceUnavailableError', 'Down')));
    const api = createStrapiClient({ baseURL: server.origin, ...fast });
    const error = (await api.global.get().catch((e: unknown) => e)) as StrapiError;
    expect(server.requests).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'server', status: 503, attempts: 3 });
    expect(error.message).toBe(`[GET] "${server.origin}/api/global": 503 Service Unavailable (ServiceUnavailableError: Down) after 3 attempts`);
  });

  it('makes one attempt with retries: 0', async () => {
    script((res) => sendJson(res, 503, strapiError(503, 'ServiceUnavailableError', 'Down')));
    const api = createStrapiClient({ baseURL: server.origin, retries: 0 });
    await expect(api.articles.list()).rejects.toMatchObject({ kind: 'server', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a write', async () => {
    script((res) => sendJson(res, 503, strapiError(503, 'ServiceUnavailableError', 'Down')));
    const api = createStrapiClient({ baseURL: server.origin, ...fast });
    const error = await api.submissions.submit({} as Parameters<typeof api.submissions.submit>[0]).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'server', method: 'POST', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a read whose connection was reset', async () => {
    let n = 0;
    server.handle = (req, res) => {
      if (n++ === 0) req.socket.destroy();
      else sendJson(res, 200, page());
    };
    const api = createStrapiClient({ baseURL: server.origin, ...fast });
    await expect(api.videos.list()).resolves.toMatchObject({ data: [] });
    expect(server.requests).toHaveLength(2);
  });

  it('reports an unreachable CMS as a network error after the retries', async () => {
    const api = createStrapiClient({ baseURL: 'http://127.0.0.1:9', ...fast });
    const error = await api.articles.list().catch((e: unknown) => e);
    expect(isStrapiError(error, 'network')).toBe(true);
    expect(error).toMatchObject({ status: 0, attempts: 3 });
  });

  it('does not retry a timeout (the whole call would last (retries + 1) × timeout)', async () => {
    server.handle = (_req, res) => setTimeout(() => sendJson(res, 200, page()), 500);
    const api = createStrapiClient({ baseURL: server.origin, timeout: 100, ...fast });
    const error = await api.articles.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', attempts: 1 });
    expect((error as Error).message).toMatch(/timeout of 100ms exceeded/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('typed errors', () => {
  it.each<[number, string, StrapiErrorKind]>([
    [400, 'ValidationError', 'validation'],
    [401, 'UnauthorizedError', 'unauthorized'],
    [403, 'ForbiddenError', 'forbidden'],
    [404, 'NotFoundError', 'not_found'],
    [500, 'InternalServerError', 'server'],
    [418, 'Teapot', 'unexpected'],
  ])('%i is a `%s` error of kind %s, not retried', async (status, name, kind) => {
    script((res) => sendJson(res, status, strapiError(status, name, 'no')));
    const api = createStrapiClient({ baseURL: server.origin, ...fast });
    const error = await api.articles.get('x').catch((e: unknown) => e);
    expect(isStrapiError(error, kind)).toBe(true);
    expect(error).toMatchObject({ status, body: { name, message: 'no' }, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('ETag cache', () => {
  it('revalidates with If-None-Match and serves a 304 from memory', async () => {
    server.handle = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else sendJson(res, 200, page([{ documentId: 'a', title: 'Uno' }]), { etag: '"v1"' });
    };
    const api = createStrapiClient({ baseURL: server.origin, cache: true });
    const first = await api.articles.list({ page: 1 });
    const second = await api.articles.list({ page: 1 });
    expect(second).toEqual(first);
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    // Another query string is another resource.
    await api.articles.list({ page: 2 });
    expect(server.requests[2]!.headers['if-none-match']).toBeUndefined();
  });

  it('sends no validators without the option', async () => {
    server.handle = (_req, res) => sendJson(res, 200, page(), { etag: '"v1"' });
    const api = createStrapiClient({ baseURL: server.origin });
    await api.articles.list();
    await api.articles.list();
    expect(server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined]);
  });
});
