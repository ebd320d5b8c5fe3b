import type { Core } from '@strapi/strapi';
import { privateResponse } from '../../../public-forms';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKeyReusedError, answerKeyReused, readIdempotencyKey, requestFingerprint } from '../../../idempotency';
import type { SubmissionService } from '../services/submission';

/**
 * In front of the testimony form (before `api::anti-abuse.anti-abuse`): reads the
 * `Idempotency-Key` header (400 when malformed) and, when a submission with
 * that key is already stored, answers its 202 again at once: the retry of a
 * form whose answer was lost (a timeout) creates nothing and needs no new
 * proof of work. A key reused with other content is a 422. Otherwise the key
 * goes on in `ctx.state.idempotencyKey` to the controller, which stores it.
 * A replay costs one lookup on a unique index.
 */
const idempotentReplay: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    privateResponse(ctx);
    const key = readIdempotencyKey(ctx.get(IDEMPOTENCY_KEY_HEADER));
    ctx.state.idempotencyKey = key;
    if (key) {
      const submissions = strapi.service('api::testimony-submission.submission') as SubmissionService;
      let receipt;
      try {
        receipt = await submissions.replayOf(key, requestFingerprint(ctx.request.body));
      } catch (error) {
        if (!(error instanceof IdempotencyKeyReusedError)) throw error;
        answerKeyReused(ctx, error);
        return;
      }
      if (receipt) {
        ctx.status = 202;
        ctx.body = { data: receipt };
        return;
      }
    }
    await next();
  };
};

export default idempotentReplay;
