import { hkdfSync } from 'node:crypto';
import { NEWSLETTER_LIMITS } from '@chiudete/types';

/**
 * The newsletter's settings, read once when the configuration loads
 * (config/newsletter.ts, `strapi.config.get('newsletter')`). Every value is
 * checked here: a missing or short secret stops the boot naming the variable.
 */
export interface NewsletterConfig {
  /** HMAC-SHA256 key of the signed links, base64url (32 bytes, HKDF of NEWSLETTER_LINK_SECRET, or of APP_KEYS when unset). */
  linkKey: string;
  /** The site's public origin (SITE_URL): the pages the links open. */
  siteUrl: string;
  /** The CMS's public origin (PUBLIC_URL): the RFC 8058 one-click POST endpoint. */
  cmsUrl: string;
  /** Lifetime of the confirmation link, and of an unconfirmed address. */
  confirmDays: number;
  /** Lifetime of the unsubscribe and "my data" links of an e-mail. */
  manageLinkDays: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const MIN_SECRET_LENGTH = 16;
const LOCAL_SITE = 'http://localhost:3000';
const LOCAL_CMS = 'http://localhost:1337';

const read = (env: Env, name: string): string => env[name]?.trim() ?? '';

function origin(env: Env, name: string, fallback: string): string {
  const raw = read(env, name) || fallback;
  if (!/^https?:\/\/[^/]+/.test(raw)) {
    throw new Error(`Newsletter configuration: ${name}="${raw}" must be an http(s) origin, e.g. https://chiudeteicallcenter.eu.`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The key of the links: NEWSLETTER_LINK_SECRET when set (at least 16
 * characters), otherwise derived from Strapi's APP_KEYS (required, and
 * checked in production by src/production-secrets). Neither: the CMS does
 * not start. Changing the secret invalidates every link already e-mailed.
 */
function linkKey(env: Env): string {
  const own = read(env, 'NEWSLETTER_LINK_SECRET');
  if (own !== '' && own.length < MIN_SECRET_LENGTH) {
    throw new Error(`Newsletter configuration: NEWSLETTER_LINK_SECRET is too short (at least ${MIN_SECRET_LENGTH} characters; generate one with \`openssl rand -base64 32\`).`);
  }
  const secret = own || read(env, 'APP_KEYS');
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error('Newsletter configuration: set NEWSLETTER_LINK_SECRET (`openssl rand -base64 32`), or APP_KEYS that it can be derived from: the newsletter\'s links cannot be signed.');
  }
  return Buffer.from(hkdfSync('sha256', secret, 'chiudete-newsletter', 'newsletter-links', 32)).toString('base64url');
}

export function loadNewsletterConfig(env: Env = process.env): NewsletterConfig {
  return {
    linkKey: linkKey(env),
    siteUrl: origin(env, 'SITE_URL', LOCAL_SITE),
    cmsUrl: origin(env, 'PUBLIC_URL', LOCAL_CMS),
    confirmDays: NEWSLETTER_LIMITS.confirmDays,
    manageLinkDays: NEWSLETTER_LIMITS.manageLinkDays,
  };
}
