import type { Core } from '@strapi/strapi';
import { SUBMISSION_UID, TESTIMONY_UID } from '../../moderation/contract';

/**
 * The moderation routes, on Strapi's ADMIN API: authenticated by the admin
 * session (the admin panel's JWT), authorised by the editor's role in
 * Settings > Roles, mounted under /admin:
 *
 *   POST /admin/testimony-submissions/:documentId/in-review
 *   POST /admin/testimony-submissions/:documentId/approve
 *   POST /admin/testimony-submissions/:documentId/reject
 *   GET  /admin/testimony-submissions/:documentId/personal-data
 *   GET  /admin/moderation-stats   the home page's figures (services/moderation-stats.ts)
 *
 * Why not in ./routes: Strapi 5.54 mounts every router of an API folder on
 * the content API (`/api`, users-permissions and API tokens) whatever its
 * `type` (core/dist/services/server/register-routes.js sets
 * `router.type = 'content-api'`), so an admin router has to be added to the
 * admin module's routers, at register time (src/index.ts).
 */

const CM = 'plugin::content-manager.explorer';

/** `admin::hasPermissions` with [action, subject] pairs: every pair is required. */
const requires = (...actions: Array<[action: string, subject: string]>) => ({
  name: 'admin::hasPermissions',
  config: { actions },
});

const route = (
  method: 'GET' | 'POST',
  action: 'in-review' | 'approve' | 'reject' | 'personal-data',
  handler: 'inReview' | 'approve' | 'reject' | 'personalData',
  permission: ReturnType<typeof requires>,
): Core.Route => ({
  method,
  path: `/testimony-submissions/:documentId/${action}`,
  handler: `api::testimony-submission.moderation.${handler}`,
  info: {},
  config: { policies: ['admin::isAuthenticatedAdmin', permission] },
});

export const moderationAdminRouter: Core.Router = {
  type: 'admin',
  prefix: '/admin',
  routes: [
    route('POST', 'in-review', 'inReview', requires([`${CM}.update`, SUBMISSION_UID])),
    // Approving publishes a public Testimony: the editor must be allowed to create and publish those too.
    route('POST', 'approve', 'approve', requires([`${CM}.update`, SUBMISSION_UID], [`${CM}.create`, TESTIMONY_UID], [`${CM}.publish`, TESTIMONY_UID])),
    route('POST', 'reject', 'reject', requires([`${CM}.update`, SUBMISSION_UID])),
    route('GET', 'personal-data', 'personalData', requires([`${CM}.read`, SUBMISSION_UID])),
    // Decisions per week, by reason, time to decide: for whoever may read the submissions (Moderatore, Super Admin).
    {
      method: 'GET',
      path: '/moderation-stats',
      handler: 'api::testimony-submission.moderation-stats.show',
      info: {},
      config: { policies: ['admin::isAuthenticatedAdmin', requires([`${CM}.read`, SUBMISSION_UID])] },
    },
  ],
};

/** Adds the moderation router to the admin API; call from the app's register(). */
export function registerModerationAdminRoutes(strapi: Core.Strapi): void {
  strapi.admin.routes['testimony-moderation'] = moderationAdminRouter;
}
