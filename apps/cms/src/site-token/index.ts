import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ensureManagedToken, type ManagedToken } from '../api-tokens/managed-token';
import type { SiteTokenConfig } from './config';

export * from './config';

/**
 * The API token the site's server reads published content with
 * (NUXT_STRAPI_TOKEN on the site). Read-only, like a partner's, so it reads
 * exactly what the Public role reads, never a draft (only «Anteprima sito»
 * and full-access tokens may: src/policies/published-only.ts); its reads are
 * not limited like a partner's (RATE_LIMIT_READS_SITE).
 */
export const SITE_TOKEN_NAME = 'Sito pubblico';

const SITE_TOKEN: ManagedToken = {
  name: SITE_TOKEN_NAME,
  description: 'Usato dal sito per leggere i contenuti pubblicati. Creato all\'avvio da SITE_API_TOKEN: non modificarlo.',
  variable: 'SITE_API_TOKEN',
  logTag: '[site-token]',
};

export const siteTokenConfig = (strapi: Core.Strapi): SiteTokenConfig =>
  strapi.config.get<SiteTokenConfig>('site-token', { token: null });

/**
 * Makes «Sito pubblico» match SITE_API_TOKEN at every start (created when
 * missing, put back when it drifted). Without the variable (development
 * only: config/site-token.ts refuses that in production) the site reads
 * anonymously, under the anonymous limit: said once in the log.
 */
export async function ensureSiteToken(strapi: Core.Strapi, token = siteTokenConfig(strapi).token): Promise<void> {
  if (token === null) {
    strapi.log.warn('[site-token] SITE_API_TOKEN is not set: the site reads the CMS anonymously, under RATE_LIMIT_READS_ANONYMOUS (`pnpm setup:env` writes one).');
    return;
  }
  await ensureManagedToken(strapi, SITE_TOKEN, token);
}

const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * A check of "is this bearer token the configured site token?": the SHA-256
 * digests compared in constant time (equal lengths whatever the input, so
 * neither the value nor its length leaks through timing). Always false
 * without SITE_API_TOKEN.
 */
export function siteTokenMatcher(config: SiteTokenConfig): (bearer: string) => boolean {
  if (config.token === null) return () => false;
  const expected = sha256(config.token);
  return (bearer) => timingSafeEqual(sha256(bearer), expected);
}
