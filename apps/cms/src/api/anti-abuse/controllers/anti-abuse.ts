import type { Core } from '@strapi/strapi';
import { createAltchaChallenge } from '../lib/altcha';
import { clientIp, hashIp } from '../lib/client-ip';
import { FORM_NAMES, isFormName } from '../lib/config';
import { antiAbuseContext } from '../lib/context';
import { busyErrorBody, rateLimitErrorBody, refuse } from '../lib/errors';
import { issueFormToken } from '../lib/form-token';
import { rateLimitKeys } from '../lib/guard';
import { consumeRateLimit } from '../lib/rate-limiter';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Per-IP limit of the two GET endpoints (each its own counter); false when refused. */
async function allowed(strapi: Core.Strapi, ctx: Context, kind: 'form-token' | 'altcha'): Promise<boolean> {
  const { config, store } = antiAbuseContext(strapi);
  const ipHash = hashIp(config.ipHashKey, clientIp(ctx));
  const result = await consumeRateLimit(store, {
    key: rateLimitKeys.challengesPerIp(kind, ipHash),
    limit: config.rateLimit.challengesPerIp,
    windowSeconds: config.rateLimit.windowSeconds,
  });
  if (result.allowed) return true;
  refuse(ctx, rateLimitErrorBody(result.retryAfterSeconds, 'requests'), result.retryAfterSeconds);
  return false;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/form-tokens/:form → { data: { token, minFillSeconds, expiresAt } } */
  async formToken(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const form: unknown = ctx.params.form;
    if (!isFormName(form)) {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: `Unknown form "${String(form).slice(0, 40)}": use one of ${FORM_NAMES.join(', ')}.`,
          details: { errors: [{ field: 'form', code: 'form.invalid', message: 'Questo modulo non esiste.' }] },
        },
      };
      return;
    }
    if (!(await allowed(strapi, ctx, 'form-token'))) return;
    const { config } = antiAbuseContext(strapi);
    const { token, expiresAt } = issueFormToken(config.formTokenKey, form, config.formToken.ttlSeconds);
    ctx.body = { data: { token, minFillSeconds: config.formToken.minFillSeconds, expiresAt: new Date(expiresAt).toISOString() } };
  },

  /**
   * GET /api/altcha/challenge → the challenge JSON the `altcha` widget expects.
   * 429 `antiabuse.busy` while the store cannot remember one more used solution:
   * a challenge issued then could not be accepted once only.
   */
  async altchaChallenge(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    if (!(await allowed(strapi, ctx, 'altcha'))) return;
    const { config, store } = antiAbuseContext(strapi);
    const waitMs = await store.markerRoomInMs();
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      refuse(ctx, busyErrorBody(retryAfterSeconds), retryAfterSeconds);
      return;
    }
    ctx.body = await createAltchaChallenge({ hmacKey: config.altchaKey, ...config.altcha });
  },
});
