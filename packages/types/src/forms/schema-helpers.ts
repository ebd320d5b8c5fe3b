import { z } from 'zod';
import type { FieldError } from './field-error';

/**
 * Building blocks shared by the public forms' schemas (testimony, contact):
 * Italian messages in, one coded `FieldError` per field out.
 */

/**
 * No code generation: zod's faster object parser is compiled with
 * `new Function`, and zod first probes whether that is allowed by trying it,
 * which a Content-Security-Policy without 'unsafe-eval' (the site's) blocks
 * and reports as a violation in the reader's browser. These schemas are
 * small: the interpreter is fast enough, in the browser and in the CMS.
 */
z.config({ jitless: true });

/** A required text, trimmed, with a message for missing, too short and too long. */
export const requiredText = (min: number, max: number, messages: { required: string; short: string; long: string }) =>
  z
    .string({ error: messages.required })
    .trim()
    .min(1, { error: messages.required })
    .min(min, { error: messages.short })
    .max(max, { error: messages.long });

/** An optional text, trimmed; empty means absent. */
export const optionalText = (max: number, long: string) =>
  z
    .string({ error: 'Questo campo deve essere un testo.' })
    .trim()
    .max(max, { error: long })
    .optional()
    .transform((v) => (v ? v : undefined));

/** A checkbox that must be ticked. */
export const mustBeTrue = (message: string) => z.literal(true, { error: message });

/** The longest e-mail address SMTP allows. */
export const EMAIL_MAX_LENGTH = 254;

const isBlank = (value: unknown) => value === undefined || value === null || value === false || (typeof value === 'string' && value.trim() === '');

/** A required e-mail address, trimmed: one message when it is missing, another when it is wrong. */
export const requiredEmail = (messages: { required: string; invalid: string; long: string }) =>
  z
    .string({ error: (issue) => (isBlank(issue.input) ? messages.required : messages.invalid) })
    .trim()
    .min(1, { error: messages.required })
    .max(EMAIL_MAX_LENGTH, { error: messages.long })
    .pipe(z.email({ error: messages.invalid }));

function issueCode(issue: z.core.$ZodIssue, field: string, value: unknown): string {
  if (issue.code === 'custom') return (issue.params as { code?: string } | undefined)?.code ?? `${field}.invalid`;
  if (isBlank(value)) return `${field}.required`;
  if (issue.code === 'too_small') return `${field}.too_short`;
  if (issue.code === 'too_big') return `${field}.too_long`;
  return `${field}.invalid`;
}

/**
 * Turns zod issues into one `FieldError` per field (the first problem of
 * each). `input` is what was validated: it tells a missing value from a wrong one.
 * Keys the schema does not know (strict objects) are `unknown_field`.
 */
export function toFieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  const values = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const byField = new Map<string, FieldError>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        byField.set(key, { field: key, code: 'unknown_field', message: `Il campo «${key}» non fa parte del modulo.` });
      }
      continue;
    }
    const field = issue.path.map(String).join('.') || '_form';
    if (!byField.has(field)) byField.set(field, { field, code: issueCode(issue, field, values[field]), message: issue.message });
  }
  return [...byField.values()];
}
