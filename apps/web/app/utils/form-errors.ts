import { ANTI_ABUSE_BUSY, type FieldError } from '@chiudete/types';

/**
 * Errors of the public forms (testimony, contact), from the shared schema
 * or the CMS, sorted for display: by field, in the order the form shows its
 * fields, then those about the whole form.
 */

/** `_form`: a problem with the whole form (anti-abuse, network, server). */
export const FORM_ERROR_FIELD = '_form';

/**
 * The site's server could not be reached (or the form's code could not be loaded): nothing was sent.
 * The reader's network or ours: neither is assumed (issue #16).
 */
export const UNREACHABLE_ERROR: FieldError = {
  field: FORM_ERROR_FIELD,
  code: 'network',
  message: 'Non siamo riusciti a raggiungere il server: il modulo non è partito. Riprova tra qualche minuto, quello che hai scritto resta qui.',
};

/** «tra un minuto», «tra 3 minuti», for a Retry-After in seconds. */
export function waitText(seconds: number | undefined): string {
  if (!seconds || seconds <= 0) return 'tra qualche minuto';
  if (seconds < 90) return 'tra un minuto';
  return `tra ${Math.ceil(seconds / 60)} minuti`;
}

/**
 * The CMS is busy (429 `antiabuse.busy`): so many people are sending a form
 * that its anti-spam check takes no more for a minute or so. Nothing the
 * reader did, unlike a rate limit on their own connection.
 */
export function busyError(retryAfterSeconds: number | undefined): FieldError {
  return {
    field: FORM_ERROR_FIELD,
    code: ANTI_ABUSE_BUSY,
    message: `In questo momento ci stanno scrivendo in tanti e il server della redazione non riesce ad accettare altri invii. Riprova ${waitText(retryAfterSeconds)}: quello che hai scritto resta qui.`,
  };
}

/** `Retry-After` in seconds (its date form is not used by the CMS). */
export function parseRetryAfter(header: string | null | undefined): number | undefined {
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * Whether a CMS answer (e.g. to the ALTCHA challenge, fetched by the widget
 * itself) is the busy refusal: a 429 whose error names `antiabuse.busy`.
 * Its error, or null for any other answer.
 */
export async function busyRefusal(response: Response): Promise<FieldError | null> {
  if (response.status !== 429) return null;
  const body: unknown = await response.clone().json().catch(() => null);
  const errors = (body as { error?: { details?: { errors?: unknown } } } | null)?.error?.details?.errors;
  const busy = Array.isArray(errors) && errors.some((error) => (error as { code?: unknown } | null)?.code === ANTI_ABUSE_BUSY);
  return busy ? busyError(parseRetryAfter(response.headers.get('retry-after'))) : null;
}

/** Field errors by field (first one wins) and the errors about the whole form. */
export interface SortedFieldErrors<F extends string> {
  fields: Partial<Record<F, FieldError>>;
  form: FieldError[];
}

/** Sorts errors: a field the form does not show (e.g. `unknown_field`) counts as a form error. */
export function sortFieldErrors<F extends string>(errors: readonly FieldError[], fields: readonly F[]): SortedFieldErrors<F> {
  const known = new Set<string>(fields);
  const sorted: SortedFieldErrors<F> = { fields: {}, form: [] };
  for (const error of errors) {
    if (known.has(error.field)) sorted.fields[error.field as F] ??= error;
    else sorted.form.push(error);
  }
  return sorted;
}

/** One line of the error summary. */
export interface ErrorSummaryItem {
  message: string;
  /** Id of the control to go to, if the problem belongs to a field. */
  target?: string;
}

/** The summary's lines: field problems in the form's order (linked to their control), then those about the whole form. */
export function fieldErrorSummary<F extends string>(errors: SortedFieldErrors<F>, fields: readonly F[], controlId: (field: F) => string): ErrorSummaryItem[] {
  const fieldItems = fields.flatMap((field) => {
    const error = errors.fields[field];
    return error ? [{ message: error.message, target: controlId(field) }] : [];
  });
  return [...fieldItems, ...errors.form.map((error) => ({ message: error.message }))];
}
