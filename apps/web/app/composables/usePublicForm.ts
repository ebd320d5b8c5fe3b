import { StrapiError, type AntiAbuseFields, type FieldError, type FormToken } from '@chiudete/types';
import { isAxiosError } from 'axios';

/**
 * What every public form (testimony, contact) does around its own POST, from
 * the browser straight to the CMS: a signed form token fetched when the form
 * appears (the CMS measures the reader's fill time from it), the minimum fill
 * time waited out, the token spent on each attempt, and any failure turned
 * into `FieldError[]` with Italian messages, like the shared schema's own.
 * Client-only by design: no SSR cache.
 */

/** The forms the CMS issues tokens for (`GET /api/form-tokens/:form`). */
export type PublicFormName = 'testimony' | 'contact';

/** Where the form token comes from (the typed client's `submissions.formToken`, or a fake in tests). */
export interface FormTokenSource {
  formToken(form: PublicFormName): Promise<FormToken>;
}

export interface AntiAbuseInput {
  /** The honeypot, as the reader (or a bot) left it. */
  website: string;
  /** The ALTCHA payload produced by the widget. */
  altcha: string;
}

/** The words that differ from form to form in the failure messages. */
export interface PublicFormTexts {
  /** What did not happen, lower case: «la storia non è stata inviata». */
  notSent: string;
  /** What to shorten after a 413: «Accorcia la storia e riprova.» */
  shorten: string;
}

export type PublicFormResult<R> = { ok: true; value: R } | { ok: false; errors: FieldError[] };

/** Margin over the CMS's minimum fill time, and before a token's expiry. */
const FILL_MARGIN_MS = 500;
const EXPIRY_MARGIN_MS = 60_000;

const formError = (code: string, message: string): FieldError => ({ field: FORM_ERROR_FIELD, code, message });

const UNREACHABLE = formError(
  'network',
  'Non riusciamo a raggiungere il server della redazione. Controlla la connessione e riprova: quello che hai scritto resta qui.',
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

/** «tra un minuto», «tra 3 minuti», for a Retry-After in seconds. */
export function waitText(seconds: number | undefined): string {
  if (!seconds || seconds <= 0) return 'tra qualche minuto';
  if (seconds < 90) return 'tra un minuto';
  return `tra ${Math.ceil(seconds / 60)} minuti`;
}

/** Any failure of a public form's POST as errors the form can show. */
export function publicFormErrors(cause: unknown, texts: PublicFormTexts): FieldError[] {
  if (!(cause instanceof StrapiError)) return [UNREACHABLE];
  if (cause.status === 400) {
    const errors = fieldErrorsOf(cause);
    return errors.length > 0
      ? errors
      : [formError('invalid', 'Il server non ha accettato il modulo. Controlla i campi e riprova.')];
  }
  if (cause.status === 413) {
    return [formError('too_large', `Il testo inviato è troppo lungo per il server. ${texts.shorten}`)];
  }
  if (cause.status === 429) {
    return [formError('rate_limited', `Sono arrivati troppi invii da questa connessione in poco tempo. Riprova ${waitText(cause.retryAfterSeconds)}: quello che hai scritto resta qui.`)];
  }
  if (cause.status === 0) return [UNREACHABLE];
  return [formError(
    'server_error',
    `Il server della redazione ha un problema in questo momento e ${texts.notSent}. Riprova tra qualche minuto: quello che hai scritto resta qui.`,
  )];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The form token and the sending of one public form. Call `startFilling()`
 * when the form appears; `send(post, antiAbuse)` waits for a usable token,
 * spends it on `post` and, after a failure, asks for a new one at once so
 * that its fill time runs while the reader corrects the form.
 */
export function usePublicForm(form: PublicFormName, api: FormTokenSource, texts: PublicFormTexts) {
  /** The current form token, and when it arrived (the CMS measures from its issue, a bit earlier). */
  let current: { token: FormToken; receivedAt: number } | null = null;
  let pending: Promise<boolean> | null = null;

  /** Asks for a fresh form token: call it when the form appears (the fill time starts now). */
  function startFilling(): Promise<boolean> {
    pending ??= api.formToken(form)
      .then((token) => {
        current = { token, receivedAt: Date.now() };
        return true;
      })
      .catch((cause: unknown) => {
        console.warn(`[${form} form] form token:`, cause instanceof Error ? cause.message : cause);
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

  /** Sends the form once; whatever the outcome, the token is spent. */
  async function send<R>(post: (fields: AntiAbuseFields) => Promise<R>, antiAbuse: AntiAbuseInput): Promise<PublicFormResult<R>> {
    const formToken = await readyToken();
    if (!formToken) return { ok: false, errors: [UNREACHABLE] };
    current = null;
    try {
      return { ok: true, value: await post({ website: antiAbuse.website, altcha: antiAbuse.altcha, formToken }) };
    } catch (cause) {
      console.warn(`[${form} form] send:`, cause instanceof Error ? cause.message : cause);
      void startFilling();
      return { ok: false, errors: publicFormErrors(cause, texts) };
    }
  }

  return { startFilling, send };
}
