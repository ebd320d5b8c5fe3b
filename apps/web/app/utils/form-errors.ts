import type { FieldError } from '@chiudete/types';

/**
 * Errors of the public forms (testimony, contact), from the shared schema
 * or the CMS, sorted for display: by field, in the order the form shows its
 * fields, then those about the whole form.
 */

/** `_form`: a problem with the whole form (anti-abuse, network, server). */
export const FORM_ERROR_FIELD = '_form';

/** The CMS could not be reached (or the form's code could not be loaded): nothing was sent. */
export const UNREACHABLE_ERROR: FieldError = {
  field: FORM_ERROR_FIELD,
  code: 'network',
  message: 'Non riusciamo a raggiungere il server della redazione. Controlla la connessione e riprova: quello che hai scritto resta qui.',
};

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
