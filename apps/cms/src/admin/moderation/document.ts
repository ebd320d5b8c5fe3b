import type { SubmissionStatus } from '../../moderation/contract';

const STATUSES: readonly SubmissionStatus[] = ['nuova', 'in_revisione', 'approvata', 'rifiutata', 'ritirata'];

/** The moderation status of the edit view's document, if it is a submission. */
export function submissionStatusOf(document: Record<string, unknown> | undefined): SubmissionStatus | undefined {
  const status = document?.submissionStatus;
  return STATUSES.find((known) => known === status);
}

/** A form value as text ('' when empty or not a string). */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
