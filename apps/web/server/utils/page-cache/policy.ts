import { SEARCH_PAGE, isPrivatePage } from '../../../shared/utils/private-routes';

/**
 * What the page cache deals with: anonymous GET/HEAD requests of public
 * pages, the feeds and the sitemap. Everything that depends on the reader
 * (preview, the submission and status pages, forms), the APIs and the
 * assets pass by untouched.
 */

/**
 * The query parameter of an editor's preview: every request of a preview
 * carries its signed token in the address (server/middleware/preview.ts),
 * which works in the admin's frame whatever the hosts (no third-party cookie).
 */
export const PREVIEW_QUERY_PARAM = 'anteprima';

/** Served by other handlers, exactly as requested (case-sensitive asset names, APIs, Nuxt's internal routes). */
const PASS_THROUGH_PREFIXES = ['/_nuxt/', '/_ipx/', '/api/', '/__nuxt', '/_i18n/', '/.well-known/'];

/** Documents other than pages that are cached: the feeds, the sitemap (with its chunks) and robots.txt. */
const CACHEABLE_FILES = /^\/(?:feed\.xml|feed\.json|robots\.txt|sitemap\.xml|sitemap\/[a-z0-9-]+\.xml)$/;

/**
 * `pass`: not for the page cache (assets, APIs, files): handed to the app as
 * it is. `page`: a page or a cacheable document, to canonicalise and look up.
 * Decided on the raw path, before canonicalisation: asset names are case-sensitive.
 */
export function classifyTarget(rawPath: string): 'pass' | 'page' {
  if (PASS_THROUGH_PREFIXES.some((prefix) => rawPath.startsWith(prefix))) return 'pass';
  const lastSegment = rawPath.slice(rawPath.lastIndexOf('/') + 1);
  if (/\.[A-Za-z0-9]{1,8}$/.test(lastSegment)) return CACHEABLE_FILES.test(rawPath.toLowerCase()) ? 'page' : 'pass';
  return 'page';
}

/** Rendered every time (one reader's query) and counted against the reader's budget of expensive work. */
const isLimited = (path: string): boolean => path === SEARCH_PAGE;

/**
 * For a canonical path: `cache` (look it up, render and store on a miss),
 * `limited` (render each time, within the client's budget), `never`
 * (render each time: pages of one reader, cheap).
 */
export function pageKind(path: string): 'cache' | 'limited' | 'never' {
  // Pages of one reader or one editor: rendered every time, never cached.
  if (isPrivatePage(path)) return 'never';
  if (isLimited(path)) return 'limited';
  return 'cache';
}

/** Whether a request target (path and query) is a preview's: never looked up nor stored, whatever the token (the app checks it). */
export function hasPreviewToken(target: string): boolean {
  const mark = target.indexOf('?');
  return mark >= 0 && new RegExp(`(?:^|&)${PREVIEW_QUERY_PARAM}=`).test(target.slice(mark + 1));
}

const CACHEABLE_TYPES = /^(text\/html|application\/(rss\+|atom\+)?xml|text\/xml|application\/(feed\+)?json|text\/plain)\b/i;

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

/** Pages are HTML; the rest (feeds, sitemap) are read by programs, which must never get a partial document. */
export const isHtml = (contentType: string | undefined): boolean => /^text\/html\b/i.test(contentType ?? '');
