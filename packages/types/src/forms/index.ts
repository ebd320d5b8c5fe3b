// `@chiudete/types/forms`: the form schemas (zod). A separate entry point so
// that pages without a form do not load zod.
export { testimonySubmissionSchema, toFieldErrors } from './testimony-submission';
export type { TestimonySubmissionInput, TestimonySubmission as TestimonySubmissionData } from './testimony-submission';
export type { FieldError } from './field-error';
export * from './limits';
