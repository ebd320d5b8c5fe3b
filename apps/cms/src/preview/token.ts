import type { Core } from '@strapi/strapi';
import { ensureManagedToken, type ManagedToken } from '../api-tokens/managed-token';
import { isApiTokenAuth, type RequestAuth } from '../api-tokens/auth';

/**
 * The API token the site's server reads drafts with, to render previews
 * (NUXT_PREVIEW_TOKEN on the site). A read-only token by this exact name is
 * the only token besides full-access ones that the `global::published-only`
 * policy lets read `status=draft`: the site never needs a token that can
 * write. Whoever may create API tokens in the admin may already create a
 * full-access one, so the name grants nothing new.
 */
export const PREVIEW_TOKEN_NAME = 'Anteprima sito';
const PREVIEW_TOKEN: ManagedToken = {
  name: PREVIEW_TOKEN_NAME,
  description: 'Usato dal sito per mostrare le bozze nell\'anteprima. Creato all\'avvio da PREVIEW_API_TOKEN: non modificarlo.',
  variable: 'PREVIEW_API_TOKEN',
  logTag: '[preview]',
};

/** Shortest PREVIEW_API_TOKEN accepted (Strapi's own keys are 256 hex characters). */
export const MIN_PREVIEW_TOKEN_LENGTH = 32;

export type { RequestAuth };

/** Whether the request's credentials may read drafts: a full-access API token, or the site's read-only preview token. */
export function canReadDrafts(auth: RequestAuth | undefined): boolean {
  if (!isApiTokenAuth(auth)) return false;
  const { type, name } = auth.credentials;
  return type === 'full-access' || (type === 'read-only' && name === PREVIEW_TOKEN_NAME);
}

/**
 * Makes the «Anteprima sito» API token match PREVIEW_API_TOKEN (the value the
 * site sends as NUXT_PREVIEW_TOKEN): created when missing, its key, type and
 * expiry put back when they drifted. Idempotent, run at every start. Without
 * PREVIEW_API_TOKEN nothing happens: the token may then be created by hand
 * (Settings > API Tokens, read-only, this exact name) and its value given to the site.
 */
export async function ensurePreviewToken(strapi: Core.Strapi, value = process.env.PREVIEW_API_TOKEN?.trim() ?? ''): Promise<void> {
  if (value === '') return;
  if (value.length < MIN_PREVIEW_TOKEN_LENGTH) {
    strapi.log.error(`[preview] PREVIEW_API_TOKEN is shorter than ${MIN_PREVIEW_TOKEN_LENGTH} characters: the «${PREVIEW_TOKEN_NAME}» token was not created (openssl rand -hex 32).`);
    return;
  }
  await ensureManagedToken(strapi, PREVIEW_TOKEN, value);
}
