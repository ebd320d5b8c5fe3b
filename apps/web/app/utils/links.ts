/**
 * Decides how a URL written by an editor may be rendered. Only `http:`,
 * `https:` and `mailto:` links become anchors (anything else, `javascript:`
 * and `data:` included, is shown as plain text), plus root-relative paths
 * (`/articoli/...`), which cannot carry a scheme and stay on the site.
 */
export type SafeLink
  = | { kind: 'internal'; path: string }
    | { kind: 'external'; href: string }
    | { kind: 'mailto'; href: string }
    | { kind: 'unsafe' };

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function classifyLink(raw: string, siteUrl: string): SafeLink {
  const url = raw.trim();
  if (url === '') return { kind: 'unsafe' };

  // A root-relative path: not protocol-relative (`//host`) nor a backslash trick (`/\host`).
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) {
    return { kind: 'internal', path: url };
  }

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unsafe' };
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return { kind: 'unsafe' };
  if (parsed.protocol === 'mailto:') return { kind: 'mailto', href: parsed.href };

  const site = parseOrigin(siteUrl);
  if (site && parsed.origin === site) {
    return { kind: 'internal', path: `${parsed.pathname}${parsed.search}${parsed.hash}` };
  }
  return { kind: 'external', href: parsed.href };
}

function parseOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
