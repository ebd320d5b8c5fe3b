import { errors } from '@strapi/utils';
import type { FieldError } from '@chiudete/types';
import { toFieldErrors } from '@chiudete/types/forms';

/**
 * The request body of a public form (testimony, contact) as valid data, or
 * a 400 in Strapi's envelope that says what is wrong: first the
 * `{ data: {...} }` envelope (one `_form` error), then one coded Italian
 * error per field from the form's shared zod schema (fields that are not
 * in the form are `unknown_field`: the schemas are strict).
 */

/** The zod error `toFieldErrors` reads (the CMS does not depend on zod itself). */
type SchemaError = Parameters<typeof toFieldErrors>[0];

/** What a form schema offers: zod's `safeParse`. */
export interface FormSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: SchemaError };
}

export interface FormBodyOptions {
  /** Whether the request body was JSON (`ctx.is('json')`). */
  isJson: boolean;
  /** What the form sends, in English, for the developer-facing summaries: `submission`, `contact message`. */
  noun: string;
}

const RELOAD = 'Il modulo non è stato inviato correttamente: ricarica la pagina e riprova.';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalidBody(message: string): errors.ValidationError {
  const details: { errors: FieldError[] } = { errors: [{ field: '_form', code: '_form.invalid', message: RELOAD }] };
  return new errors.ValidationError(message, details);
}

export function parseFormBody<T>(body: unknown, schema: FormSchema<T>, { isJson, noun }: FormBodyOptions): T {
  if (!isJson) {
    throw invalidBody(`Send the ${noun} as JSON (Content-Type: application/json) in the form { "data": { ...fields } }.`);
  }
  if (!isRecord(body) || !isRecord(body.data)) {
    throw invalidBody('The request body must be a JSON object { "data": { ...fields } } with the form fields in "data" (an object, not an array).');
  }
  const extra = Object.keys(body).filter((key) => key !== 'data');
  if (extra.length > 0) {
    throw invalidBody(`The request body may only contain "data" (unexpected: ${extra.map((key) => `"${key}"`).join(', ')}).`);
  }
  const result = schema.safeParse(body.data);
  if (!result.success) {
    const fieldErrors = toFieldErrors(result.error, body.data);
    throw new errors.ValidationError(`Invalid ${noun}: ${fieldErrors.length} field(s)`, { errors: fieldErrors });
  }
  return result.data;
}
