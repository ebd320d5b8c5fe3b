/**
 * What the page cache may keep: anonymous GET requests of public pages (and
 * the feeds and sitemap), answered 200, without cookies set. Everything that
 * depends on the reader (preview, the submission and status pages, forms),
 * the APIs and the assets stay out.
 */

/** Name of the preview session cookie (server/utils/preview/session.ts). */
export const PREVIEW_COOKIE = 'cc_anteprima';

/** Paths never cached: the API and proxy routes, Nuxt's assets and islands, the preview routes, the pages of one reader. */
const NEVER = [
  /^\/api(\/|$)/,
  /^\/_cms(\/|$)/,
  /^\/_nuxt(\/|$)/,
  /^\/__nuxt/,
  /^\/_ipx(\/|$)/,
  /^\/_i18n(\/|$)/,
  /^\/anteprima(\/|$)/,
  /^\/testimonianze\/(invia|inviata|stato)(\/|$)/,
  /^\/cerca(\/|$)/,
];

/** Query parameters that select a different page of content; with any other parameter the page is rendered but not kept. */
export const CACHEABLE_QUERY = new Set(['pagina', 'ruolo', 'settore', 'categoria']);
const MAX_QUERY_VALUE = 64;

/** Non-HTML answers worth caching: the feeds and the sitemap. */
const CACHEABLE_FILES = new Set(['/feed.xml', '/feed.json', '/sitemap.xml', '/robots.txt']);
const CACHEABLE_TYPES = /^(text\/html|application\/(rss\+|atom\+)?xml|text\/xml|application\/(feed\+)?json|text\/plain)\b/i;

export interface RequestFacts {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  cookie: string | undefined;
}

/**
 * `ignore`: not a page (assets, APIs): no cache, no header. `bypass`: a page
 * that must be rendered each time (X-Cache: BYPASS). `cache`: look it up.
 */
export type RequestDecision = 'ignore' | 'bypass' | 'cache';

export function decideRequest({ method, pathname, searchParams, cookie }: RequestFacts): RequestDecision {
  if (method !== 'GET' && method !== 'HEAD') return 'ignore';
  if (NEVER.some((pattern) => pattern.test(pathname))) return 'ignore';
  const file = /\.[a-z0-9]{1,8}$/i.test(pathname);
  if (file && !CACHEABLE_FILES.has(pathname)) return 'ignore';
  if (cookie && new RegExp(`(?:^|;\\s*)${PREVIEW_COOKIE}=`).test(cookie)) return 'bypass';
  for (const [name, value] of searchParams) {
    if (!CACHEABLE_QUERY.has(name) || value.length > MAX_QUERY_VALUE) return 'bypass';
  }
  return 'cache';
}

export interface ResponseFacts {
  status: number;
  contentType: string | undefined;
  setCookie: boolean;
  cacheControl: string | undefined;
}

export function isCacheableResponse({ status, contentType, setCookie, cacheControl }: ResponseFacts): boolean {
  if (status !== 200 || setCookie) return false;
  if (!contentType || !CACHEABLE_TYPES.test(contentType)) return false;
  return !/\b(no-store|private)\b/i.test(cacheControl ?? '');
}
