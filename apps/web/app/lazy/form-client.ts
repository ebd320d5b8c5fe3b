import { ANTI_ABUSE_BUSY, StrapiError, createStrapiClient, type FieldError, type StrapiClient } from '@chiudete/types';
import { isAxiosError } from 'axios';
import { FORM_ERROR_FIELD, UNREACHABLE_ERROR, busyError, waitText } from '~/utils/form-errors';
import type { PublicFormTexts } from '~/composables/usePublicForm';
import { STATE_UNREACHABLE, type SubmissionStateResult } from '~/composables/useSubmissionStatus';

/**
 * The public forms' side of the CMS, loaded when a form first needs it and
 * not with the page (issue #10): the typed client of @chiudete/types (with
 * axios), and the mapping of its errors to what the forms show. The modules
 * under app/lazy/ are only ever loaded with `import()` (loadFormClient,
 * loadFormSchemas), so their dependencies stay out of every page's initial
 * JavaScript; ESLint refuses a static import of them in the app.
 */

let client: StrapiClient | undefined;

/**
 * The typed client, pointed at the origin the page was opened from, for the
 * public forms' calls: form token, ALTCHA challenge, submit, status,
 * withdraw. This site's server relays exactly those paths to the CMS
 * (server/utils/public-forms, issue #16), with the reader's address for the
 * CMS's per-reader limits: the browser never talks to the CMS, so the forms
 * work under any host name the site answers to. A generous timeout: a
 * submission is checked for personal data before the CMS answers (the
 * relay gives up after 20 s and says so).
 */
export function formClient(): StrapiClient {
  client ??= createStrapiClient({ baseURL: window.location.origin, timeout: 25_000 });
  return client;
}

const formError = (code: string, message: string): FieldError => ({ field: FORM_ERROR_FIELD, code, message });

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

/** Any failure of a public form's POST as errors the form can show. */
export function publicFormErrors(cause: unknown, texts: PublicFormTexts): FieldError[] {
  if (!(cause instanceof StrapiError)) return [UNREACHABLE_ERROR];
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
    // Many readers at once, not this one: said apart from a limit on the reader's own connection.
    if (fieldErrorsOf(cause).some((error) => error.code === ANTI_ABUSE_BUSY)) return [busyError(cause.retryAfterSeconds)];
    return [formError('rate_limited', `Sono arrivati troppi invii da questa connessione in poco tempo. Riprova ${waitText(cause.retryAfterSeconds)}: quello che hai scritto resta qui.`)];
  }
  if (cause.status === 0) return [UNREACHABLE_ERROR];
  if (cause.status === 502 || cause.status === 503 || cause.status === 504) {
    // The site answered, the redazione's server behind it did not: not the reader's connection.
    return [formError(
      'server_unavailable',
      `Non siamo riusciti a raggiungere il server della redazione e ${texts.notSent}. Il problema è nostro, non della tua connessione: riprova tra qualche minuto, quello che hai scritto resta qui.`,
    )];
  }
  return [formError(
    'server_error',
    `Il server della redazione ha un problema in questo momento e ${texts.notSent}. Riprova tra qualche minuto: quello che hai scritto resta qui.`,
  )];
}

/** A failed status or withdrawal request, as the status page shows it. */
export function submissionStateFailure(cause: unknown): SubmissionStateResult {
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
  return STATE_UNREACHABLE;
}
