import { errors } from '@strapi/utils';
import type { toFieldErrors } from '@chiudete/types/forms';

/**
 * A request body checked with its zod schema (from `@chiudete/types/forms`),
 * refused in the envelope of Strapi's own validation (`validateYupSchema`,
 * which the admin API uses): a 400 `ValidationError` whose `details.errors`
 * holds one `{ path, message, name, value }` per wrong field, and whose
 * message is the one problem's, or the count of them. The public forms'
 * envelope (coded errors per field) is `src/public-forms/body.ts`.
 */

/** The zod error (the CMS does not depend on zod itself). */
type SchemaError = Parameters<typeof toFieldErrors>[0];

/** What a schema offers: zod's `safeParse`. */
export interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: SchemaError };
}

/** One problem, as Strapi's validation reports it. */
export interface ValidationIssue {
  path: string[];
  message: string;
  name: 'ValidationError';
  value: unknown;
}

/** The value at `path` in `input`, own properties only. */
function valueAt(input: unknown, path: readonly string[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function validateSchema<T>(schema: Schema<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = new Map<string, ValidationIssue>();
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const key = JSON.stringify(path);
    // The first problem of each field, like the public forms.
    if (!issues.has(key)) issues.set(key, { path, message: issue.message, name: 'ValidationError', value: valueAt(input, path) });
  }
  const list = [...issues.values()];
  throw new errors.ValidationError(list.length === 1 ? list[0].message : `${list.length} errors occurred`, { errors: list });
}
