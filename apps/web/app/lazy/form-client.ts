import { ANTI_ABUSE_BUSY, StrapiError, createStrapiClient, type FieldError, type StrapiClient } from '@chiudete/types';
import { FORM_ERROR_FIELD, UNREACHABLE_ERROR, busyError, waitText } from '~/utils/form-errors';
import type { PublicFormTexts } from '~/utils/public-form';
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

/** The idempotency key of a form fill, made when the form is first sent (not with the page). */
export { createFillKey } from '~/utils/idempotency';

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

/** Any failure of a public form's POST as errors the form can show (the client reads the CMS's field errors: `fieldErrors`). */
export function publicFormErrors(cause: unknown, texts: PublicFormTexts): FieldError[] {
  if (!(cause instanceof StrapiError)) return [UNREACHABLE_ERROR];
  if (cause.status === 400) {
    return cause.fieldErrors.length > 0
      ? [...cause.fieldErrors]
      : [formError('invalid', 'Il server non ha accettato il modulo. Controlla i campi e riprova.')];
  }
  if (cause.status === 413) {
    return [formError('too_large', `Il testo inviato è troppo lungo per il server. ${texts.shorten}`)];
  }
  if (cause.status === 429) {
    // Many readers at once, not this one: said apart from a limit on the reader's own connection.
    if (cause.fieldErrors.some((error) => error.code === ANTI_ABUSE_BUSY)) return [busyError(cause.retryAfterSeconds)];
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
