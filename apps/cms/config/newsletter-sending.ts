import type { Core } from '@strapi/strapi';
import { wholeNumber } from './submissions';

/**
 * The newsletter's sending side (src/api/newsletter-issue, docs/newsletter.md).
 * Read with `strapi.config.get('newsletter')`.
 */
export interface NewsletterSendingConfig {
  /** The site's public origin (SITE_URL): every link of an issue points there. */
  siteUrl: string;
  /** E-mails handed to the SMTP server per minute at most (NEWSLETTER_SEND_RATE_PER_MINUTE, default 600). */
  ratePerMinute: number;
  /** Attempts per recipient before a send is «Non inviata» (NEWSLETTER_SEND_MAX_ATTEMPTS, default 3). */
  maxAttempts: number;
  /** Minutes before a failed send is tried again (NEWSLETTER_SEND_RETRY_MINUTES, default 5). */
  retryMinutes: number;
  /**
   * The shared secret of `POST /api/newsletter-events` (NEWSLETTER_EVENTS_SECRET,
   * at least 32 characters). Empty: the endpoint refuses every call.
   */
  eventsSecret: string;
}

export const MIN_EVENTS_SECRET_LENGTH = 32;

export function readNewsletterSendingConfig(env: (name: string) => string | undefined): NewsletterSendingConfig {
  const siteUrl = env('SITE_URL')?.trim() || 'http://localhost:3000';
  if (!/^https?:\/\/[^/]+/.test(siteUrl)) {
    throw new Error(`Newsletter configuration: SITE_URL="${siteUrl}" must be the site's http(s) origin, e.g. https://chiudeteicallcenter.eu.`);
  }
  const eventsSecret = env('NEWSLETTER_EVENTS_SECRET')?.trim() ?? '';
  if (eventsSecret && eventsSecret.length < MIN_EVENTS_SECRET_LENGTH) {
    throw new Error(`Newsletter configuration: NEWSLETTER_EVENTS_SECRET must be at least ${MIN_EVENTS_SECRET_LENGTH} characters (openssl rand -base64 32), or unset to turn the events endpoint off.`);
  }
  return {
    siteUrl: new URL(siteUrl).origin,
    ratePerMinute: wholeNumber('NEWSLETTER_SEND_RATE_PER_MINUTE', env('NEWSLETTER_SEND_RATE_PER_MINUTE'), 600, 1, 1_000_000),
    maxAttempts: wholeNumber('NEWSLETTER_SEND_MAX_ATTEMPTS', env('NEWSLETTER_SEND_MAX_ATTEMPTS'), 3, 1, 20),
    retryMinutes: wholeNumber('NEWSLETTER_SEND_RETRY_MINUTES', env('NEWSLETTER_SEND_RETRY_MINUTES'), 5, 0, 1440),
    eventsSecret,
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): NewsletterSendingConfig => readNewsletterSendingConfig((name) => env(name));

export default config;
