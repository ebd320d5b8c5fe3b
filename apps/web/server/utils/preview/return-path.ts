/**
 * Where «Esci dall'anteprima» may send the editor back to: a page of this
 * site only. The target is resolved against the site's origin exactly as a
 * browser resolves a `Location` header, and kept only when it stays on that
 * origin; the answer is the re-serialised path (what was checked is what the
 * browser gets). Refused, the editor goes to the home page.
 */

/** Longest return path accepted (the banner sends the page's own path). */
const MAX_LENGTH = 2_000;

/**
 * Characters a return path never holds: C0 controls, space, DEL and C1
 * controls (browsers strip tabs and newlines from URLs, so `/<TAB>/evil`
 * becomes `//evil`, another host), and backslashes (read as `/`: `/\evil`
 * is `//evil` too).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0020\u007F-\u009F\\]/;

export const HOME_PATH = '/';

export function safeReturnPath(value: unknown, siteOrigin: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return HOME_PATH;
  if (!value.startsWith('/') || value.startsWith('//') || FORBIDDEN.test(value)) return HOME_PATH;
  let origin: string;
  let target: URL;
  try {
    origin = new URL(siteOrigin).origin;
    target = new URL(value, origin);
  } catch {
    return HOME_PATH;
  }
  if (target.origin !== origin) return HOME_PATH;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // `/a/..//evil` resolves on this origin to the path `//evil`, which as a Location is another host.
  if (!path.startsWith('/') || path.startsWith('//') || FORBIDDEN.test(path)) return HOME_PATH;
  return path;
}
