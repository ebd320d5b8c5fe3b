import type { Core } from '@strapi/strapi';
import { privateResponse } from '../../../public-forms';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKeyReusedError, answerKeyReused, readIdempotencyKey, requestFingerprint } from '../../../idempotency';
import type { SubscriptionService } from '../services/subscription';

/**
 * In front of the subscription form (before `api::anti-abuse.anti-abuse`), as
 * the testimony form's: a retry with the same `Idempotency-Key` and content
 * gets the same 202 at once and sends no second e-mail; the key with other
 * content is a 422; a malformed key a 400. Otherwise the key goes on in
 * `ctx.state.idempotencyKey`.
 */
const idempotentReplay: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    privateResponse(ctx);
    const key = readIdempotencyKey(ctx.get(IDEMPOTENCY_KEY_HEADER));
    ctx.state.idempotencyKey = key;
    if (key) {
      const subscriptions = strapi.service('api::newsletter-subscriber.subscription') as SubscriptionService;
      let receipt;
      try {
        receipt = await subscriptions.replayOf(key, requestFingerprint(ctx.request.body));
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
