// `@chiudete/types/preview`: the signed token of an editor's preview, made
// by the CMS (Strapi's «Anteprima») and checked by the site on every request
// of that preview. Node only (node:crypto): a separate entry point, so that
// the main entry stays free of Node built-ins for browser bundles.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PREVIEW_TYPES, type PreviewType } from './preview-types';

export { PREVIEW_TYPES, type PreviewType };

/** `draft`: the document's draft; `published`: its live page (the admin's «Pubblicato» tab). */
export const PREVIEW_STATUSES = ['draft', 'published'] as const;
export type PreviewStatus = (typeof PREVIEW_STATUSES)[number];

/**
 * How long a token is valid. The admin signs a new one each time its preview
 * pane opens; a forwarded link stops working within minutes.
 */
export const PREVIEW_TOKEN_TTL_SECONDS = 20 * 60;

/** Shortest secret accepted: an HMAC key must not be guessable. */
export const MIN_PREVIEW_SECRET_LENGTH = 32;

/** Longest token accepted (a real one is about 200 characters). */
const MAX_TOKEN_LENGTH = 1_000;

/** What a token says: one version of one document, until `exp`. */
export const previewPayloadSchema = z.strictObject({
  type: z.enum(PREVIEW_TYPES),
  documentId: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'a Strapi documentId (letters and digits)'),
  slug: z.string().regex(/^[A-Za-z0-9._~-]{1,200}$/, 'a URL slug'),
  status: z.enum(PREVIEW_STATUSES),
  /** Expiry, in seconds since the epoch. */
  exp: z.number().int().positive(),
});
export type PreviewPayload = z.infer<typeof previewPayloadSchema>;

/** Prefix of the signed string: these signatures never pass for another use of the secret. */
const CONTEXT = 'chiudete-preview-token:v2';

const hmac = (secret: string, encoded: string) => createHmac('sha256', secret).update(`${CONTEXT}\n${encoded}`).digest('base64url');

/** Compares in constant time (both hashed first, so neither length nor content leaks through timing). */
function sameSecret(received: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(received), digest(expected));
}

/**
 * The token: `<base64url of the JSON payload>.<base64url HMAC-SHA256>`. It
 * holds no secret (only which document, which version, until when); the
 * signature makes it unforgeable and unalterable.
 */
export function signPreviewToken(secret: string, payload: PreviewPayload): string {
  if (secret.length < MIN_PREVIEW_SECRET_LENGTH) throw new Error(`signPreviewToken: the secret must be at least ${MIN_PREVIEW_SECRET_LENGTH} characters.`);
  const checked = previewPayloadSchema.parse(payload);
  const encoded = Buffer.from(JSON.stringify(checked)).toString('base64url');
  return `${encoded}.${hmac(secret, encoded)}`;
}

export type PreviewTokenFailure = 'malformed' | 'signature' | 'expired';
export type PreviewTokenCheck = { ok: true; payload: PreviewPayload } | { ok: false; reason: PreviewTokenFailure };

/**
 * Checks a token received from outside (a query value: anything): well
 * formed, signed with `secret`, payload valid, not expired at `nowSeconds`.
 * The signature is checked before the payload is even parsed.
 */
export function verifyPreviewToken(secret: string, token: unknown, nowSeconds: number): PreviewTokenCheck {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const match = /^([\w-]+)\.([\w-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, encoded = '', signature = ''] = match;
  if (secret.length < MIN_PREVIEW_SECRET_LENGTH || !sameSecret(signature, hmac(secret, encoded))) return { ok: false, reason: 'signature' };
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = previewPayloadSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.exp < nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, payload: parsed.data };
}

/** Path of the site's route that opens a preview, and the query parameter of its token. */
export const PREVIEW_ENTRY_PATH = '/anteprima';
export const PREVIEW_TOKEN_PARAM = 'token';

/** The address the admin frames: the site's `/anteprima?token=…`. The secret never leaves the servers. */
export function previewEntryUrl(siteUrl: string, secret: string, payload: PreviewPayload): string {
  const url = new URL(PREVIEW_ENTRY_PATH, siteUrl);
  url.searchParams.set(PREVIEW_TOKEN_PARAM, signPreviewToken(secret, payload));
  return url.toString();
}
