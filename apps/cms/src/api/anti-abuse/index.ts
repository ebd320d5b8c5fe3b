import type { Core } from '@strapi/strapi';
import { antiAbuseContext, closeAntiAbuseContext } from './lib/context';
import { onApiTokenChange } from '../../api-tokens/changes';

/**
 * Lifecycle of the anti-abuse layer: configuration checked at boot, the
 * memory of verified API tokens forgotten at every token change, Redis
 * closed on shutdown.
 */
export default {
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const { tokens } = antiAbuseContext(strapi);
    onApiTokenChange(strapi, () => tokens.clear());
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeAntiAbuseContext(strapi);
  },
};
