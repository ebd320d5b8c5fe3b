import { createHash } from 'node:crypto';

/**
 * The CSP hashes of the inline scripts Nuxt itself writes into a page, so
 * that they run under `script-src` without `'unsafe-inline'` and without a
 * nonce (the page cache serves one copy of a page to everyone). Only Nuxt's
 * own inline scripts are hashed: the runtime config of a hydrated page
 * (`window.__NUXT__=…`) and its import map (paths of this site only). Any
 * other inline script, for instance one that slipped into content, gets no
 * hash and the browser refuses it. Data blocks (`application/json`,
 * `application/ld+json`: the payload, the structured data) never run and
 * need none.
 */

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=\\s|/|$)`, 'i').exec(attrs);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

/** An import map whose every address is a path of this site. */
function isLocalImportMap(content: string): boolean {
  let map: unknown;
  try {
    map = JSON.parse(content);
  } catch {
    return false;
  }
  if (typeof map !== 'object' || map === null) return false;
  const addresses: unknown[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (key === 'imports' && typeof value === 'object' && value !== null) addresses.push(...Object.values(value));
    else if (key === 'scopes' && typeof value === 'object' && value !== null) {
      for (const scope of Object.values(value)) {
        if (typeof scope !== 'object' || scope === null) return false;
        addresses.push(...Object.values(scope));
      }
    } else return false;
  }
  return addresses.every((address) => typeof address === 'string' && address.startsWith('/') && !address.startsWith('//') && !address.includes('\\'));
}

const CLASSIC_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** Whether an inline script is one Nuxt writes. */
function isNuxtInlineScript(type: string, content: string): boolean {
  if (type === 'importmap') return isLocalImportMap(content);
  return CLASSIC_TYPES.has(type) && content.startsWith('window.__NUXT__=');
}

export const scriptHash = (content: string): string => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;

/** The `'sha256-…'` sources of Nuxt's inline scripts in a page, in order, without duplicates. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs = '', content = ''] of html.matchAll(SCRIPT)) {
    if (attribute(attrs, 'src') !== undefined || content === '') continue;
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (isNuxtInlineScript(type, content)) hashes.add(scriptHash(content));
  }
  return [...hashes];
}
