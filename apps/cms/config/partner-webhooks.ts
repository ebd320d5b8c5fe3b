import type { Core } from '@strapi/strapi';
import { readPartnerWebhooksConfig } from '../src/api/partner-webhook/lib/config';

/**
 * Partner webhooks (src/api/partner-webhook): where the links in the events
 * point, whether webhook URLs may be plain http or local addresses, and
 * whether the instance making a change sends its deliveries itself.
 * Read with `strapi.config.get('partner-webhooks')`.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) =>
  readPartnerWebhooksConfig({
    SITE_URL: env('SITE_URL', ''),
    PUBLIC_URL: env('PUBLIC_URL', ''),
    PORT: env('PORT', ''),
    NODE_ENV: env('NODE_ENV', ''),
    CMS_DEVELOPMENT: env('CMS_DEVELOPMENT', ''),
    PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: env('PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS', ''),
    PARTNER_WEBHOOKS_RETENTION_DAYS: env('PARTNER_WEBHOOKS_RETENTION_DAYS', ''),
    PARTNER_WEBHOOKS_IMMEDIATE_SEND: env('PARTNER_WEBHOOKS_IMMEDIATE_SEND', ''),
  });

export default config;
