import type { H3Event } from 'h3';
import { PREVIEW_COOKIE } from '../page-cache/policy';
import { signPreviewSession, verifyPreviewSession, PREVIEW_SESSION_SECONDS, type PreviewSession } from './signing';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The cookie is httpOnly (scripts never see it) and scoped to the whole
 * site. The admin shows the preview in an iframe: on https it is
 * `SameSite=None; Secure`, so it also works when the CMS is on another
 * site than the public one; on plain http (local) `Lax`, which the browsers
 * send in an iframe of the same site (localhost:1337 → localhost:3000).
 */
function cookieOptions(event: H3Event, maxAge: number) {
  const secure = getRequestProtocol(event, { xForwardedProto: true }) === 'https';
  return { httpOnly: true, path: '/', maxAge, secure, sameSite: secure ? 'none' as const : 'lax' as const };
}

export function startPreviewSession(event: H3Event, secret: string): PreviewSession {
  const session = { expiresAt: nowSeconds() + PREVIEW_SESSION_SECONDS };
  setCookie(event, PREVIEW_COOKIE, signPreviewSession(secret, session), cookieOptions(event, PREVIEW_SESSION_SECONDS));
  return session;
}

export function endPreviewSession(event: H3Event): void {
  deleteCookie(event, PREVIEW_COOKIE, cookieOptions(event, 0));
}

/** The request's valid preview session, or null (no cookie, forged, expired, or preview not configured). */
export function readPreviewSession(event: H3Event, secret: string): PreviewSession | null {
  return verifyPreviewSession(secret, getCookie(event, PREVIEW_COOKIE), nowSeconds());
}

/** Headers of every preview response (and of the refusals): never cached, never indexed, no referrer. */
export function setPreviewHeaders(event: H3Event): void {
  setResponseHeaders(event, {
    'cache-control': 'private, no-store, max-age=0',
    'x-robots-tag': 'noindex, nofollow',
    'referrer-policy': 'no-referrer',
  });
}
