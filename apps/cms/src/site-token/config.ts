/**
 * SITE_API_TOKEN: the value the site's server sends as NUXT_STRAPI_TOKEN. The
 * CMS keeps the read-only API token «Sito pubblico» equal to it (./token.ts),
 * and the read limits recognise it (src/middlewares/read-rate-limit.ts).
 * Read with `strapi.config.get('site-token')` (config/site-token.ts).
 */
export interface SiteTokenConfig {
  /** The token, or null when SITE_API_TOKEN is not set (development only: the site then reads anonymously). */
  token: string | null;
}

/** Shortest SITE_API_TOKEN accepted (Strapi's own keys are 256 hex characters). */
export const MIN_SITE_TOKEN_LENGTH = 32;

export interface SiteTokenEnv {
  SITE_API_TOKEN?: string;
  PREVIEW_API_TOKEN?: string;
  NODE_ENV?: string;
}

/**
 * Checked when the configuration loads, so a bad value stops the CMS at
 * start: required in production (NODE_ENV=production), at least 32
 * characters whenever set, and never the preview token's value (one API
 * token per value: Strapi finds tokens by their hash).
 */
export function readSiteTokenConfig(env: SiteTokenEnv): SiteTokenConfig {
  const token = env.SITE_API_TOKEN?.trim() ?? '';
  const generate = '(openssl rand -hex 32; `pnpm setup:env` writes one for local use)';
  if (token === '') {
    if (env.NODE_ENV === 'production') {
      throw new Error(`Site token configuration: SITE_API_TOKEN is required in production: the site's own reads use it ${generate}; the site sends the same value as NUXT_STRAPI_TOKEN.`);
    }
    return { token: null };
  }
  if (token.length < MIN_SITE_TOKEN_LENGTH) {
    throw new Error(`Site token configuration: SITE_API_TOKEN must be at least ${MIN_SITE_TOKEN_LENGTH} characters ${generate}.`);
  }
  if (token === env.PREVIEW_API_TOKEN?.trim()) {
    throw new Error('Site token configuration: SITE_API_TOKEN must differ from PREVIEW_API_TOKEN (the preview token may read drafts, the site\'s reads must not).');
  }
  return { token };
}
