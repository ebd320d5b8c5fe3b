import type { Core } from '@strapi/strapi';
import { readSiteTokenConfig } from '../src/site-token/config';

/**
 * The site's own read token (src/site-token): SITE_API_TOKEN, checked here so
 * that a missing (production) or bad value stops the CMS at start.
 * Read with `strapi.config.get('site-token')`.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) =>
  readSiteTokenConfig({
    SITE_API_TOKEN: env('SITE_API_TOKEN', ''),
    PREVIEW_API_TOKEN: env('PREVIEW_API_TOKEN', ''),
    NODE_ENV: env('NODE_ENV', ''),
  });

export default config;
