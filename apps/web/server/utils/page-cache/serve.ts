import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickEncoding } from '../response-compression';
import type { RenderBudget } from '../limits/render-budget';
import { canonicalPath, canonicalRequest } from './canonical';
import { createEntry, variantOf, type PageEntry, type PageVariant } from './entry';
import { classifyTarget, hasPreviewToken, isCacheableResponse, isHtml, pageKind } from './policy';
import type { RenderedPage, Renderer } from './render';
import { sendBadAddress, sendCanonicalRedirect, sendRendered, sendTooManyRequests, sendUnavailable, sendVariant, type CommonHeaders, type PageCachePolicy } from './respond';
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
 * for the rest (assets, APIs). A hit in a store of this process (the memory
 * store) is answered at once, in the same turn, without a promise; the rest
 * (Redis, renders) through one. Every answer carries the `common` headers.
 */
export type PageCacheOutcome = 'answered' | 'render' | 'pass';

export type PageCache = (req: IncomingMessage, res: ServerResponse, common: CommonHeaders) => PageCacheOutcome | Promise<PageCacheOutcome>;

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

export function createPageCache(options: PageCacheOptions): PageCache {
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
  function serveOutcome(req: IncomingMessage, res: ServerResponse, common: CommonHeaders, outcome: Outcome, stale: PageVariant | undefined, leader: boolean): boolean {
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (outcome.kind === 'stored') {
      sendVariant(req, res, common, variantOf(outcome.entry, encoding), 'MISS', settings, now());
      return true;
    }
    if (outcome.kind === 'rendered') {
      // A response with a cookie belongs to the one request that caused it.
      if (outcome.page.setCookie && !leader) return false;
      sendRendered(req, res, common, outcome.page, { 'x-cache': 'MISS' });
      return true;
    }
    if (stale) {
      sendVariant(req, res, common, stale, 'STALE', settings, now());
      return true;
    }
    const page = outcome.page;
    if (!page || !isHtml(page.headers['content-type'])) {
      sendUnavailable(req, res, common);
      return true;
    }
    if (page.setCookie && !leader) return false;
    // An error page, or a page whose side content failed to load: shown, never kept by anyone.
    sendRendered(req, res, common, page, { 'x-cache': 'MISS', 'cache-control': 'no-store' });
    return true;
  }

  /** Rendered by the app for this request only, within the client's budget. */
  async function bypass(req: IncomingMessage, res: ServerResponse, common: CommonHeaders): Promise<PageCacheOutcome> {
    const wait = await budget.take(clientAddress(req));
    if (wait !== undefined) {
      sendTooManyRequests(req, res, common, wait);
      return 'answered';
    }
    res.setHeader('x-cache', 'BYPASS');
    return 'render';
  }

  /** A fresh copy answered, or (a promise of) what the cache or the app does about a stale or missing one. */
  function serveFound(req: IncomingMessage, res: ServerResponse, common: CommonHeaders, canonical: { url: string; path: string }, cached: PageVariant | undefined): PageCacheOutcome | Promise<PageCacheOutcome> {
    if (cached && now() - cached.storedAt <= settings.ttlSeconds * 1000) {
      sendVariant(req, res, common, cached, 'HIT', settings, now());
      return 'answered';
    }
    return renderOrWait(req, res, common, canonical, cached);
  }

  /** One render per URL at a time; every request for it waits for that render (or, past the timeout, gets a stale copy or a 503). */
  async function renderOrWait(req: IncomingMessage, res: ServerResponse, common: CommonHeaders, { url, path }: { url: string; path: string }, cached: PageVariant | undefined): Promise<PageCacheOutcome> {
    let flight = flights.get(url);
    let leader = false;
    if (!flight) {
      const wait = await budget.take(clientAddress(req));
      if (wait !== undefined) {
        if (cached) sendVariant(req, res, common, cached, 'STALE', settings, now());
        else sendTooManyRequests(req, res, common, wait);
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
      new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(resolve, isDocument(path) ? DOCUMENT_RENDER_TIMEOUT_MS : settings.renderTimeoutMs, TIMEOUT))),
    ]);
    clearTimeout(timer);
    if (outcome === TIMEOUT) {
      if (cached) sendVariant(req, res, common, cached, 'STALE', settings, now());
      else sendUnavailable(req, res, common);
      return 'answered';
    }
    return serveOutcome(req, res, common, outcome, cached, leader) ? 'answered' : 'render';
  }

  return function handle(req, res, common) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return 'pass';
    const target = req.url ?? '/';
    const mark = target.indexOf('?');
    const rawPath = mark < 0 ? target : target.slice(0, mark);
    if (classifyTarget(rawPath) === 'pass') return 'pass';
    if (hasPreviewToken(target)) {
      res.setHeader('x-cache', 'BYPASS');
      return 'render';
    }

    const path = canonicalPath(rawPath);
    if (path === null) {
      sendBadAddress(req, res, common);
      return 'answered';
    }
    const kind = pageKind(path);
    if (kind !== 'cache') {
      // The query of these pages is their own business (a search, a private token): only the path is canonical.
      if (path !== rawPath) {
        sendCanonicalRedirect(req, res, common, `${path}${mark < 0 ? '' : target.slice(mark)}`);
        return 'answered';
      }
      return kind === 'never' ? 'render' : bypass(req, res, common);
    }

    const canonical = canonicalRequest(target, path);
    if (canonical.kind === 'invalid') {
      sendBadAddress(req, res, common);
      return 'answered';
    }
    if (canonical.kind === 'redirect') {
      sendCanonicalRedirect(req, res, common, canonical.location);
      return 'answered';
    }
    if (!store) return bypass(req, res, common);

    // The store is down (Redis): the app renders the page, uncached, within the client's budget.
    const unreadable = (error: Error) => {
      log(`[page-cache] could not read ${canonical.url}: ${error.message}`);
      return bypass(req, res, common);
    };
    let found: ReturnType<PageStore['get']>;
    try {
      found = store.get(canonical.url, pickEncoding(req.headers['accept-encoding']));
    } catch (error) {
      return unreadable(error as Error);
    }
    if (!(found instanceof Promise)) return serveFound(req, res, common, canonical, found);
    return found.then((cached) => serveFound(req, res, common, canonical, cached), unreadable);
  };
}
