import type { FieldError, SubmissionReceipt, TestimonySubmissionData } from '@chiudete/types';
import { createFillKey } from '../utils/idempotency';
import { usePublicForm, type AntiAbuseInput, type PublicFormTexts } from './usePublicForm';

/**
 * The testimony form's side of the CMS, from the browser through this
 * site's server (server/utils/public-forms): form token and submit. Client-only by design (the form token must measure
 * the reader's own fill time), so it owns no SSR cache. Failures come back
 * as `FieldError[]` with Italian messages, like the schema's own. The form
 * token and the error mapping are every public form's (usePublicForm.ts);
 * the calls go through the typed client, loaded when first needed
 * (useSubmissionsApi). The status page has its own: useSubmissionStatus.
 * Each fill carries an idempotency key (utils/idempotency.ts): a retry after
 * a lost answer never stores the story twice.
 */
export type SubmitResult = { ok: true; receipt: SubmissionReceipt } | { ok: false; errors: FieldError[] };

const TESTIMONY_TEXTS: PublicFormTexts = {
  notSent: 'la storia non è stata inviata',
  shorten: 'Accorcia la storia e riprova.',
};

export function useSubmissions() {
  const api = useSubmissionsApi();
  const form = usePublicForm('testimony', api, TESTIMONY_TEXTS);
  const fillKey = createFillKey();

  /**
   * Sends a validated submission. Whatever the outcome, the token is spent:
   * after a failure a new one is asked for at once, so that its fill time
   * runs while the reader corrects the form.
   */
  async function submit(data: TestimonySubmissionData, antiAbuse: AntiAbuseInput): Promise<SubmitResult> {
    const client = await api().catch(() => null);
    if (!client) return { ok: false, errors: [UNREACHABLE_ERROR] };
    const idempotencyKey = fillKey.forAttempt(data);
    const result = await form.send((fields) => client.submit({ ...data, ...fields }, { idempotencyKey }), antiAbuse);
    if (!result.ok) return result;
    fillKey.done();
    return { ok: true, receipt: result.value };
  }

  return {
    /** URL the ALTCHA widget fetches its challenge from (this site, relayed to the CMS), once the client is loaded. */
    challengeUrl: async () => (await api()).challengeUrl(),
    /** Asks for a fresh form token: call it when the reader starts filling the form in (the fill time starts now). */
    startFilling: form.startFilling,
    submit,
  };
}
