import { createHmac } from 'node:crypto';
import { isPreviewType, type PreviewScope, type PreviewType } from '../../../shared/utils/preview-scope';
import { secretsMatch } from './secret';

/**
 * The preview links the CMS signs (apps/cms/src/preview/link.ts: keep both in
 * step) and the preview session cookie this site signs, both with the shared
 * PREVIEW_SECRET (NUXT_PREVIEW_SECRET). Each use has its own prefix, so a
 * signature of one can never pass for the other.
 */
export type PreviewStatus = 'draft' | 'published';

export interface PreviewLink {
  type: PreviewType;
  documentId: string;
  slug: string;
  status: PreviewStatus;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

/**
 * How long a preview session lasts once opened (the cookie's lifetime):
 * long enough to read a draft, short enough that a forgotten or forwarded
 * session closes soon. The admin's preview pane opens a new one each time.
 */
export const PREVIEW_SESSION_SECONDS = 20 * 60;

const DOCUMENT_ID = /^[A-Za-z0-9]{1,64}$/;
const SLUG = /^[A-Za-z0-9._~-]{1,200}$/;

const hmac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

const linkPayload = ({ type, documentId, slug, status, exp }: PreviewLink) =>
  ['chiudete-preview-link:v1', type, documentId, slug, status, String(exp)].join('\n');

export const signPreviewLink = (secret: string, link: PreviewLink): string => hmac(secret, linkPayload(link));

export type LinkCheck = { ok: true; link: PreviewLink } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined);

/** Checks the query of an `/anteprima` link: well formed, signed with the secret, not expired. */
export function verifyPreviewLink(secret: string, query: Record<string, unknown>, nowSeconds: number): LinkCheck {
  const type = one(query.type);
  const documentId = one(query.id);
  const slug = one(query.slug);
  const status = one(query.status);
  const exp = Number(one(query.exp));
  const sig = one(query.sig);
  if (
    !isPreviewType(type)
    || !documentId || !DOCUMENT_ID.test(documentId)
    || !slug || !SLUG.test(slug)
    || (status !== 'draft' && status !== 'published')
    || !Number.isSafeInteger(exp)
    || !sig
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const link: PreviewLink = { type, documentId, slug, status, exp };
  if (!secretsMatch(sig, signPreviewLink(secret, link))) return { ok: false, reason: 'signature' };
  if (exp < nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, link };
}

/**
 * A preview session: the version of one document the link was signed for,
 * on that document's page(s) only (shared/utils/preview-scope.ts), until
 * `expiresAt`. Only a `draft` session reads a draft; a `published` one (the
 * admin's «Pubblicato» tab) shows the live page, framed by the admin.
 */
export interface PreviewSession extends PreviewScope {
  status: PreviewStatus;
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
}

const sessionPayload = (encoded: string) => `chiudete-preview-session:v2\n${encoded}`;

/** The value of the preview cookie: `<base64url of [type, documentId, slug, status, expiresAt]>.<signature>`. */
export function signPreviewSession(secret: string, session: PreviewSession): string {
  const encoded = Buffer.from(JSON.stringify([session.type, session.documentId, session.slug, session.status, session.expiresAt])).toString('base64url');
  return `${encoded}.${hmac(secret, sessionPayload(encoded))}`;
}

function parseSession(encoded: string): PreviewSession | null {
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 5) return null;
  const [type, documentId, slug, status, expiresAt] = fields as unknown[];
  if (!isPreviewType(type) || typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) return null;
  if (typeof slug !== 'string' || !SLUG.test(slug) || (status !== 'draft' && status !== 'published')) return null;
  if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt)) return null;
  return { type, documentId, slug, status, expiresAt };
}

/** The session of a preview cookie, or null when it is forged, malformed or expired (or of the old, site-wide kind). */
export function verifyPreviewSession(secret: string, value: string | undefined, nowSeconds: number): PreviewSession | null {
  const match = /^([\w-]{1,600})\.([\w-]{20,100})$/.exec(value ?? '');
  if (!secret || !match) return null;
  const [, encoded = '', signature] = match;
  if (!secretsMatch(signature, hmac(secret, sessionPayload(encoded)))) return null;
  const session = parseSession(encoded);
  return session && session.expiresAt >= nowSeconds ? session : null;
}
