import type { Core } from '@strapi/strapi';
import { antiAbuseContext, closeAntiAbuseContext } from '../../anti-abuse/context';

/** Lifecycle of the anti-abuse layer: configuration checked at boot, Redis closed on shutdown. */
export default {
  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    antiAbuseContext(strapi);
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeAntiAbuseContext(strapi);
  },
};
