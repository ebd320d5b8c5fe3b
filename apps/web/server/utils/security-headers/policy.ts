/**
 * The security headers of every response of the site (issue #11, defect 12),
 * as pure functions of the site's settings. Applied by
 * server/plugins/page-cache.ts to every response (cache hits included: they
 * are answered before Nitro's handlers), by server/plugins/security-headers.ts
 * to every page the app renders (the CSP with the hashes of the page's own
 * inline scripts, stored with the page in the page cache), and by the preview
 * (server/utils/preview/headers.ts: framing by the admin only).
 */

export interface SecurityHeaderSettings {
  /** Origin of the CMS: its media URLs (the forms' calls go to this site, which relays them: server/utils/public-forms). */
  cmsOrigin: string;
  /** Origin of the Strapi admin, the only one that may frame the preview pages. */
  adminOrigin: string;
  /** Origin of the CMS's S3 uploads (NUXT_PUBLIC_S3_PUBLIC_URL), or null: images that are not resized (GIF) load from there. */
  s3Origin: string | null;
  /** The site is served over HTTPS (production): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Whether to send a Content-Security-Policy (not with `nuxt dev`, whose Vite client runs inline code and HMR). */
  csp: boolean;
}

export interface PagePolicy {
  /** A preview response: the admin's preview pane may frame it. */
  framedByAdmin: boolean;
  /** `'sha256-…'` sources of the page's own inline scripts (./inline-scripts.ts). */
  scriptHashes: readonly string[];
}

/** The privacy-enhanced YouTube player, put in place by the video page's click (app/enhance/video-player.ts). */
export const YOUTUBE_PLAYER_ORIGIN = 'https://www.youtube-nocookie.com';

/** One year, the value HSTS preload lists expect; no includeSubDomains: other hosts of the domain are not ours to decide. */
const HSTS = 'max-age=31536000';

/**
 * Features no page uses; the YouTube player's own (autoplay, fullscreen,
 * encrypted media, picture-in-picture) are left to its iframe's `allow`.
 */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=()';

const DEFAULT_POLICY: PagePolicy = { framedByAdmin: false, scriptHashes: [] };

/**
 * `frame-ancestors` of a page: nobody, or (preview) the admin's origin and
 * only it, whatever its host (e.g. the admin at 127.0.0.1:1337 framing the
 * site at localhost:3000): NUXT_ADMIN_ORIGIN, or the CMS's origin.
 */
export const frameAncestors = (settings: SecurityHeaderSettings, framedByAdmin: boolean): string =>
  framedByAdmin ? `frame-ancestors ${settings.adminOrigin}` : 'frame-ancestors \'none\'';

/**
 * No inline script runs but the page's own, by hash (no nonce: the page
 * cache serves the same bytes to everyone); scripts only from the site
 * (Nuxt's chunks, the enhancement script, the ALTCHA widget and its worker);
 * network calls to the site only (the forms are relayed by its server); the one frame a page may hold is
 * YouTube's player. Inline styles are allowed: Nuxt inlines the components'
 * styles, the ALTCHA widget styles its shadow DOM, and a style cannot run code.
 */
export function contentSecurityPolicy(settings: SecurityHeaderSettings, page: PagePolicy = DEFAULT_POLICY): string {
  const cms = settings.cmsOrigin;
  const directives = [
    'default-src \'self\'',
    ['script-src \'self\'', ...page.scriptHashes].join(' '),
    'script-src-attr \'none\'',
    'style-src \'self\' \'unsafe-inline\'',
    ['img-src \'self\' data: blob:', cms, ...(settings.s3Origin ? [settings.s3Origin] : [])].join(' '),
    'font-src \'self\' data:',
    // The forms' calls (challenge, submission) go to the site itself, which relays them to the CMS.
    'connect-src \'self\'',
    'worker-src \'self\' blob:',
    `frame-src ${YOUTUBE_PLAYER_ORIGIN}`,
    'media-src \'self\'',
    'manifest-src \'self\'',
    'object-src \'none\'',
    'base-uri \'none\'',
    'form-action \'self\'',
    frameAncestors(settings, page.framedByAdmin),
  ];
  if (settings.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Every security header of a response (lower-case names). */
export function securityHeaders(settings: SecurityHeaderSettings, page: PagePolicy = DEFAULT_POLICY): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
  };
  // X-Frame-Options cannot name another origin: only for pages nobody may frame (frame-ancestors says the rest).
  if (!page.framedByAdmin) headers['x-frame-options'] = 'DENY';
  if (settings.https) headers['strict-transport-security'] = HSTS;
  if (settings.csp) headers['content-security-policy'] = contentSecurityPolicy(settings, page);
  return headers;
}

/** A response's CSP with framing by the admin allowed (the page's script hashes kept). */
export function allowAdminFraming(csp: string, settings: SecurityHeaderSettings): string {
  const framing = frameAncestors(settings, true);
  const directives = csp.split(';').map((directive) => directive.trim()).filter(Boolean);
  const kept = directives.filter((directive) => !/^frame-ancestors(?:\s|$)/i.test(directive));
  return [...kept, framing].join('; ');
}

/** An http(s) URL's origin, or null. */
export function originOf(url: string): string | null {
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : null;
  } catch {
    return null;
  }
}

export interface SecurityConfigInput {
  siteUrl: string;
  cmsUrl: string;
  /** Empty: the admin is served by the CMS, at the CMS's origin. */
  adminOrigin: string;
  /** Empty: uploads are on the CMS's disk. */
  s3PublicUrl?: string;
  dev: boolean;
}

/** The settings from the site's runtime config; throws on an address that is not an http(s) URL. */
export function securitySettingsFrom({ siteUrl, cmsUrl, adminOrigin, s3PublicUrl = '', dev }: SecurityConfigInput): SecurityHeaderSettings {
  const cms = originOf(cmsUrl);
  const s3 = s3PublicUrl.trim() === '' ? null : originOf(s3PublicUrl.trim());
  const admin = adminOrigin.trim() === '' ? cms : originOf(adminOrigin.trim());
  if (!cms) throw new Error(`Security headers: NUXT_PUBLIC_CMS_URL="${cmsUrl}" must be the CMS's http(s) URL.`);
  if (!admin) throw new Error(`Security headers: NUXT_ADMIN_ORIGIN="${adminOrigin}" must be the Strapi admin's http(s) origin, e.g. https://cms.chiudeteicallcenter.eu.`);
  if (s3PublicUrl.trim() !== '' && !s3) throw new Error(`Security headers: NUXT_PUBLIC_S3_PUBLIC_URL="${s3PublicUrl}" must be the http(s) base URL of the CMS's S3 uploads.`);
  return { cmsOrigin: cms, adminOrigin: admin, s3Origin: s3, https: !dev && siteUrl.startsWith('https://'), csp: !dev };
}

/**
 * The partners' widget (/widget/…, server/utils/widget): plain HTML with an
 * inline stylesheet, no script, no image, no form, that any site may frame.
 * The only pages with `frame-ancestors *`; every other page keeps its own.
 */
export function widgetContentSecurityPolicy(): string {
  return [
    'default-src \'none\'',
    'style-src \'unsafe-inline\'',
    'base-uri \'none\'',
    'form-action \'none\'',
    'frame-ancestors *',
  ].join('; ');
}

/** The security headers of a widget's response: the page's, but framed by anyone (no X-Frame-Options) under the widget's CSP. */
export function widgetSecurityHeaders(settings: SecurityHeaderSettings): Record<string, string> {
  const { 'x-frame-options': _denied, 'content-security-policy': _page, ...headers } = securityHeaders(settings);
  return { ...headers, 'content-security-policy': widgetContentSecurityPolicy() };
}
