import type { Core } from '@strapi/strapi';
import { NEWSLETTER_ISSUE_UID } from './admin-contract';

/**
 * The issue's actions on Strapi's ADMIN API (the admin panel's session, like
 * the partner webhooks' ping: src/api/partner-webhook/admin-routes.ts):
 *
 *   GET  /admin/newsletter-issues/:documentId/preview   the e-mail's HTML
 *   POST /admin/newsletter-issues/:documentId/test      a copy to the logged-in admin
 *   POST /admin/newsletter-issues/:documentId/send      «Invia»: queued for the worker
 *
 * Allowed to admins who may update issues in the Content Manager (Super
 * Admin and Redattore: src/bootstrap/admin-roles.ts).
 */
const policies = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.update', NEWSLETTER_ISSUE_UID]] } },
];

export const newsletterAdminRouter: Core.Router = {
  type: 'admin',
  prefix: '/admin',
  routes: [
    { method: 'GET', path: '/newsletter-issues/:documentId/preview', handler: 'api::newsletter-issue.newsletter-admin.preview', info: {}, config: { policies } },
    { method: 'POST', path: '/newsletter-issues/:documentId/test', handler: 'api::newsletter-issue.newsletter-admin.test', info: {}, config: { policies } },
    { method: 'POST', path: '/newsletter-issues/:documentId/send', handler: 'api::newsletter-issue.newsletter-admin.send', info: {}, config: { policies } },
  ],
};

/** Adds the routes to the admin API; call from the app's register(). */
export function registerNewsletterAdminRoutes(strapi: Core.Strapi): void {
  strapi.admin.routes['newsletter-issue-actions'] = newsletterAdminRouter;
}
