import type { Core } from '@strapi/strapi';

/**
 * A read-only API token whose value comes from the environment and is shared
 * with the site: «Anteprima sito» (PREVIEW_API_TOKEN, src/preview/token.ts)
 * and «Sito pubblico» (SITE_API_TOKEN, src/site-token). The CMS makes the
 * token match the variable at every start, so neither needs a manual step.
 */
export interface ManagedToken {
  /** The token's name in Settings > API Tokens; the draft guard and the read limits may rely on it. */
  name: string;
  /** Shown in the admin: what the token is for, and that it is restored at every start. */
  description: string;
  /** The variable that holds the value, for log lines. */
  variable: string;
  /** Prefix of log lines, e.g. `[preview]`. */
  logTag: string;
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
 * Makes the read-only API token `token.name` match `value`: created when
 * missing, its key, type and expiry put back when they drifted (someone
 * regenerated it or changed its type in the admin). Idempotent; the caller
 * checks the value first.
 */
export async function ensureManagedToken(strapi: Core.Strapi, token: ManagedToken, value: string): Promise<void> {
  const tokens = strapi.service('admin::api-token') as unknown as ApiTokenService;
  const encryption = strapi.service('admin::encryption') as unknown as EncryptionService;
  const query = strapi.db.query('admin::api-token');

  let row = (await query.findOne({ where: { name: token.name }, select: ['id', 'accessKey', 'type', 'expiresAt'] })) as TokenRow | null;
  if (!row) {
    const created = await tokens.create({
      name: token.name,
      description: token.description,
      type: 'read-only',
      kind: 'content-api',
      lifespan: null,
    });
    row = { id: created.id, accessKey: '', type: 'read-only', expiresAt: null };
    strapi.log.info(`${token.logTag} created the «${token.name}» API token from ${token.variable}`);
  }
  const accessKey = tokens.hash(value);
  if (row.accessKey !== accessKey || row.type !== 'read-only' || row.expiresAt !== null) {
    await query.update({
      where: { id: row.id },
      data: { accessKey, encryptedKey: encryption.encrypt(value), type: 'read-only', lifespan: null, expiresAt: null },
    });
  }
}
