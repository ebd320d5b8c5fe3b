import { createHash, createHmac } from 'node:crypto';
import { errors } from '@strapi/utils';
import { IDEMPOTENCY_KEY_HEADER, isIdempotencyKey } from '@chiudete/types/forms';
import { ANTI_ABUSE_FIELDS } from '../api/anti-abuse/lib/guard';

/*
 * Idempotency keys of the public forms (header `Idempotency-Key`, a UUID the
 * site generates per form fill; packages/types/src/idempotency.ts). The key
 * is stored with the row under a UNIQUE constraint, with a fingerprint of
 * what was sent: a retry with the same key and the same content gets the
 * first answer again, never a second row, even when 20 copies arrive at
 * once (the database lets one INSERT win; the others read its row back);
 * the same key with different content is refused (422), after the IETF
 * draft "The Idempotency-Key HTTP Header Field".
 */

export { IDEMPOTENCY_KEY_HEADER };

/** The key of a request, lower-cased; null when absent; a 400 with a message when malformed. */
export function readIdempotencyKey(header: unknown): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === null || value === '') return null;
  if (!isIdempotencyKey(value)) {
    // A public form's 400: one `_form` error with a message for the reader (the site shows it in its summary).
    throw new errors.ValidationError(
      `The ${IDEMPOTENCY_KEY_HEADER} header must be a UUID such as 3f2b8c1e-9d4a-4e6b-8f7a-1c2d3e4f5a6b (crypto.randomUUID()), one per form fill; got ${JSON.stringify(String(value).slice(0, 80))}.`,
      { errors: [{ field: '_form', code: 'idempotency_key.malformed', message: 'Il modulo non è stato inviato correttamente. Ricarica la pagina (copia prima il tuo testo, per non perderlo) e invia di nuovo.' }] },
    );
  }
  return value.toLowerCase();
}

/** JSON with the keys of every object sorted, so equal content gives equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 of what the reader sent (`data`), without the anti-abuse fields
 * (a retry carries a new form token and proof of work): the same form fill
 * sent twice has the same fingerprint.
 */
export function requestFingerprint(body: unknown): string {
  const data = typeof body === 'object' && body !== null && 'data' in body ? (body as { data: unknown }).data : body;
  const content = typeof data === 'object' && data !== null && !Array.isArray(data)
    ? Object.fromEntries(Object.entries(data).filter(([name]) => !(ANTI_ABUSE_FIELDS as readonly string[]).includes(name)))
    : data;
  return createHash('sha256').update(canonical(content), 'utf8').digest('hex');
}

/** The 422 of a key reused with other content. */
export class IdempotencyKeyReusedError extends Error {
  readonly status = 422;
  constructor() {
    super(`This ${IDEMPOTENCY_KEY_HEADER} was already used for a different submission: generate a new key (crypto.randomUUID()) for each form fill.`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Answers the 422 of a key reused with other content, in Strapi's error envelope (a client error: nothing is logged). */
export function answerKeyReused(ctx: { status: number; body: unknown }, error: IdempotencyKeyReusedError): void {
  ctx.status = 422;
  ctx.body = { data: null, error: { status: 422, name: 'UnprocessableEntityError', message: error.message, details: {} } };
}

/**
 * A secret value derived from the key, the same on every retry and every
 * instance: `HMAC-SHA256(secret, purpose + key)` in base64url (43 characters).
 * Used for what the first answer must repeat without being stored in clear
 * (the submission's private access token: only its hash is stored).
 */
export function deriveFromKey(secret: string, purpose: string, key: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${key}`, 'utf8').digest('base64url');
}
