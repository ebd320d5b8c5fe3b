import {
  StrapiError,
  type FieldError,
  type FormToken,
  type SubmissionReceipt,
  type SubmissionState,
  type SubmissionsClient,
  type TestimonySubmissionData,
} from '@chiudete/types';
import { isAxiosError } from 'axios';
import type { InjectionKey } from 'vue';

/**
 * Testimony submissions, from the browser straight to the CMS: form token,
 * submit, status and withdrawal. Client-only by design (the form token must
 * measure the reader's own fill time, and the access token never reaches
 * this app's server), so it owns no SSR cache. Failures come back as
 * `FieldError[]` with Italian messages, like the schema's own.
 *
 * The network calls go through one `SubmissionsClient` (the typed client
 * of `@chiudete/types`); tests provide a fake one under `SUBMISSIONS_API_KEY`.
 */
export const SUBMISSIONS_API_KEY: InjectionKey<SubmissionsClient> = Symbol('submissions-api');

export type SubmitResult = { ok: true; receipt: SubmissionReceipt } | { ok: false; errors: FieldError[] };

export type SubmissionStateResult
  = | { ok: true; state: SubmissionState }
    | { ok: false; reason: 'not_found' | 'failed'; message: string };

export interface AntiAbuseInput {
  /** The honeypot, as the reader (or a bot) left it. */
  website: string;
  /** The ALTCHA payload produced by the widget. */
  altcha: string;
}

/** Margin over the CMS's minimum fill time, and before a token's expiry. */
const FILL_MARGIN_MS = 500;
const EXPIRY_MARGIN_MS = 60_000;

const formError = (code: string, message: string): FieldError => ({ field: FORM_ERROR_FIELD, code, message });

const UNREACHABLE = formError(
  'network',
  'Non riusciamo a raggiungere il server della redazione. Controlla la connessione e riprova: quello che hai scritto resta qui.',
);
const SERVER_FAILED = formError(
  'server_error',
  'Il server della redazione ha un problema in questo momento e la storia non è stata inviata. Riprova tra qualche minuto: quello che hai scritto resta qui.',
);

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, code, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof code === 'string' && typeof message === 'string';
}

/** `{ details: { errors: FieldError[] } }` from the CMS's error body (or from the raw response when the client could not parse it). */
function fieldErrorsOf(error: StrapiError): FieldError[] {
  const raw = isAxiosError(error.cause) ? error.cause.response?.data : undefined;
  const fromRaw = typeof raw === 'object' && raw !== null && 'error' in raw ? (raw.error as { details?: unknown }).details : undefined;
  const details = error.body?.details ?? fromRaw;
  const errors = typeof details === 'object' && details !== null && 'errors' in details ? details.errors : undefined;
  return Array.isArray(errors) ? errors.filter(isFieldError) : [];
}

function waitText(seconds: number | undefined): string {
  if (!seconds || seconds <= 0) return 'tra qualche minuto';
  if (seconds < 90) return 'tra un minuto';
  return `tra ${Math.ceil(seconds / 60)} minuti`;
}

/** Any failure of a submission as errors the form can show. */
export function submitErrors(cause: unknown): FieldError[] {
  if (!(cause instanceof StrapiError)) return [UNREACHABLE];
  if (cause.status === 400) {
    const errors = fieldErrorsOf(cause);
    return errors.length > 0
      ? errors
      : [formError('invalid', 'Il server non ha accettato il modulo. Controlla i campi e riprova.')];
  }
  if (cause.status === 413) {
    return [formError('too_large', 'Il testo inviato è troppo lungo per il server. Accorcia la storia e riprova.')];
  }
  if (cause.status === 429) {
    return [formError('rate_limited', `Sono arrivati troppi invii da questa connessione in poco tempo. Riprova ${waitText(cause.retryAfterSeconds)}: quello che hai scritto resta qui.`)];
  }
  if (cause.status === 0) return [UNREACHABLE];
  return [SERVER_FAILED];
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where the confirmation page finds the receipt: this tab only, never a URL. */
const RECEIPT_KEY = 'chiudete:testimonianza-inviata';

export interface StoredReceipt {
  accessToken: string;
  title: string;
}

export function useSubmissions() {
  const injected = inject(SUBMISSIONS_API_KEY, null);
  const api: SubmissionsClient = injected ?? useCmsDirect().submissions;

  /** The current form token, and when it arrived (the CMS measures from its issue, a bit earlier). */
  let current: { token: FormToken; receivedAt: number } | null = null;
  let pending: Promise<boolean> | null = null;

  /** Asks for a fresh form token: call it when the form appears (the fill time starts now). */
  function startFilling(): Promise<boolean> {
    pending ??= api.formToken('testimony')
      .then((token) => {
        current = { token, receivedAt: Date.now() };
        return true;
      })
      .catch((cause: unknown) => {
        console.warn('[submissions] form token:', cause instanceof Error ? cause.message : cause);
        current = null;
        return false;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  /** A usable token: fetched again when missing or about to expire, after waiting out the minimum fill time. */
  async function readyToken(): Promise<string | null> {
    if (pending) await pending;
    const expires = current ? Date.parse(current.token.expiresAt) : Number.NaN;
    if (!current || (Number.isFinite(expires) && expires - EXPIRY_MARGIN_MS < Date.now())) {
      if (!(await startFilling())) return null;
    }
    if (!current) return null;
    const minimum = current.token.minFillSeconds * 1000;
    const remaining = minimum > 0 ? minimum + FILL_MARGIN_MS - (Date.now() - current.receivedAt) : 0;
    if (remaining > 0) await sleep(remaining);
    return current.token.token;
  }

  /**
   * Sends a validated submission. Whatever the outcome, the token is spent:
   * after a failure a new one is asked for at once, so that its fill time
   * runs while the reader corrects the form.
   */
  async function submit(data: TestimonySubmissionData, antiAbuse: AntiAbuseInput): Promise<SubmitResult> {
    const formToken = await readyToken();
    if (!formToken) return { ok: false, errors: [UNREACHABLE] };
    current = null;
    try {
      const receipt = await api.submit({ ...data, website: antiAbuse.website, altcha: antiAbuse.altcha, formToken });
      return { ok: true, receipt };
    } catch (cause) {
      console.warn('[submissions] submit:', cause instanceof Error ? cause.message : cause);
      void startFilling();
      return { ok: false, errors: submitErrors(cause) };
    }
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
    startFilling,
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
