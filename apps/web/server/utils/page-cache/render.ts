/**
 * A page rendered by the app for the page cache: the cache asks the app
 * itself (Nitro's `localFetch`: the whole app, route rules, error page and
 * all, without a network hop) for the canonical URL, as an anonymous reader
 * without cookies, and gets status, headers and bytes back to store and to
 * serve. The request carries a header with a secret of this process, so the
 * page cache lets it through to the app instead of looking it up again.
 */
export interface RenderedPage {
  status: number;
  /** Headers worth replaying (lower-case names). */
  headers: Record<string, string>;
  body: Buffer;
  /** A CMS read failed while rendering (the page may miss content). */
  degraded: boolean;
  setCookie: boolean;
}

/** `requestId`: the id of the reader's request that asked for the render, passed on to the app (and its CMS reads). */
export type Renderer = (url: string, requestId?: string) => Promise<RenderedPage>;

/** The header of the page cache's own requests to the app. */
export const RENDER_HEADER = 'x-page-cache-render';
/** The header by which a render reports a failed CMS read (never sent to clients). */
export const DEGRADED_HEADER = 'x-cms-degraded';

/**
 * Headers of one response only, or that the page cache sets itself, or the
 * security headers every response gets afresh (server/plugins/page-cache.ts;
 * the page's own CSP, with the hashes of its inline scripts, is kept).
 */
const NOT_REPLAYED = new Set([
  'set-cookie', 'date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'content-encoding',
  'etag', 'vary', 'age', 'x-cache', 'x-powered-by', 'x-request-id', DEGRADED_HEADER, RENDER_HEADER,
  'x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy', 'strict-transport-security',
]);

type LocalFetch = (url: string, init: { headers: Record<string, string> }) => Promise<Response>;

export function localRenderer(localFetch: LocalFetch, secret: string): Renderer {
  return async (url, requestId) => {
    const requestHeaders: Record<string, string> = { [RENDER_HEADER]: secret, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    if (requestId) requestHeaders['x-request-id'] = requestId;
    const response = await localFetch(url, { headers: requestHeaders });
    const headers: Record<string, string> = {};
    for (const [name, value] of response.headers) {
      if (!NOT_REPLAYED.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    return {
      status: response.status,
      headers,
      body: Buffer.from(await response.arrayBuffer()),
      degraded: response.headers.get(DEGRADED_HEADER) === '1',
      setCookie: response.headers.getSetCookie().length > 0,
    };
  };
}
