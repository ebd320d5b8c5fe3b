import {
  StrapiError,
  type FieldError,
  type SubmissionReceipt,
  type SubmissionState,
  type SubmissionsClient,
  type TestimonySubmissionData,
} from '@chiudete/types';
import type { InjectionKey } from 'vue';
import { publicFormErrors, usePublicForm, waitText, type AntiAbuseInput, type PublicFormTexts } from './usePublicForm';

/**
 * Testimony submissions, from the browser straight to the CMS: form token,
 * submit, status and withdrawal. Client-only by design (the form token must
 * measure the reader's own fill time, and the access token never reaches
 * this app's server), so it owns no SSR cache. Failures come back as
 * `FieldError[]` with Italian messages, like the schema's own. The form
 * token and the error mapping are every public form's (usePublicForm.ts).
 *
 * The network calls go through one `SubmissionsClient` (the typed client
 * of `@chiudete/types`); tests provide a fake one under `SUBMISSIONS_API_KEY`.
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

/** Any failure of a submission as errors the form can show. */
export function submitErrors(cause: unknown): FieldError[] {
  return publicFormErrors(cause, TESTIMONY_TEXTS);
}

function stateFailure(cause: unknown): SubmissionStateResult {
  if (cause instanceof StrapiError && cause.status === 404) {
    return {
      ok: false,
      reason: 'not_found',
      message: 'Questo link non corrisponde a nessuna storia. Controlla di averlo copiato per intero: è lungo, e basta un carattere in meno.',
    };
  }
  if (cause instanceof StrapiError && cause.status === 429) {
    return { ok: false, reason: 'failed', message: `Troppe richieste da questa connessione. Riprova ${waitText(cause.retryAfterSeconds)}.` };
  }
  return {
    ok: false,
    reason: 'failed',
    message: 'Non riusciamo a raggiungere il server della redazione in questo momento. Riprova tra qualche minuto.',
  };
}

/** Where the confirmation page finds the receipt: this tab only, never a URL. */
const RECEIPT_KEY = 'chiudete:testimonianza-inviata';

export interface StoredReceipt {
  accessToken: string;
  title: string;
}

export function useSubmissions() {
  const injected = inject(SUBMISSIONS_API_KEY, null);
  const api: SubmissionsClient = injected ?? useCmsDirect().submissions;

  const form = usePublicForm('testimony', api, TESTIMONY_TEXTS);

  /**
   * Sends a validated submission. Whatever the outcome, the token is spent:
   * after a failure a new one is asked for at once, so that its fill time
   * runs while the reader corrects the form.
   */
  async function submit(data: TestimonySubmissionData, antiAbuse: AntiAbuseInput): Promise<SubmitResult> {
    const result = await form.send((fields) => api.submit({ ...data, ...fields }), antiAbuse);
    return result.ok ? { ok: true, receipt: result.value } : result;
  }

  async function status(accessToken: string): Promise<SubmissionStateResult> {
    try {
      return { ok: true, state: await api.status(accessToken) };
    } catch (cause) {
      return stateFailure(cause);
    }
  }

  async function withdraw(accessToken: string): Promise<SubmissionStateResult> {
    try {
      return { ok: true, state: await api.withdraw(accessToken) };
    } catch (cause) {
      return stateFailure(cause);
    }
  }

  return {
    /** URL the ALTCHA widget fetches its challenge from (the CMS). */
    challengeUrl: api.challengeUrl(),
    /** Asks for a fresh form token: call it when the form appears (the fill time starts now). */
    startFilling: form.startFilling,
    submit,
    status,
    withdraw,
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
