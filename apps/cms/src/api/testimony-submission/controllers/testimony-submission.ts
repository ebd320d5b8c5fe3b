import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { acceptPublicForm, privateResponse } from '../../../public-forms';
import type { SubmissionService } from '../services/submission';
import { IdempotencyKeyReusedError, answerKeyReused } from '../../../idempotency';

/**
 * The public testimony-submission endpoints (routes/testimony-submission.ts).
 * Thin: HTTP in and out; the logic is in services/submission.ts.
 */

type Context = Parameters<Core.ControllerHandler>[0];

const NOT_FOUND = 'No submission matches this link: check that you copied the whole address.';

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const submissions = () => strapi.service('api::testimony-submission.submission') as SubmissionService;

  return {
    /**
     * POST /api/testimony-submissions → 202 { data: { id, status, accessToken } }; with an Idempotency-Key
     * (middlewares/idempotent-replay.ts) a retry gets the same answer, a key reused with other content 422.
     */
    async submit(ctx: Context) {
      const { idempotencyKey } = ctx.state as { idempotencyKey?: string | null };
      try {
        await acceptPublicForm(ctx, (body, request) => submissions().submit(body, { ...request, idempotencyKey }));
      } catch (error) {
        if (!(error instanceof IdempotencyKeyReusedError)) throw error;
        answerKeyReused(ctx, error);
        return;
      }
    },

    /** GET /api/testimony-submissions/status/:token → 200 { data: SubmissionState } | 404 */
    async status(ctx: Context) {
      privateResponse(ctx);
      const state = await submissions().statusByToken(ctx.params.token);
      if (!state) throw new errors.NotFoundError(NOT_FOUND);
      ctx.body = { data: state };
    },

    /** POST /api/testimony-submissions/withdraw/:token → 200 { data: SubmissionState } | 404 */
    async withdraw(ctx: Context) {
      privateResponse(ctx);
      const state = await submissions().withdrawByToken(ctx.params.token);
      if (!state) throw new errors.NotFoundError(NOT_FOUND);
      ctx.body = { data: state };
    },
  } satisfies Core.Controller;
};

export default controller;
