import type { Core } from '@strapi/strapi';
import { isFormName, FORM_NAMES } from '../lib/config';
import { antiAbuseContext } from '../lib/context';
import { createSubmissionGuard } from '../lib/guard';

/**
 * The anti-abuse route middleware for public forms (its code: ../lib).
 * Contract: route config `{ name: 'api::anti-abuse.anti-abuse', config: { form: 'testimony' | 'contact' } }`.
 * Checks the client's rate limit (429 with Retry-After), the honeypot
 * `data.website`, the signed `data.formToken` and the ALTCHA solution
 * `data.altcha` (400), in that order, then the form's overall limit (429;
 * charged only by requests that passed every check) and claims the
 * solution (429 `antiabuse.busy` when the memory store cannot remember one
 * more); then REMOVES `website`, `formToken`, `altcha` from
 * `ctx.request.body.data`, sets `ctx.state.antiAbuse = { ipHash }` and calls next().
 * Refusals use Strapi's error envelope with one `_form` error (codes in ../lib/errors.ts).
 */
const antiAbuse: Core.MiddlewareFactory<{ form?: unknown } | undefined> = (config, { strapi }) => {
  const form = config?.form;
  if (!isFormName(form)) {
    throw new Error(`api::anti-abuse.anti-abuse: config.form must be one of ${FORM_NAMES.join(', ')} (got ${JSON.stringify(form)}).`);
  }
  const guard = createSubmissionGuard(form, antiAbuseContext(strapi));
  return (ctx, next) => guard(ctx, next);
};

export default antiAbuse;
