import type { Core } from '@strapi/strapi';
import { privateResponse } from '../public-forms';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKeyReusedError, answerKeyReused, readIdempotencyKey, requestFingerprint } from './index';

/** What a public form's service answers for a key: the stored receipt, null for a new key; throws IdempotencyKeyReusedError for other content. */
export interface ReplaySource {
  replayOf(key: string, fingerprint: string): Promise<unknown>;
}

/**
 * The route middleware in front of a public form (before `api::anti-abuse.anti-abuse`),
 * the testimony form's and the newsletter's: reads the `Idempotency-Key`
 * header (400 when malformed) and, when a submission with that key is
 * already stored, answers its 202 again at once: the retry of a form whose
 * answer was lost (a timeout) creates nothing, sends no second e-mail and
 * needs no new proof of work. A key reused with other content is a 422.
 * Otherwise the key goes on in `ctx.state.idempotencyKey` to the
 * controller, which stores it. A replay costs one lookup on a unique index.
 * `source` finds the form's service (`replayOf`).
 */
export const idempotentReplay = (source: (strapi: Core.Strapi) => ReplaySource): Core.MiddlewareFactory => (_config, { strapi }) => {
  return async (ctx, next) => {
    privateResponse(ctx);
    const key = readIdempotencyKey(ctx.get(IDEMPOTENCY_KEY_HEADER));
    ctx.state.idempotencyKey = key;
    if (key) {
      let receipt;
      try {
        receipt = await source(strapi).replayOf(key, requestFingerprint(ctx.request.body));
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
