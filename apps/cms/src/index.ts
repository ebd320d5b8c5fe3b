import type { Core } from '@strapi/strapi';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { syncAdminViews } from './bootstrap/admin-views';
import { syncAdminRoles } from './bootstrap/admin-roles';
import { ensureLocalAdmin } from './bootstrap/local-admin';
import { seedDemoContent, shouldSeedDemoContent } from './seed';
import { registerModerationAdminRoutes } from './api/testimony-submission/admin-routes';
import { registerModerationGuard } from './api/testimony-submission/moderation-guard';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerModerationAdminRoutes(strapi);
    registerModerationGuard(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncPublicPermissions(strapi);
    await syncAdminViews(strapi);
    await syncAdminRoles(strapi);
    await ensureLocalAdmin(strapi);
    if (shouldSeedDemoContent()) {
      await seedDemoContent(strapi);
    }
  },
};
