import type { ContactMessageData, TestimonySubmissionData } from '@chiudete/types';
import { contactMessageSchema, testimonySubmissionSchema, toFieldErrors } from '@chiudete/types/forms';
import type { FormVerdict } from '~/composables/usePublicFormState';

/**
 * The shared zod schemas of the public forms (the CMS validates with the same
 * ones), loaded when the reader starts using a form and not with the page
 * (issue #10): only ever imported with `import()` (loadFormSchemas).
 */

function verdict<D>(result: { success: true; data: D } | { success: false; error: Parameters<typeof toFieldErrors>[0] }, input: unknown): FormVerdict<D> {
  return result.success ? { data: result.data, errors: [] } : { data: null, errors: toFieldErrors(result.error, input) };
}

/** The shared schema's verdict on a testimony (the CMS validates with the same one). */
export function checkSubmission(input: unknown): FormVerdict<TestimonySubmissionData> {
  return verdict(testimonySubmissionSchema.safeParse(input), input);
}

/** The shared schema's verdict on a contact message. */
export function checkContactMessage(input: unknown): FormVerdict<ContactMessageData> {
  return verdict(contactMessageSchema.safeParse(input), input);
}
