import type { H3Event } from 'h3';
import type { PreviewScope } from '../../../shared/utils/preview-scope';
import { PREVIEW_COOKIE } from '../page-cache/policy';
import { allowAdminFraming, securityHeaders } from '../security-headers/policy';
import { siteSecuritySettings } from '../security-headers/settings';
import { signPreviewSession, verifyPreviewSession, PREVIEW_SESSION_SECONDS, type PreviewSession, type PreviewStatus } from './signing';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The cookie is httpOnly (scripts never see it) and sent on the whole site
 * (the session is scoped on the server: ./pages.ts). The admin shows
 * the preview in an iframe: on https it is `SameSite=None; Secure`, so it
 * also works when the CMS is on another site than the public one; on plain
 * http (local) `Lax`, which the browsers send in an iframe of the same site
 * (localhost:1337 → localhost:3000).
 */
function cookieOptions(event: H3Event, maxAge: number) {
  const secure = getRequestProtocol(event, { xForwardedProto: true }) === 'https';
  return { httpOnly: true, path: '/', maxAge, secure, sameSite: secure ? 'none' as const : 'lax' as const };
}

/** Opens the preview of one version of one document (its draft, or the live page), on its page(s), for PREVIEW_SESSION_SECONDS. */
export function startPreviewSession(event: H3Event, secret: string, scope: PreviewScope & { status: PreviewStatus }): PreviewSession {
  const session: PreviewSession = {
    type: scope.type,
    documentId: scope.documentId,
    slug: scope.slug,
    status: scope.status,
    expiresAt: nowSeconds() + PREVIEW_SESSION_SECONDS,
  };
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

/**
 * Headers of every preview response (and of the refusals): never cached,
 * never indexed, no referrer, and framed by the admin's preview pane only
 * (the page's CSP is kept, with the admin as its one other frame ancestor).
 */
export function setPreviewHeaders(event: H3Event): void {
  if (event.node.res.headersSent) return;
  setResponseHeaders(event, {
    'cache-control': 'private, no-store, max-age=0',
    'x-robots-tag': 'noindex, nofollow',
    'referrer-policy': 'no-referrer',
  });
  event.context.framedByAdmin = true;
  const settings = siteSecuritySettings();
  const res = event.node.res;
  res.removeHeader('x-frame-options');
  if (!settings.csp) return;
  const current = res.getHeader('content-security-policy');
  const csp = typeof current === 'string' ? current : securityHeaders(settings)['content-security-policy']!;
  res.setHeader('content-security-policy', allowAdminFraming(csp, settings));
}
