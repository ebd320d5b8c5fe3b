/** One problem with one field, as the API returns it and the form shows it. */
export interface FieldError {
  /** The field, e.g. `story` (`_form` for problems with the whole submission). */
  field: string;
  /** Machine-readable: `<field>.required|too_short|too_long|invalid|future`, `unknown_field`, `antiabuse.*`, `rate_limited`. */
  code: string;
  /** Italian text for the reader. */
  message: string;
}
