import { errors } from '@strapi/utils';

/** A size as the messages give it: `64 KB`. */
export const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/**
 * The 413 of a body over the limit, in Strapi's envelope: the English
 * message for developers, and one `_form` error in Italian that a form can
 * show as is (like the anti-abuse and validation errors).
 */
export function bodyTooLargeError(limitBytes: number | undefined, sentBytes?: number): errors.PayloadTooLargeError {
  const limit = limitBytes === undefined ? '' : kilobytes(limitBytes);
  const sent = sentBytes === undefined ? '' : `: ${kilobytes(sentBytes)} sent`;
  const message = limitBytes === undefined
    ? `Request body too large${sent}.`
    : sentBytes === undefined
      ? `Request body too large (at most ${limit}).`
      : `Request body too large${sent}, the public API accepts at most ${limit}.`;
  return new errors.PayloadTooLargeError(message, {
    ...(limitBytes === undefined ? {} : { limit: limitBytes }),
    errors: [{
      field: '_form',
      code: 'body.too_large',
      message: `Il testo inviato è troppo lungo${limit ? ` (al massimo ${limit})` : ''}: accorcialo e invia di nuovo.`,
    }],
  });
}

/** The 400 of a body that is not valid JSON (or not readable as the form it claims to be). */
export function malformedBodyError(): errors.ValidationError {
  return new errors.ValidationError('Malformed request body: send valid JSON with Content-Type: application/json.', {
    errors: [{ field: '_form', code: 'body.malformed', message: 'Il modulo inviato non è leggibile: ricarica la pagina e invia di nuovo.' }],
  });
}
