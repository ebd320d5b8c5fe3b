import { createHmac } from 'node:crypto';
import { secretsMatch } from './secret';

/**
 * The preview links the CMS signs (apps/cms/src/preview/link.ts: keep both in
 * step) and the preview session cookie this site signs, both with the shared
 * PREVIEW_SECRET (NUXT_PREVIEW_SECRET). Each use has its own prefix, so a
 * signature of one can never pass for the other.
 */
export const PREVIEW_TYPES = ['article', 'book-release', 'testimony', 'answer', 'video'] as const;
export type PreviewType = (typeof PREVIEW_TYPES)[number];
export type PreviewStatus = 'draft' | 'published';

export interface PreviewLink {
  type: PreviewType;
  documentId: string;
  slug: string;
  status: PreviewStatus;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

/** How long a preview session lasts once opened (the cookie's lifetime). */
export const PREVIEW_SESSION_SECONDS = 60 * 60;

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
    !PREVIEW_TYPES.includes(type as PreviewType)
    || !documentId || !/^[A-Za-z0-9]{1,64}$/.test(documentId)
    || !slug || !/^[A-Za-z0-9._~-]{1,200}$/.test(slug)
    || (status !== 'draft' && status !== 'published')
    || !Number.isSafeInteger(exp)
    || !sig
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const link: PreviewLink = { type: type as PreviewType, documentId, slug, status, exp };
  if (!secretsMatch(sig, signPreviewLink(secret, link))) return { ok: false, reason: 'signature' };
  if (exp < nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, link };
}

export interface PreviewSession {
  /** Expiry, in seconds since the epoch. */
  expiresAt: number;
}

const sessionPayload = (expiresAt: number) => `chiudete-preview-session:v1\n${expiresAt}`;

/** The value of the preview cookie: `<expiry>.<signature>`. */
export function signPreviewSession(secret: string, session: PreviewSession): string {
  return `${session.expiresAt}.${hmac(secret, sessionPayload(session.expiresAt))}`;
}

/** The session of a preview cookie, or null when it is forged, malformed or expired. */
export function verifyPreviewSession(secret: string, value: string | undefined, nowSeconds: number): PreviewSession | null {
  const match = /^(\d{1,12})\.([\w-]{20,100})$/.exec(value ?? '');
  if (!secret || !match) return null;
  const expiresAt = Number(match[1]);
  if (!secretsMatch(match[2], hmac(secret, sessionPayload(expiresAt)))) return null;
  return expiresAt >= nowSeconds ? { expiresAt } : null;
}
