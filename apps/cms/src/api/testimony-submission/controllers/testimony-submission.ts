import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SubmissionService } from '../services/submission';

/**
 * The public testimony-submission endpoints (routes/testimony-submission.ts).
 * Thin: HTTP in and out; the logic is in services/submission.ts.
 */

type Context = Parameters<Core.ControllerHandler>[0];

interface AntiAbuseState {
  antiAbuse?: { ipHash?: string };
}

const NOT_FOUND = 'No submission matches this link: check that you copied the whole address.';

/** Answers that carry or depend on the private token: never cached, never sent on as a Referer. */
function privateResponse(ctx: Context): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => {
  const submissions = () => strapi.service('api::testimony-submission.submission') as SubmissionService;

  return {
    /** POST /api/testimony-submissions → 202 { data: { id, status, accessToken } } */
    async submit(ctx: Context) {
      privateResponse(ctx);
      const { antiAbuse } = ctx.state as AntiAbuseState;
      const receipt = await submissions().submit(ctx.request.body, { ipHash: antiAbuse?.ipHash, isJson: Boolean(ctx.is('json')) });
      ctx.status = 202;
      ctx.body = { data: receipt };
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
