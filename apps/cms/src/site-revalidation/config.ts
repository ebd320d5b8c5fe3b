/** Where and how the CMS tells the site that public content changed. */
export interface SiteRevalidationConfig {
  /** The site's revalidation endpoint (SITE_REVALIDATE_URL, default `<SITE_URL>/api/revalidate`). */
  url: string;
  /** Bearer secret, shared with the site (REVALIDATE_SECRET / NUXT_REVALIDATE_SECRET). */
  secret: string;
  /** Per-attempt timeout, milliseconds. */
  timeoutMs: number;
  /** Waits before each retry, milliseconds (so retries = its length). */
  retryDelaysMs: number[];
}

export const MIN_REVALIDATE_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string): string => env[name]?.trim() ?? '';

/**
 * Reads the configuration; null (revalidation off, the site's pages then
 * refresh at their cache TTL) when REVALIDATE_SECRET is not set. Throws on
 * values that cannot work, so a deployment fails at boot rather than silently.
 */
export function readSiteRevalidationConfig(env: Env = process.env): SiteRevalidationConfig | null {
  const secret = value(env, 'REVALIDATE_SECRET');
  if (secret === '') return null;
  if (secret.length < MIN_REVALIDATE_SECRET_LENGTH) {
    throw new Error(`Site revalidation: REVALIDATE_SECRET must be at least ${MIN_REVALIDATE_SECRET_LENGTH} characters (openssl rand -base64 32).`);
  }
  const siteUrl = value(env, 'SITE_URL') || 'http://localhost:3000';
  const url = value(env, 'SITE_REVALIDATE_URL') || `${siteUrl.replace(/\/+$/, '')}/api/revalidate`;
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new Error(`Site revalidation: SITE_REVALIDATE_URL="${url}" must be an http(s) URL, e.g. http://web:3000/api/revalidate.`);
  }
  return { url, secret, timeoutMs: 3_000, retryDelaysMs: [250, 1_000] };
}
