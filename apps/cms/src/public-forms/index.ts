/**
 * What every public form endpoint shares (testimony submissions, contact
 * messages): the body and its validation with the form's shared zod schema
 * (400 per field), the anti-abuse ipHash, the 202 once stored, and the
 * e-mail to the redazione. The anti-abuse checks themselves are the
 * `api::anti-abuse.anti-abuse` route middleware (src/api/anti-abuse).
 */
export { parseFormBody, type FormBodyOptions, type FormSchema } from './body';
export { acceptPublicForm, formRequest, privateResponse, type FormRequest } from './request';
export {
  DEFAULT_REDAZIONE_EMAIL,
  adminEditUrl,
  cmsUrlOf,
  escapeHtml,
  notifyInBackground,
  oneLine,
  plainText,
  redazioneAddress,
  sendToRedazione,
  textAsHtml,
  type EmailMessage,
  type SendOptions,
} from './notify';
