import type { Core } from '@strapi/strapi';
import { MIN_PREVIEW_SECRET_LENGTH, previewPayloadSchema } from '@chiudete/types/preview';
import { PREVIEWABLE_TYPES, PREVIEW_LINK_TTL_SECONDS, isPreviewableUid, previewUrl, type PreviewStatus } from './link';

type Env = Core.Config.Shared.ConfigParams['env'];
type PreviewHandler = NonNullable<Core.Config.Admin['preview']>['config']['handler'];

export interface PreviewSettings {
  /** Public origin of the site, as the editor's browser reaches it (SITE_URL). */
  siteUrl: string;
  /** Key of the preview links, shared with the site (PREVIEW_SECRET / NUXT_PREVIEW_SECRET). */
  secret: string;
}

/** SITE_URL and PREVIEW_SECRET, checked; null (preview off) when the secret is not set. */
export function readPreviewSettings(env: Env): PreviewSettings | null {
  const secret = env('PREVIEW_SECRET', '').trim();
  const siteUrl = env('SITE_URL', '').trim() || 'http://localhost:3000';
  if (!/^https?:\/\/[^/]+/.test(siteUrl)) {
    throw new Error(`Preview configuration: SITE_URL="${siteUrl}" must be the site's http(s) origin, e.g. https://chiudeteicallcenter.eu.`);
  }
  if (secret === '') return null;
  if (secret.length < MIN_PREVIEW_SECRET_LENGTH) {
    throw new Error(`Preview configuration: PREVIEW_SECRET must be at least ${MIN_PREVIEW_SECRET_LENGTH} characters (openssl rand -base64 32).`);
  }
  return { siteUrl: new URL(siteUrl).origin, secret };
}

/** Strapi's preview handler: the `/anteprima` link, with its signed token, of one entry, or null (no preview) for other types and missing entries. */
export function createPreviewHandler(settings: PreviewSettings, now: () => number = Date.now): PreviewHandler {
  return async (uid, { documentId, status }) => {
    if (!isPreviewableUid(uid) || !documentId) return null;
    const wanted: PreviewStatus = status === 'published' ? 'published' : 'draft';
    const entry = (await strapi.documents(uid).findOne({ documentId, status: wanted, fields: ['slug'] })) as { slug?: unknown } | null;
    if (!entry || typeof entry.slug !== 'string' || entry.slug === '') return null;
    const payload = previewPayloadSchema.safeParse({
      type: PREVIEWABLE_TYPES[uid],
      documentId,
      slug: entry.slug,
      status: wanted,
      exp: Math.floor(now() / 1000) + PREVIEW_LINK_TTL_SECONDS,
    });
    // A slug the site could not serve (Strapi's uid fields never make one): no preview rather than an error.
    return payload.success ? previewUrl(settings.siteUrl, settings.secret, payload.data) : null;
  };
}

/**
 * `preview` of config/admin.ts: Strapi's Preview (Community edition) opens
 * the real site page of the entry, draft included, in the admin. Off unless
 * PREVIEW_SECRET is set; the site must know the same secret and hold the
 * preview API token (see src/preview/token.ts).
 */
export function previewConfig(env: Env): NonNullable<Core.Config.Admin['preview']> {
  const settings = readPreviewSettings(env);
  if (!settings) return { enabled: false, config: { handler: () => null } };
  return {
    enabled: true,
    // Also added to the admin's Content-Security-Policy `frame-src` by Strapi.
    config: { allowedOrigins: [settings.siteUrl], handler: createPreviewHandler(settings) },
  };
}
