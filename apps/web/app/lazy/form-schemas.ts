import type { FieldError } from '@chiudete/types';
import { toFieldErrors } from '@chiudete/types/forms';

/**
 * The shared zod schemas of the public forms (the CMS validates with the same
 * ones), loaded when the reader starts using a form and not with the page
 * (issue #10): only ever imported with `import()` (loadFormSchemas). A form
 * names its schema with a function of this module (usePublicForm's `schema`).
 */
export { contactMessageSchema, testimonySubmissionSchema } from '@chiudete/types/forms';

/** What the form's schema says of its values: the data to send, or one error per field. */
export type FormVerdict<D> = { data: D; errors: [] } | { data: null; errors: FieldError[] };

/** One of the shared schemas, as the forms use it. */
export interface FormSchema<D> {
  safeParse(input: unknown): { success: true; data: D } | { success: false; error: Parameters<typeof toFieldErrors>[0] };
}

/** The schema's verdict on `input`, its errors with the schema's Italian messages. */
export function check<D>(schema: FormSchema<D>, input: unknown): FormVerdict<D> {
  const result = schema.safeParse(input);
  return result.success ? { data: result.data, errors: [] } : { data: null, errors: toFieldErrors(result.error, input) };
}
