import { REQUEST_ID_HEADER } from '@chiudete/types';
import type { ReadCacheStore } from './read-cache';

/**
 * The site server's reads of the CMS's public API, with the site's own
 * token: through the data cache (read-cache.ts), one request per URL at a
 * time (identical concurrent reads share one answer), a short timeout, and
 * one retry with backoff for a CMS that says "not now" (429, 502-504) or
 * cannot be reached. A read that fails even so comes back from the cache's
 * stale copy when there is one; either way it is reported as `degraded`, so
 * that nothing built from it is cached or presented as complete.
 */
export interface CmsAnswer {
  status: number;
  /** The JSON text of the answer. */
  body: string;
  /** A CMS read failed: the answer is a stale copy, or the failure itself. */
  degraded: boolean;
}

export class CmsUnavailableError extends Error {
  constructor(readonly url: string, readonly status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CmsUnavailableError';
  }
}

export interface CmsReaderOptions {
  /** The CMS's origin as this server reaches it. */
  baseUrl: string;
  token: string;
  cache?: ReadCacheStore;
  /** Freshness of a cached answer without a purge. */
  ttlSeconds: number;
  /** How long past that an answer is kept for stale-if-error. */
  retainSeconds: number;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Backoff before the retry (ms); tests set it to 0. */
  retryDelayMs?: number;
}

export interface ReadOptions {
  /** Per attempt, instead of the reader's default (a sitemap file of 50,000 entries takes longer than a page's data). */
  timeoutMs?: number;
  /**
   * The id of the site's request, sent as X-Request-Id. Identical reads in
   * flight at once share one CMS request: it carries the first one's id.
   */
  requestId?: string;
}

export interface CmsReader {
  /** GET `/api<path>` (`path` with its query string, e.g. `/articles?...`). */
  read(path: string, options?: ReadOptions): Promise<CmsAnswer>;
  /** Forgets every cached answer (a content change). */
  purge(): Promise<void>;
}

const RETRYABLE = new Set([429, 502, 503, 504]);
/**
 * Search answers are not kept: the CMS updates its index in the background
 * after a change, later than the purge that would forget a kept answer.
 */
const cacheable = (path: string) => !/^\/search(?:[/?]|$)/.test(path);
/** Longest Retry-After still worth waiting for during a render. */
const MAX_RETRY_AFTER_MS = 1_000;
/** After a failure, how long the CMS is not asked again (a Retry-After can say more, up to the cap). */
const PAUSE_AFTER_FAILURE_MS = 2_000;
const MAX_PAUSE_MS = 60_000;

export function createCmsReader(options: CmsReaderOptions): CmsReader {
  const { ttlSeconds, retainSeconds, timeoutMs } = options;
  const store = ttlSeconds > 0 ? options.cache : undefined;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api`;
  const headers = { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) };
  const inFlight = new Map<string, Promise<CmsAnswer>>();
  /**
   * A CMS that just failed (down, hanging, overloaded) is not asked again for
   * a few seconds: reads answer at once from the stale copy, or fail, instead
   * of each waiting for its own timeout, and the CMS gets room to recover.
   * Knowledge of this process only (it is about the road to the CMS, not
   * shared state); the first read after the pause asks again.
   */
  let pausedUntil = 0;
  const pause = (ms = PAUSE_AFTER_FAILURE_MS) => {
    pausedUntil = Math.max(pausedUntil, now() + Math.min(ms, MAX_PAUSE_MS));
  };

  async function attempt(url: string, timeout: number, requestId: string | undefined): Promise<{ status: number; body: string; retryAfterMs?: number }> {
    const response = await doFetch(url, { headers: requestId ? { ...headers, [REQUEST_ID_HEADER]: requestId } : headers, signal: AbortSignal.timeout(timeout) });
    const header = response.headers.get('retry-after');
    const retryAfter = header === null ? Number.NaN : Number(header);
    return { status: response.status, body: await response.text(), ...(retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
  }

  /** Two attempts at most; a timeout is not retried (it already took the whole budget). */
  async function fetchAnswer(url: string, timeout: number, requestId: string | undefined): Promise<{ status: number; body: string }> {
    let failure: unknown;
    for (let round = 0; round < 2; round++) {
      try {
        const answer = await attempt(url, timeout, requestId);
        const done = { status: answer.status, body: answer.body };
        if (!RETRYABLE.has(answer.status)) return done;
        if (round === 1 || (answer.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) {
          pause(answer.retryAfterMs);
          return done;
        }
        failure = new CmsUnavailableError(url, answer.status, `the CMS answered ${answer.status}`);
        await wait(Math.max(answer.retryAfterMs ?? 0, jitter(options.retryDelayMs ?? 150)));
      } catch (error) {
        failure = error;
        if ((error as Error).name === 'TimeoutError' || round === 1) break;
        await wait(jitter(options.retryDelayMs ?? 150));
      }
    }
    pause();
    const cause = failure as Error;
    throw new CmsUnavailableError(url, 0, `the CMS did not answer: ${cause.name === 'TimeoutError' ? `no answer within ${timeout} ms` : cause.message}`, { cause });
  }

  async function read(path: string, { timeoutMs: timeout = timeoutMs, requestId }: ReadOptions): Promise<CmsAnswer> {
    const url = `${base}${path}`;
    const cache = cacheable(path) ? store : undefined;
    const lookup = cache ? await cache.lookup(path).catch(() => undefined) : undefined;
    const cached = lookup?.entry;
    if (cached && now() - cached.storedAt <= ttlSeconds * 1000) return { status: 200, body: cached.body, degraded: false };
    if (now() < pausedUntil) {
      if (cached) return { status: 200, body: cached.body, degraded: true };
      throw new CmsUnavailableError(url, 0, `the CMS failed moments ago: not asked again for ${Math.ceil((pausedUntil - now()) / 1000)} s`);
    }

    const startedAt = now();
    try {
      const answer = await fetchAnswer(url, timeout, requestId);
      if (answer.status === 200) {
        if (cache && lookup) await cache.store(lookup.generation, path, { storedAt: startedAt, body: answer.body }, ttlSeconds + retainSeconds).catch(() => undefined);
        return { ...answer, degraded: false };
      }
      if (RETRYABLE.has(answer.status) || answer.status >= 500) {
        if (cached) return { status: 200, body: cached.body, degraded: true };
        return { ...answer, degraded: true };
      }
      return { ...answer, degraded: false };
    } catch (error) {
      if (cached) return { status: 200, body: cached.body, degraded: true };
      throw error;
    }
  }

  return {
    read(path, options = {}) {
      let pending = inFlight.get(path);
      if (!pending) {
        pending = read(path, options).finally(() => inFlight.delete(path));
        inFlight.set(path, pending);
      }
      return pending;
    },
    async purge() {
      await store?.purge();
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (ms: number) => (ms === 0 ? 0 : ms / 2 + Math.random() * ms);
