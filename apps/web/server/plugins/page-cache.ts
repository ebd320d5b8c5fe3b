import pLimit from 'p-limit';
import { REQUEST_ID_HEADER, acceptRequestId } from '@chiudete/types';
import { createPageCache, type PageCacheOutcome } from '../utils/page-cache/serve';
import type { CommonHeaders } from '../utils/page-cache/respond';
import { DEGRADED_HEADER, RENDER_HEADER, localRenderer } from '../utils/page-cache/render';
import { baseSecurityHeaders, widgetBaseSecurityHeaders } from '../utils/security-headers/settings';
import { isWidgetPath } from '../../shared/utils/osservatorio-routes';
import { siteServices } from '../utils/site-services';
import { isHealthPath } from '../utils/health/paths';
import { formatLogLine, logFormatOf } from '../utils/logging/log-line';
import { runWithRequestId } from '../utils/logging/request-context';
import { lineBatcher } from '../utils/logging/line-batcher';
import { trackRequest } from '../utils/logging/request-log';

/**
 * Puts the page cache (server/utils/page-cache/serve.ts) in front of the
 * whole app: Nitro's Node listener calls `h3App.handler` for every request,
 * and the page cache answers hits, redirects and over-budget clients before
 * any hook, middleware or route runs. Everything else, and the page cache's
 * own renders (marked with a secret header), goes on to the app.
 *
 * Every response to a client starts here, so this is also where the
 * security headers are decided (server/utils/security-headers): hits,
 * redirects and 429s included. The page cache writes them with its answer
 * (one `writeHead`, and a hit from memory in the turn its request arrived
 * in: docs/benchmarks/cached-pages.md); what the app answers gets them set
 * on the response first. The page cache's own renders get none of them
 * but the page's CSP (server/plugins/security-headers.ts), which is stored
 * with the page; the others are never stored, so that a hit always
 * carries the current ones.
 *
 * And the request id (X-Request-Id, server/utils/logging/request-log.ts):
 * checked or made here, echoed, passed to the page cache's render and from
 * there to every CMS read, on every log line; one line per request when
 * the answer is sent. The health endpoints (/healthz, /readyz) go straight
 * to the app: never cached, never counted against a client's render budget.
 */
export default defineNitroPlugin((nitroApp) => {
  const { pages, budget, clientAddress, settings, renderSecret } = siteServices();
  const pageCache = createPageCache({
    store: pages,
    budget,
    clientAddress,
    render: localRenderer((url, init) => nitroApp.localFetch(url, init), renderSecret),
    settings: settings.page,
  });

  // Pages rendered at once: the others wait their turn. On one core more at a time only
  // adds memory (each render's working set) and garbage collection, not throughput.
  const renderSlot = pLimit(settings.page.renderConcurrency);

  // The runtime config as read at boot, frozen. Without it, the first `useRuntimeConfig(event)` of every
  // request (Nuxt's renderer makes one) deep-copies the config and reads the environment again: 5 % of
  // an uncached page's CPU (docs/benchmarks/uncached-pages.md). Nitro keeps what it finds here.
  const runtimeConfig = useRuntimeConfig();

  // The headers every answer to a client carries, as flat lists (server/utils/page-cache/respond.ts: CommonHeaders).
  const securityHeaders = baseSecurityHeaders().flat();
  const widgetHeaders = widgetBaseSecurityHeaders().flat();
  const requestIdHeader = REQUEST_ID_HEADER.toLowerCase();
  const logFormat = logFormatOf(runtimeConfig.logFormat, import.meta.dev);
  // One write per turn of the event loop, not one per request (server/utils/logging/line-batcher.ts).
  const requestLines = lineBatcher(process.stdout);
  nitroApp.hooks.hook('close', () => requestLines.flush());
  const writeRequestLine = (entry: Parameters<typeof formatLogLine>[1]) => requestLines.write(`${formatLogLine(logFormat, entry)}\n`);

  const app = nitroApp.h3App;
  const next = app.handler;
  type Event = Parameters<typeof next>[0];

  /** What the app reads from the event, set only for requests the app serves (a hit needs none of it). */
  const prepareForApp = (event: Event) => {
    event.context.nitro = { errors: [], ...event.context.nitro, runtimeConfig };
  };
  const setCommonHeaders = (event: Event, common: CommonHeaders) => {
    const res = event.node.res;
    for (let index = 0; index < common.length; index += 2) res.setHeader(common[index]!, common[index + 1]!);
  };
  /** The page cache did not answer: the app does, with the common headers (and a render waits for its slot). */
  const toApp = (event: Event, common: CommonHeaders, outcome: Exclude<PageCacheOutcome, 'answered'>) => {
    prepareForApp(event);
    setCommonHeaders(event, common);
    return outcome === 'render' ? renderSlot(() => next(event)) : next(event);
  };

  app.handler = Object.assign((event: Event) => {
    const req = event.node.req;
    if (req.headers[RENDER_HEADER] === renderSecret) {
      prepareForApp(event);
      event.context.pageCacheRender = true;
      // The page cache's own request: the id of the reader's request that started the render (localRenderer).
      const requestId = acceptRequestId(req.headers['x-request-id']);
      event.context.requestId = requestId;
      return runWithRequestId(requestId, () => renderSlot(() => next(event)));
    }
    const requestId = trackRequest(req, event.node.res, writeRequestLine);
    event.context.requestId = requestId;
    // The partners' widget alone may be framed by any site (server/utils/widget).
    const common = (isWidgetPath(event.path) ? widgetHeaders : securityHeaders).concat(requestIdHeader, requestId);
    return runWithRequestId(requestId, () => {
      if (isHealthPath(event.path.split('?', 1)[0] ?? '')) return toApp(event, common, 'pass');
      const then = (result: PageCacheOutcome) => (result === 'answered' ? undefined : toApp(event, common, result));
      // A failure of the page cache goes to Nuxt's error page, which needs the app's context, with the common headers.
      const failed = (error: unknown): never => {
        prepareForApp(event);
        if (!event.node.res.headersSent) setCommonHeaders(event, common);
        throw error;
      };
      // A hit is answered here and now; the rest after the store (Redis) or a render.
      let outcome: ReturnType<typeof pageCache>;
      try {
        outcome = pageCache(req, event.node.res, common);
      } catch (error) {
        return failed(error);
      }
      return outcome instanceof Promise ? outcome.then(then, failed) : then(outcome);
    });
  }, next);

  // A render that read the CMS with errors says so to the page cache, which then keeps nothing of it.
  nitroApp.hooks.hook('beforeResponse', (event) => {
    if (event.context.pageCacheRender && event.context.cmsDegraded) setResponseHeader(event, DEGRADED_HEADER, '1');
  });
});
