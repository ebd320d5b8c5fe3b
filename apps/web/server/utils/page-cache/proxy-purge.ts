import type { Purge } from './paths';

/**
 * Purges the caching proxy in front of the site (deploy/varnish/site.vcl)
 * with the same purge as the site's own page cache: one `BAN` request whose
 * `X-Ban-Url` header is a regular expression over the cached URLs (each
 * path with any query string, each prefix, or everything). Several proxies:
 * NUXT_PROXY_PURGE_URL lists them, comma-separated.
 */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function banExpression(purge: Purge): string {
  if (purge.all) return '^/';
  const alternatives = [
    ...purge.paths.map((path) => `${escapeRegExp(path)}(\\?.*)?$`),
    ...purge.prefixes.map((prefix) => escapeRegExp(prefix)),
  ];
  return `^(${alternatives.join('|')})`;
}

export async function purgeProxies(urls: readonly string[], purge: Purge, timeoutMs = 3_000): Promise<void> {
  const expression = banExpression(purge);
  await Promise.all(urls.map(async (url) => {
    const response = await fetch(url, { method: 'BAN', headers: { 'x-ban-url': expression }, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`the proxy at ${url} answered ${response.status} to BAN`);
  }));
}
