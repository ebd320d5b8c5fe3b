import type { Core } from '@strapi/strapi';
import { WEBHOOK_UID } from './ping-contract';

/**
 * The test ping of a partner webhook, on Strapi's ADMIN API (the admin
 * panel's session; see src/api/testimony-submission/admin-routes.ts for why
 * admin routes are added here and not in ./routes):
 *
 *   POST /admin/partner-webhooks/:documentId/ping
 *
 * Allowed to admins who may edit partner webhooks in the Content Manager
 * (the Super Admin, by src/bootstrap/default-roles.ts).
 */
export const partnerWebhookAdminRouter: Core.Router = {
  type: 'admin',
  prefix: '/admin',
  routes: [
    {
      method: 'POST',
      path: '/partner-webhooks/:documentId/ping',
      handler: 'api::partner-webhook.ping.send',
      info: {},
      config: {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.update', WEBHOOK_UID]] } },
        ],
      },
    },
  ],
};

/** Adds the ping route to the admin API; call from the app's register(). */
export function registerPartnerWebhookAdminRoutes(strapi: Core.Strapi): void {
  strapi.admin.routes['partner-webhook-ping'] = partnerWebhookAdminRouter;
}
