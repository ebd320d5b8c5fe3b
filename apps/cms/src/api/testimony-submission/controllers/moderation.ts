import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUBMISSION_UID } from '../../../moderation/contract';
import { parseApproveRequest, parseRejectRequest, type ModerationService, type Moderator } from '../services/moderation';

/**
 * The editors' moderation endpoints (admin API, see ../admin-routes.ts).
 * Thin: the admin user and the body in, the service's answer out.
 */

type Context = Parameters<Core.ControllerHandler>[0];

/** What the admin authentication strategy puts in ctx.state. */
interface AdminState {
  user?: { id: number | string };
  userAbility?: { can(action: string, subject?: string, field?: string): boolean };
}

function moderatorOf(ctx: Context): Moderator {
  const { user } = ctx.state as AdminState;
  if (!user) throw new errors.UnauthorizedError('Accedi al pannello della redazione per moderare le testimonianze.');
  return { id: user.id };
}

/** Moderation answers carry personal data or decisions about it: never cached. */
const noStore = (ctx: Context) => ctx.set('Cache-Control', 'no-store');

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const moderation = () => strapi.service('api::testimony-submission.moderation') as ModerationService;

  return {
    /** POST /admin/testimony-submissions/:documentId/in-review → 200 { data: ModerationResult } */
    async inReview(ctx: Context) {
      noStore(ctx);
      ctx.body = { data: await moderation().markInReview(ctx.params.documentId, moderatorOf(ctx)) };
    },

    /** POST /admin/testimony-submissions/:documentId/approve { title?, displayName?, redactedStory? } → 200 { data: ModerationResult } */
    async approve(ctx: Context) {
      noStore(ctx);
      const moderator = moderatorOf(ctx);
      const request = parseApproveRequest(ctx.request.body);
      ctx.body = { data: await moderation().approve(ctx.params.documentId, request, moderator) };
    },

    /** POST /admin/testimony-submissions/:documentId/reject { reason, note? } → 200 { data: ModerationResult } */
    async reject(ctx: Context) {
      noStore(ctx);
      const moderator = moderatorOf(ctx);
      const request = parseRejectRequest(ctx.request.body);
      ctx.body = { data: await moderation().reject(ctx.params.documentId, request, moderator) };
    },

    /**
     * GET /admin/testimony-submissions/:documentId/personal-data → 200 { data: PersonalDataReport }
     * The raw story only for editors who may read that field in the Content Manager.
     */
    async personalData(ctx: Context) {
      noStore(ctx);
      const { userAbility } = ctx.state as AdminState;
      const withRaw = userAbility?.can('plugin::content-manager.explorer.read', SUBMISSION_UID, 'story') === true;
      ctx.body = { data: await moderation().personalData(ctx.params.documentId, { withRaw }) };
    },
  } satisfies Core.Controller;
};

export default controller;
