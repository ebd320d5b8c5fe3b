import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { StrapiError } from './errors';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, retryPolicy } from './retry';

const failure = (status: number, extra: { method?: string; retryAfterSeconds?: number; cause?: unknown } = {}) =>
  new StrapiError({ method: extra.method ?? 'GET', url: 'http://cms/api/articles', status, retryAfterSeconds: extra.retryAfterSeconds, cause: extra.cause });

const policy = retryPolicy({ retries: 3, retryDelayMs: 1000, maxRetryDelayMs: 30_000 });

describe('retryDelay', () => {
  it('backs off exponentially with equal jitter', () => {
    expect(retryDelay(failure(503), 1, policy, () => 0)).toBe(500);
    expect(retryDelay(failure(503), 1, policy, () => 1)).toBe(1000);
    expect(retryDelay(failure(503), 2, policy, () => 0)).toBe(1000);
    expect(retryDelay(failure(503), 3, policy, () => 1)).toBe(4000);
    expect(retryDelay(failure(503), 4, policy)).toBeUndefined();
  });

  it('caps the backoff at maxRetryDelayMs', () => {
    const capped = retryPolicy({ retries: 10, retryDelayMs: 1000, maxRetryDelayMs: 3000 });
    expect(retryDelay(failure(502), 8, capped, () => 1)).toBe(3000);
  });

  it('honours Retry-After as a floor, and gives up at once when it is beyond maxRetryDelayMs', () => {
    expect(retryDelay(failure(429, { retryAfterSeconds: 2 }), 1, policy, () => 0)).toBe(2000);
    expect(retryDelay(failure(429, { retryAfterSeconds: 2 }), 1, policy, () => 1)).toBe(3000);
    expect(retryDelay(failure(503, { retryAfterSeconds: 31 }), 1, policy)).toBeUndefined();
    expect(retryDelay(failure(429, { retryAfterSeconds: 0 }), 1, policy, () => 0)).toBe(0);
  });

  it('retries only reads, only transient failures', () => {
    expect(retryDelay(failure(503, { method: 'POST' }), 1, policy)).toBeUndefined();
    for (const status of [400, 401, 403, 404, 413, 500]) expect(retryDelay(failure(status), 1, policy), String(status)).toBeUndefined();
    for (const status of [429, 502, 503, 504]) expect(retryDelay(failure(status), 1, policy), String(status)).toBeDefined();
  });

  it('retries connection failures but not timeouts nor cancellations', () => {
    const network = (code: string) => failure(0, { cause: new AxiosError('x', code) });
    expect(retryDelay(network('ECONNRESET'), 1, policy)).toBeDefined();
    expect(retryDelay(network('ECONNREFUSED'), 1, policy)).toBeDefined();
    expect(retryDelay(network(AxiosError.ECONNABORTED), 1, policy)).toBeUndefined();
    expect(retryDelay(network(AxiosError.ERR_CANCELED), 1, policy)).toBeUndefined();
    expect(retryDelay(failure(0, { cause: new TypeError('a bug') }), 1, policy)).toBeUndefined();
  });

  it('defaults to two retries within 30 s, and refuses nonsense', () => {
    expect(retryPolicy({})).toEqual(DEFAULT_RETRY_POLICY);
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ retries: 2, maxRetryDelayMs: 30_000 });
    expect(() => retryPolicy({ retries: -1 })).toThrow(/retries must be a number >= 0/);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
