import type * as LazyFormSchemas from '~/lazy/form-schemas';
import type { FormSchema } from '~/lazy/form-schemas';

/**
 * What a public form (testimony, contact) is, for usePublicForm: its name at
 * the CMS, its shared schema, its fields in order with their controls' ids,
 * its values, and the words that differ from form to form. Each form defines
 * one (utils/submission.ts, utils/contact.ts); the composable does the rest.
 */

/** The forms the CMS issues tokens for (`GET /api/form-tokens/:form`). */
export type PublicFormName = 'testimony' | 'contact';

/** A form's values: text, choice and select controls as strings, checkboxes as booleans. */
export type FormValues = Record<string, string | boolean>;

/** The words that differ from form to form. */
export interface PublicFormTexts {
  /** The error summary's heading: «La storia non è stata inviata». */
  failure: string;
  /** What did not happen, lower case, in the failure messages: «la storia non è stata inviata». */
  notSent: string;
  /** What to shorten after a 413: «Accorcia la storia e riprova.» */
  shorten: string;
  /** The submit button's label; the message of a failed anti-spam check tells the reader to press it again. */
  submitLabel: string;
  /** The status line once sent («Storia inviata.»); it stays while the page moves on. */
  sentStatus: string;
}

/** The shared zod schemas (@chiudete/types/forms), as app/lazy/form-schemas.ts gives them once loaded. */
export type FormSchemas = typeof LazyFormSchemas;

export interface PublicFormDefinition<F extends string, V extends FormValues, D> {
  form: PublicFormName;
  /** The form's shared schema (the CMS validates with the same), picked once the schemas are loaded. */
  schema: (schemas: FormSchemas) => FormSchema<D>;
  /** The fields, in the order a reader meets them (the error summary follows it). */
  fields: readonly F[];
  /** The id of a field's control (the error summary links to it). */
  controlId: (field: F) => string;
  /** The values of an empty form; every key is the `name` of a control. */
  empty: () => V;
  /** The values as the schema expects them (e.g. an unchosen select is missing, so the schema asks for it). */
  toInput: (values: V) => Record<string, unknown>;
  texts: PublicFormTexts;
}
