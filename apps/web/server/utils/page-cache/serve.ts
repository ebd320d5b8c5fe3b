import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickEncoding } from '../response-compression';
import type { RenderBudget } from '../limits/render-budget';
import { canonicalPath, canonicalRequest } from './canonical';
import { createEntry, variantOf, type PageEntry, type PageVariant } from './entry';
import { classifyTarget, hasPreviewToken, isCacheableResponse, isHtml, pageKind } from './policy';
import type { RenderedPage, Renderer } from './render';
import { sendBadAddress, sendCanonicalRedirect, sendRendered, sendTooManyRequests, sendUnavailable, sendVariant, type PageCachePolicy } from './respond';
import type { PageStore } from './store';

/**
 * The page cache, in front of the whole app: it sees each request before
 * Nitro and Nuxt do (server/plugins/page-cache.ts), so a hit costs a lookup
 * and one write, like a static file.
 *
 * For a public page: the address is reduced to its canonical URL (a 301
 * otherwise); a fresh copy is served (`X-Cache: HIT`, 304 for a current
 * one); otherwise one render per URL at a time, whatever the number of
 * readers waiting for it (`MISS`), charged to the client that caused it
 * (`RenderBudget`: over budget, a stale copy or a 429). A render that fails
 * or read the CMS with errors is never stored: a stale copy is served
 * instead (`STALE`) when there is one; otherwise the error page, a page
 * marked `no-store`, or (for feeds and the sitemap, which programs read) a
 * 503. A render that takes longer than `renderTimeoutMs` is answered the
 * same way at that point, and stored when it completes.
 *
 * Returns `answered` when it answered, `render` when the app must render a
 * page for this request (counted against the render concurrency), `pass`
 * for the rest (assets, APIs).
 */
export type PageCacheOutcome = 'answered' | 'render' | 'pass';

export interface PageCacheOptions {
  /** Undefined: no page cache (renders still counted against the budget). */
  store: PageStore | undefined;
  budget: RenderBudget;
  clientAddress(req: IncomingMessage): string;
  render: Renderer;
  settings: PageCachePolicy & { renderTimeoutMs: number };
  now?: () => number;
  log?: (message: string) => void;
}

type Outcome
  = | { kind: 'stored'; entry: PageEntry }
    | { kind: 'rendered'; page: RenderedPage }
    | { kind: 'failed'; page?: RenderedPage };

const TIMEOUT = Symbol('timeout');
/**
 * The feeds and the sitemap are read by programs, which wait: their render
 * (a sitemap file lists up to 50,000 entries) gets longer than a page's.
 */
const DOCUMENT_RENDER_TIMEOUT_MS = 25_000;
const isDocument = (path: string) => /\.[a-z]+$/.test(path);

export function createPageCache(options: PageCacheOptions): (req: IncomingMessage, res: ServerResponse) => Promise<PageCacheOutcome> {
  const { store, budget, clientAddress, render, settings } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.error(message));
  const flights = new Map<string, Promise<Outcome>>();
  const retainSeconds = settings.ttlSeconds + settings.staleSeconds;

  function startRender(url: string, requestId: string | undefined): Promise<Outcome> {
    const flight = (async (): Promise<Outcome> => {
      const startedAt = now();
      let page: RenderedPage;
      try {
        page = await render(url, requestId);
      } catch (error) {
        log(`[page-cache] rendering ${url} failed: ${(error as Error).message}`);
        return { kind: 'failed' };
      }
      if (page.degraded || page.status >= 500) return { kind: 'failed', page };
      const cacheable = isCacheableResponse({
        status: page.status,
        contentType: page.headers['content-type'],
        setCookie: page.setCookie,
        cacheControl: page.headers['cache-control'],
      });
      if (!cacheable) return { kind: 'rendered', page };
      const entry = await createEntry({ status: page.status, headers: page.headers, storedAt: startedAt }, page.body);
      await store?.set(url, entry, { retainSeconds, renderStartedAt: startedAt })
        .catch((error: Error) => log(`[page-cache] could not store ${url}: ${error.message}`));
      return { kind: 'stored', entry };
    })();
    flights.set(url, flight);
    void flight.finally(() => flights.delete(url));
    return flight;
  }

  /** Serves a render's outcome to one waiting request; false when the request must render by itself. */
  function serveOutcome(req: IncomingMessage, res: ServerResponse, outcome: Outcome, stale: PageVariant | undefined, leader: boolean): boolean {
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (outcome.kind === 'stored') {
      sendVariant(req, res, variantOf(outcome.entry, encoding), 'MISS', settings, now());
      return true;
    }
    if (outcome.kind === 'rendered') {
      // A response with a cookie belongs to the one request that caused it.
      if (outcome.page.setCookie && !leader) return false;
      sendRendered(req, res, outcome.page, { 'x-cache': 'MISS' });
      return true;
    }
    if (stale) {
      sendVariant(req, res, stale, 'STALE', settings, now());
      return true;
    }
    const page = outcome.page;
    if (!page || !isHtml(page.headers['content-type'])) {
      sendUnavailable(req, res);
      return true;
    }
    if (page.setCookie && !leader) return false;
    // An error page, or a page whose side content failed to load: shown, never kept by anyone.
    sendRendered(req, res, page, { 'x-cache': 'MISS', 'cache-control': 'no-store' });
    return true;
  }

  /** Rendered by the app for this request only, within the client's budget. */
  async function bypass(req: IncomingMessage, res: ServerResponse): Promise<PageCacheOutcome> {
    const wait = await budget.take(clientAddress(req));
    if (wait !== undefined) {
      sendTooManyRequests(req, res, wait);
      return 'answered';
    }
    res.setHeader('x-cache', 'BYPASS');
    return 'render';
  }

  return async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return 'pass';
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    if (classifyTarget(mark < 0 ? target : target.slice(0, mark)) === 'pass') return 'pass';
    if (hasPreviewToken(target)) {
      res.setHeader('x-cache', 'BYPASS');
      return 'render';
    }

    const rawPath = mark < 0 ? target : target.slice(0, mark);
    const path = canonicalPath(rawPath);
    if (path === null) {
      sendBadAddress(req, res);
      return 'answered';
    }
    const kind = pageKind(path);
    if (kind !== 'cache') {
      // The query of these pages is their own business (a search, a private token): only the path is canonical.
      if (path !== rawPath) {
        sendCanonicalRedirect(req, res, `${path}${mark < 0 ? '' : target.slice(mark)}`);
        return 'answered';
      }
      return kind === 'never' ? 'render' : bypass(req, res);
    }

    const canonical = canonicalRequest(target);
    if (canonical.kind === 'invalid') {
      sendBadAddress(req, res);
      return 'answered';
    }
    if (canonical.kind === 'redirect') {
      sendCanonicalRedirect(req, res, canonical.location);
      return 'answered';
    }
    if (!store) return bypass(req, res);

    const { url } = canonical;
    const encoding = pickEncoding(req.headers['accept-encoding']);
    let cached: PageVariant | undefined;
    try {
      cached = await store.get(url, encoding);
    } catch (error) {
      // The store is down (Redis): the app renders the page, uncached, within the client's budget.
      log(`[page-cache] could not read ${url}: ${(error as Error).message}`);
      return bypass(req, res);
    }
    if (cached && now() - cached.storedAt <= settings.ttlSeconds * 1000) {
      sendVariant(req, res, cached, 'HIT', settings, now());
      return 'answered';
    }

    let flight = flights.get(url);
    let leader = false;
    if (!flight) {
      const wait = await budget.take(clientAddress(req));
      if (wait !== undefined) {
        if (cached) sendVariant(req, res, cached, 'STALE', settings, now());
        else sendTooManyRequests(req, res, wait);
        return 'answered';
      }
      // Another request may have started the same render while this one was being counted.
      flight = flights.get(url);
      if (!flight) {
        // The id of the request that starts the render (server/plugins/page-cache.ts checked it).
        const requestId = req.headers['x-request-id'];
        flight = startRender(url, typeof requestId === 'string' ? requestId : undefined);
        leader = true;
      }
    }

    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      flight,
      new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(resolve, isDocument(canonical.path) ? DOCUMENT_RENDER_TIMEOUT_MS : settings.renderTimeoutMs, TIMEOUT))),
    ]);
    clearTimeout(timer);
    if (outcome === TIMEOUT) {
      if (cached) sendVariant(req, res, cached, 'STALE', settings, now());
      else sendUnavailable(req, res);
      return 'answered';
    }
    return serveOutcome(req, res, outcome, cached, leader) ? 'answered' : 'render';
  };
}
