/**
 * The testimony form (/testimonianze/invia): the public form TESTIMONY_FORM
 * (utils/submission.ts), sent with its fill's idempotency key, so that a
 * retry after a lost answer never stores the story twice. The status page
 * has its own: useSubmissionStatus.
 */
export function useTestimonyForm() {
  return usePublicForm(TESTIMONY_FORM, (client, body, { idempotencyKey }) => client.submissions.submit(body, { idempotencyKey }));
}
