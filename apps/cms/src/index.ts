import type { Core } from '@strapi/strapi';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { syncAdminViews } from './bootstrap/admin-views';
import { ensureLocalAdmin } from './bootstrap/local-admin';
import { seedDemoContent, shouldSeedDemoContent } from './seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncPublicPermissions(strapi);
    await syncAdminViews(strapi);
    await ensureLocalAdmin(strapi);
    if (shouldSeedDemoContent()) {
      await seedDemoContent(strapi);
    }
  },
};
