import type { Core } from '@strapi/strapi';

/**
 * The API token the site's server reads drafts with, to render previews
 * (NUXT_PREVIEW_TOKEN on the site). A read-only token by this exact name is
 * the only token besides full-access ones that the `global::published-only`
 * policy lets read `status=draft`: the site never needs a token that can
 * write. Whoever may create API tokens in the admin may already create a
 * full-access one, so the name grants nothing new.
 */
export const PREVIEW_TOKEN_NAME = 'Anteprima sito';
const PREVIEW_TOKEN_DESCRIPTION = 'Usato dal sito per mostrare le bozze nell\'anteprima. Creato all\'avvio da PREVIEW_API_TOKEN: non modificarlo.';

/** Shortest PREVIEW_API_TOKEN accepted (Strapi's own keys are 256 hex characters). */
export const MIN_PREVIEW_TOKEN_LENGTH = 32;

export interface RequestAuth {
  strategy?: { name?: string };
  credentials?: { type?: string; name?: string };
}

/** Strapi 5.54 names its content-API token strategy `content-api-token`; earlier 5.x releases `api-token`. */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** Whether the request's credentials may read drafts: a full-access API token, or the site's read-only preview token. */
export function canReadDrafts(auth: RequestAuth | undefined): boolean {
  if (!auth || !TOKEN_STRATEGIES.has(auth.strategy?.name ?? '')) return false;
  const { type, name } = auth.credentials ?? {};
  return type === 'full-access' || (type === 'read-only' && name === PREVIEW_TOKEN_NAME);
}

interface TokenRow {
  id: number;
  accessKey: string;
  type: string;
  expiresAt: string | null;
}

interface ApiTokenService {
  hash(accessKey: string): string;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

interface EncryptionService {
  encrypt(value: string): string | null;
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
  const tokens = strapi.service('admin::api-token') as unknown as ApiTokenService;
  const encryption = strapi.service('admin::encryption') as unknown as EncryptionService;
  const query = strapi.db.query('admin::api-token');

  let row = (await query.findOne({ where: { name: PREVIEW_TOKEN_NAME }, select: ['id', 'accessKey', 'type', 'expiresAt'] })) as TokenRow | null;
  if (!row) {
    const created = await tokens.create({
      name: PREVIEW_TOKEN_NAME,
      description: PREVIEW_TOKEN_DESCRIPTION,
      type: 'read-only',
      kind: 'content-api',
      lifespan: null,
    });
    row = { id: created.id, accessKey: '', type: 'read-only', expiresAt: null };
    strapi.log.info(`[preview] created the «${PREVIEW_TOKEN_NAME}» API token from PREVIEW_API_TOKEN`);
  }
  const accessKey = tokens.hash(value);
  if (row.accessKey !== accessKey || row.type !== 'read-only' || row.expiresAt !== null) {
    await query.update({
      where: { id: row.id },
      data: { accessKey, encryptedKey: encryption.encrypt(value), type: 'read-only', lifespan: null, expiresAt: null },
    });
  }
}
