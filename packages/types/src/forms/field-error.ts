/** One problem with one field, as the API returns it and the form shows it. */
export interface FieldError {
  /** The field, e.g. `story` (`_form` for problems with the whole submission). */
  field: string;
  /** Machine-readable: `<field>.required|too_short|too_long|invalid|future`, `unknown_field`, `antiabuse.*`, `rate_limited`. */
  code: string;
  /** Italian text for the reader. */
  message: string;
}

/**
 * The code of the CMS's refusal (429) while its anti-spam store cannot
 * remember one more used proof of work (apps/cms/src/api/anti-abuse): nothing
 * the reader did, every form waits a minute or so (`Retry-After`). The
 * ALTCHA challenge and the forms' POSTs answer it.
 */
export const ANTI_ABUSE_BUSY = 'antiabuse.busy';
