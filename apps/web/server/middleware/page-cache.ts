import { pageCacheSettings } from '../utils/page-cache/config';
import { pageKey } from '../utils/page-cache/key';
import { decideRequest } from '../utils/page-cache/policy';
import { readEntry } from '../utils/page-cache/store';
import { pageCacheStore } from '../utils/page-cache/storage';

/**
 * Serves public pages from the page cache (`X-Cache: HIT`), or marks the
 * request so that server/plugins/page-cache.ts stores the rendered page
 * (`X-Cache: MISS`). Pages that must be rendered each time say
 * `X-Cache: BYPASS`. A cache that fails (Redis down) is skipped, never fatal.
 */
export default defineEventHandler(async (event) => {
  const url = getRequestURL(event);
  const decision = decideRequest({
    method: event.method,
    pathname: url.pathname,
    searchParams: url.searchParams,
    cookie: getRequestHeader(event, 'cookie'),
  });
  if (decision === 'ignore') return;
  const { ttlSeconds } = pageCacheSettings(event);
  if (decision === 'bypass' || ttlSeconds === 0) {
    setResponseHeader(event, 'x-cache', 'BYPASS');
    return;
  }

  const key = pageKey(url.pathname, url.search);
  try {
    const entry = await readEntry(pageCacheStore(), key, ttlSeconds);
    if (entry) {
      setResponseHeaders(event, entry.headers);
      setResponseHeaders(event, { 'x-cache': 'HIT', 'age': Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000)) });
      return entry.body;
    }
  } catch (error) {
    console.error(`[page-cache] could not read ${url.pathname}: ${(error as Error).message}`);
    setResponseHeader(event, 'x-cache', 'BYPASS');
    return;
  }
  setResponseHeader(event, 'x-cache', 'MISS');
  event.context.pageCache = { key, renderStartedAt: Date.now() };
});
