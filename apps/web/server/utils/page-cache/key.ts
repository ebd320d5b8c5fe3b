import { createHash } from 'node:crypto';

/**
 * Keys of the page cache: `page:<path>:<variant>`, where <path> is the
 * normalised pathname, percent-encoded so that it holds no `:` nor `/` (the
 * storage's separators), and <variant> a hash of the exact path and query
 * string. Purging a path removes every variant (`?pagina=2`, `?ruolo=...`).
 */
export const PAGE_PREFIX = 'page';

/** `/articoli/` → `/articoli`; `/` stays `/`. Percent-escapes are kept as the client sent them, in upper case. */
export function normalizePath(pathname: string): string {
  const path = pathname.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase()).replace(/\/{2,}/g, '/');
  return path.length > 1 ? path.replace(/\/+$/, '') : '/';
}

const encodePath = (path: string) => encodeURIComponent(path).replace(/\./g, '%2E');

export function pageKey(pathname: string, search: string): string {
  const path = normalizePath(pathname);
  const variant = createHash('sha256').update(`${pathname}${search}`).digest('base64url').slice(0, 22);
  return `${PAGE_PREFIX}:${encodePath(path)}:${variant}`;
}

/** The normalised path a page key belongs to, or null for other keys. */
export function pathOfKey(key: string): string | null {
  const [prefix, encoded, variant, ...rest] = key.split(':');
  if (prefix !== PAGE_PREFIX || !encoded || !variant || rest.length > 0) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
