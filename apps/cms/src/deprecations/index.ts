/**
 * Retiring a route or a field of the public API without surprising partners
 * (docs/partners.md «Versioning and deprecations»): each retirement is an
 * entry of config/deprecations.ts, announced in CHANGELOG.md, and every
 * answer of the routes it concerns carries, until its sunset:
 * - `Deprecation: @<unix time>` (RFC 9745): since when it is deprecated;
 * - `Sunset: <HTTP date>` (RFC 8594): when it stops working;
 * - `Link: <…>; rel="deprecation"` (RFC 9745): where the change is described.
 */
export interface ApiDeprecation {
  /** The public path it concerns, e.g. `/api/videos`: that path and every path below it (`/api/videos/<id>`). */
  path: string;
  /** A field of those answers that is retired (the route stays); absent: the route itself is retired. */
  field?: string;
  /** When the deprecation was announced (ISO date). */
  deprecatedAt: string;
  /** When the route or field stops working (ISO date), at least six months after `deprecatedAt`. */
  sunset: string;
  /** The page that describes the change and what to use instead (the CHANGELOG's entry). */
  link: string;
}

/** `path` is `prefix` or below it (`/api/videos/abc` is within `/api/videos`, `/api/videosx` is not). */
export const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix.replace(/\/+$/, '')}/`);

/** The deprecation headers of an answer to `path`, or none. The earliest sunset wins when several entries apply. */
export function deprecationHeaders(entries: readonly ApiDeprecation[], path: string): Record<string, string> | undefined {
  const applying = entries.filter((entry) => within(path, entry.path));
  if (applying.length === 0) return undefined;
  const deprecatedAt = Math.min(...applying.map((entry) => Date.parse(entry.deprecatedAt)));
  const sunset = Math.min(...applying.map((entry) => Date.parse(entry.sunset)));
  const links = [...new Set(applying.map((entry) => entry.link))].map((link) => `<${link}>; rel="deprecation"; type="text/html"`);
  return {
    Deprecation: `@${Math.floor(deprecatedAt / 1000)}`,
    Sunset: new Date(sunset).toUTCString(),
    Link: links.join(', '),
  };
}

/** Checks the entries at start: a wrong date or a sunset too close stops the CMS, naming the entry. */
export function validateDeprecations(entries: readonly ApiDeprecation[]): void {
  const SIX_MONTHS_MS = 182 * 24 * 3600 * 1000;
  for (const entry of entries) {
    const what = `config/deprecations.ts, ${entry.path}${entry.field ? ` (${entry.field})` : ''}`;
    if (!entry.path.startsWith('/api/')) throw new Error(`${what}: the path must start with /api/.`);
    const from = Date.parse(entry.deprecatedAt);
    const to = Date.parse(entry.sunset);
    if (Number.isNaN(from) || Number.isNaN(to)) throw new Error(`${what}: deprecatedAt and sunset must be ISO dates.`);
    if (to - from < SIX_MONTHS_MS) throw new Error(`${what}: the sunset must be at least six months after deprecatedAt (docs/partners.md).`);
    if (!/^https:\/\//.test(entry.link)) throw new Error(`${what}: link must be an https:// address.`);
  }
}
