import { canonicalPageQuery, isSlugSegment } from '../../../shared/utils/site-routes';
import type { RouteQuery } from '../../../shared/utils/query';

/**
 * One URL per page. Crawlers and shared links reach the same page through
 * many addresses (`/ARTICOLI`, `/articoli/`, `/articoli/%69l-caso`,
 * `?fbclid=…`, `?x=1`); each would be rendered and cached on its own, and a
 * purge (which names canonical paths) would miss them. So every address is
 * reduced to the page's canonical URL:
 * - path: percent-escapes of unreserved characters decoded (others upper
 *   case), `.`/`..` resolved, repeated and trailing slashes dropped, lower
 *   case except an entry's slug (slugs are looked up as written: a
 *   differently cased slug is another, missing page);
 * - query: only what the page reads, in the order of its own links
 *   (shared/utils/site-routes.ts); tracking parameters are dropped silently
 *   (the page is served as it is, a click from Facebook costs no redirect);
 *   any other difference is answered with a 301 to the canonical URL.
 */

/** Tracking parameters added by ad networks, newsletters and social sites: never part of what a page shows. */
const TRACKING_NAMES = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'igsh',
  'li_fat_id', 'mkt_tok', 'srsltid', 'epik', 'rdt_cid', 'sccid', 's_cid', 'wickedid', 'ref_src', 'ref_url',
  '_ga', '_gl', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking', 'vero_conv', 'vero_id', 'oly_anon_id', 'oly_enc_id',
]);
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'mtm_', 'matomo_', 'piwik_', 'hsa_', 'at_'];

export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

export type CanonicalRequest
  = | { kind: 'canonical'; path: string; url: string }
    | { kind: 'redirect'; location: string }
    | { kind: 'invalid'; reason: string };

/** Characters a request path may hold (RFC 3986 pchar and `/`), escapes included. */
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** A path with unreserved characters decoded and other escapes in upper case, or null for a broken escape. */
function normalizeEscapes(path: string): string | null {
  let broken = false;
  const normalized = path.replace(/%([0-9A-Fa-f]{2})?/g, (escape, hex: string | undefined) => {
    if (hex === undefined) {
      broken = true;
      return escape;
    }
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  return broken ? null : normalized;
}

/** The canonical path, or null when the path cannot be one of this site's. */
export function canonicalPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/') || !PATH_CHARS.test(rawPath)) return null;
  const decoded = normalizeEscapes(rawPath);
  if (decoded === null) return null;
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  // Lower case leaves escapes such as %2F as %2f: put them back in upper case.
  const cased = segments.map((segment, index) =>
    isSlugSegment(segments, index) ? segment : segment.toLowerCase().replace(/%[0-9a-f]{2}/g, (escape) => escape.toUpperCase()));
  return `/${cased.join('/')}`;
}

/** The query's values by name, as own properties only (`?__proto__=x` is a parameter like any other). */
function queryRecord(params: Iterable<[string, string]>): RouteQuery {
  const byName = new Map<string, string[]>();
  for (const [name, value] of params) byName.set(name, [...(byName.get(name) ?? []), value]);
  return Object.fromEntries(byName);
}

/** A query string of these values, in their order ('' for none). */
const queryString = (values: Record<string, string> | Array<[string, string]>): string =>
  (Array.isArray(values) ? values.length : Object.keys(values).length) === 0 ? '' : new URLSearchParams(values).toString();

/**
 * The canonical form of a request target (`req.url`: path and query);
 * `path`, when the caller has it, is `canonicalPath` of the target's path.
 */
export function canonicalRequest(target: string, path?: string | null): CanonicalRequest {
  const mark = target.indexOf('?');
  const rawPath = mark < 0 ? target : target.slice(0, mark);
  const canonical = path === undefined ? canonicalPath(rawPath) : path;
  if (canonical === null) return { kind: 'invalid', reason: 'The address holds characters or escapes that no page of this site has.' };

  const kept = mark < 0 ? [] : [...new URLSearchParams(target.slice(mark + 1))].filter(([name]) => !isTrackingParameter(name));
  const canonicalQuery = queryString(canonicalPageQuery(canonical, queryRecord(kept)));
  const url = canonicalQuery ? `${canonical}?${canonicalQuery}` : canonical;
  if (canonical !== rawPath || queryString(kept) !== canonicalQuery) return { kind: 'redirect', location: url };
  return { kind: 'canonical', path: canonical, url };
}
