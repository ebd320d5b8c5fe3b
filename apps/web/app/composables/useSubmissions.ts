import type {
  FieldError,
  SubmissionReceipt,
  SubmissionState,
  SubmissionsClient,
  TestimonySubmissionData,
} from '@chiudete/types';
import type { InjectionKey } from 'vue';
import { usePublicForm, type AntiAbuseInput, type PublicFormTexts } from './usePublicForm';

/**
 * Testimony submissions, from the browser straight to the CMS: form token,
 * submit, status and withdrawal. Client-only by design (the form token must
 * measure the reader's own fill time, and the access token never reaches
 * this app's server), so it owns no SSR cache. Failures come back as
 * `FieldError[]` with Italian messages, like the schema's own. The form
 * token and the error mapping are every public form's (usePublicForm.ts).
 *
 * The network calls go through one `SubmissionsClient` (the typed client of
 * `@chiudete/types`, loaded when first needed: loadFormClient); tests provide a fake one under `SUBMISSIONS_API_KEY`.
 */
export const SUBMISSIONS_API_KEY: InjectionKey<SubmissionsClient> = Symbol('submissions-api');

export type SubmitResult = { ok: true; receipt: SubmissionReceipt } | { ok: false; errors: FieldError[] };

export type SubmissionStateResult
  = | { ok: true; state: SubmissionState }
    | { ok: false; reason: 'not_found' | 'failed'; message: string };

const TESTIMONY_TEXTS: PublicFormTexts = {
  notSent: 'la storia non è stata inviata',
  shorten: 'Accorcia la storia e riprova.',
};

/** The CMS could not be reached, or the client could not be loaded. */
export const STATE_UNREACHABLE: SubmissionStateResult = {
  ok: false,
  reason: 'failed',
  message: 'Non riusciamo a raggiungere il server della redazione in questo momento. Riprova tra qualche minuto.',
};

/** Where the confirmation page finds the receipt: this tab only, never a URL. */
const RECEIPT_KEY = 'chiudete:testimonianza-inviata';

export interface StoredReceipt {
  accessToken: string;
  title: string;
}

export function useSubmissions() {
  const injected = inject(SUBMISSIONS_API_KEY, null);
  const { cmsUrl } = useRuntimeConfig().public;
  /** The CMS calls: the typed client, loaded when first needed (or the tests' fake). */
  async function api(): Promise<SubmissionsClient> {
    return injected ?? (await loadFormClient()).directCmsClient(cmsUrl).submissions;
  }

  const form = usePublicForm('testimony', api, TESTIMONY_TEXTS);

  /**
   * Sends a validated submission. Whatever the outcome, the token is spent:
   * after a failure a new one is asked for at once, so that its fill time
   * runs while the reader corrects the form.
   */
  async function submit(data: TestimonySubmissionData, antiAbuse: AntiAbuseInput): Promise<SubmitResult> {
    const client = await api().catch(() => null);
    if (!client) return { ok: false, errors: [UNREACHABLE_ERROR] };
    const result = await form.send((fields) => client.submit({ ...data, ...fields }), antiAbuse);
    return result.ok ? { ok: true, receipt: result.value } : result;
  }

  /** A status or withdrawal request; a failure is described by the client's error mapping (app/lazy/cms-direct.ts). */
  async function stateRequest(request: (client: SubmissionsClient) => Promise<SubmissionState>): Promise<SubmissionStateResult> {
    try {
      const client = await api();
      try {
        return { ok: true, state: await request(client) };
      } catch (cause) {
        return (await loadFormClient()).submissionStateFailure(cause);
      }
    } catch {
      return STATE_UNREACHABLE;
    }
  }

  return {
    /** URL the ALTCHA widget fetches its challenge from (the CMS), once the client is loaded. */
    challengeUrl: async () => (await api()).challengeUrl(),
    /** Asks for a fresh form token: call it when the reader starts filling the form in (the fill time starts now). */
    startFilling: form.startFilling,
    submit,
    status: (accessToken: string) => stateRequest((client) => client.status(accessToken)),
    withdraw: (accessToken: string) => stateRequest((client) => client.withdraw(accessToken)),
  };
}

/** Hands the receipt to the confirmation page through this tab's sessionStorage (never the URL). */
export function storeReceipt(receipt: StoredReceipt): void {
  try {
    sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(receipt));
  } catch {
    // Storage disabled: the confirmation page says it cannot show the link.
  }
}

export function readReceipt(): StoredReceipt | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(RECEIPT_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { accessToken, title } = parsed as Record<string, unknown>;
    return typeof accessToken === 'string' && typeof title === 'string' ? { accessToken, title } : null;
  } catch {
    return null;
  }
}

export function forgetReceipt(): void {
  try {
    sessionStorage.removeItem(RECEIPT_KEY);
  } catch {
    // Nothing to forget.
  }
}
