import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { WEBHOOK_DELIVERIES_PAGE_MAX, WEBHOOK_DELIVERIES_PAGE_SIZE_MAX, WEBHOOK_DELIVERY_STATUSES, type FieldError, type WebhookDeliveriesResponse } from '@chiudete/types';
import { toFieldErrors, webhookDeliveriesQuerySchema } from '@chiudete/types/forms';
import { isApiTokenAuth, type RequestAuth } from '../../../api-tokens/auth';
import { partnerDeliveryLog } from '../lib/partner-log';

type Context = Parameters<Core.MiddlewareHandler>[0];

const PARAMETERS = 'status, since, page, pageSize';

/** What each problem means, in English, for the error's `message` (the Italian text is in `details.errors`). */
function explain(error: FieldError): string {
  if (error.code === 'unknown_field') return `Unknown parameter "${error.field.slice(0, 40)}": use only ${PARAMETERS}.`;
  switch (error.field) {
    case 'status': return `"status" must be one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}.`;
    case 'since': return '"since" must be an ISO 8601 date or date-time, e.g. 2026-11-28 or 2026-11-28T10:00:00Z.';
    case 'page': return `"page" must be an integer from 1 to ${WEBHOOK_DELIVERIES_PAGE_MAX}.`;
    case 'pageSize': return `"pageSize" must be an integer from 1 to ${WEBHOOK_DELIVERIES_PAGE_SIZE_MAX}.`;
    default: return `Invalid parameter "${error.field}".`;
  }
}

/** Refuses a malformed request with a 400 that says what to fix; never a 500. */
function validationError(fieldErrors: FieldError[]): errors.ValidationError {
  const errorsForReaders = fieldErrors.map((error) =>
    error.code === 'unknown_field' ? { ...error, message: `Il parametro «${error.field.slice(0, 40)}» non è previsto: usa solo ${PARAMETERS}.` } : error);
  return new errors.ValidationError(`Invalid delivery log request: ${fieldErrors.map(explain).join(' ')}`, { errors: errorsForReaders });
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /api/webhook-deliveries → { data: WebhookDelivery[], meta: { pagination, webhooks } }
   * Only with an API token (../routes/partner-log.ts): the log of the webhooks linked to it.
   */
  async find(ctx: Context) {
    const auth = (ctx.state as { auth?: RequestAuth }).auth;
    const tokenName = isApiTokenAuth(auth) ? auth.credentials.name : undefined;
    if (!tokenName) throw new errors.UnauthorizedError('The delivery log needs your API token: send it as "Authorization: Bearer <token>".');
    const input: unknown = ctx.query;
    const parsed = webhookDeliveriesQuerySchema.safeParse(input);
    if (!parsed.success) throw validationError(toFieldErrors(parsed.error, input));
    ctx.body = await partnerDeliveryLog(strapi, tokenName, parsed.data) satisfies WebhookDeliveriesResponse;
  },
});
