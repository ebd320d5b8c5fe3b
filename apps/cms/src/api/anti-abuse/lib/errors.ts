import { ANTI_ABUSE_BUSY } from '@chiudete/types';

/**
 * Anti-abuse refusals, in Strapi's error envelope and shaped like the form
 * endpoints' own validation errors: one `_form` error with a code the site
 * can switch on and an Italian message it can show as is.
 */

export type AntiAbuseCode
  = | 'antiabuse.honeypot'
    | 'antiabuse.token_missing'
    | 'antiabuse.token_invalid'
    | 'antiabuse.token_expired'
    | 'antiabuse.too_fast'
    | 'antiabuse.challenge_missing'
    | 'antiabuse.challenge_invalid'
    | 'antiabuse.challenge_expired'
    | 'antiabuse.challenge_replayed'
    | 'antiabuse.busy'
    | 'rate_limited';

export interface AntiAbuseFieldError {
  field: string;
  code: string;
  message: string;
}

export interface AntiAbuseErrorBody {
  data: null;
  error: {
    status: 400 | 429;
    name: 'ValidationError' | 'RateLimitError';
    message: string;
    details: { errors: AntiAbuseFieldError[] };
  };
}

const RELOAD = 'Ricarica la pagina (copia prima il tuo testo, per non perderlo) e invia di nuovo.';

/** English summary (for developers and logs), Italian text for the reader. */
type ValidationCode = Exclude<AntiAbuseCode, 'rate_limited' | 'antiabuse.busy'>;

const MESSAGES: Record<ValidationCode, { summary: string; message: string }> = {
  'antiabuse.honeypot': {
    summary: 'The honeypot field "website" must be absent or empty.',
    message: `Il modulo contiene un campo nascosto che deve restare vuoto (forse l'ha compilato il browser in automatico). ${RELOAD}`,
  },
  'antiabuse.token_missing': {
    summary: 'The form token "formToken" is missing: get one from GET /api/form-tokens/:form.',
    message: `Il modulo è incompleto. ${RELOAD}`,
  },
  'antiabuse.token_invalid': {
    summary: 'The form token is not valid for this form (tampered, malformed or issued for another form).',
    message: `Il modulo non è valido. ${RELOAD}`,
  },
  'antiabuse.token_expired': {
    summary: 'The form token has expired: get a new one.',
    message: `Il modulo è rimasto aperto troppo a lungo ed è scaduto. ${RELOAD}`,
  },
  'antiabuse.too_fast': {
    summary: 'The form was submitted sooner than the minimum fill time after its token was issued.',
    message: 'Il modulo è stato inviato troppo in fretta: attendi qualche secondo e invia di nuovo.',
  },
  'antiabuse.challenge_missing': {
    summary: 'The ALTCHA solution "altcha" is missing: solve GET /api/altcha/challenge.',
    message: 'Manca la verifica anti-spam: attendi che sia completata, poi invia di nuovo.',
  },
  'antiabuse.challenge_invalid': {
    summary: 'The ALTCHA solution is not valid (malformed, wrong number, or not signed by this server).',
    message: 'La verifica anti-spam non è riuscita: ripetila, poi invia di nuovo.',
  },
  'antiabuse.challenge_expired': {
    summary: 'The ALTCHA challenge has expired: solve a new one.',
    message: 'La verifica anti-spam è scaduta: ripetila, poi invia di nuovo.',
  },
  'antiabuse.challenge_replayed': {
    summary: 'This ALTCHA solution has already been used: each one is accepted once.',
    message: 'Questa verifica anti-spam è già stata usata: ripetila, poi invia di nuovo.',
  },
};

const inMinutes = (seconds: number): string => {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? 'tra un minuto' : `tra ${minutes} minuti`;
};

export function validationErrorBody(code: ValidationCode): AntiAbuseErrorBody {
  const { summary, message } = MESSAGES[code];
  return {
    data: null,
    error: { status: 400, name: 'ValidationError', message: summary, details: { errors: [{ field: '_form', code, message }] } },
  };
}

export function rateLimitErrorBody(retryAfterSeconds: number, what: 'submissions' | 'requests'): AntiAbuseErrorBody {
  const message = what === 'submissions'
    ? `Hai inviato troppi moduli in poco tempo, oppure ne stanno arrivando troppi: riprova ${inMinutes(retryAfterSeconds)}.`
    : `Troppe richieste in poco tempo: riprova ${inMinutes(retryAfterSeconds)}.`;
  return {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: `Too many ${what}: retry after ${retryAfterSeconds} seconds.`,
      details: { errors: [{ field: '_form', code: 'rate_limited', message }] },
    },
  };
}

/**
 * The memory store holds as many used ALTCHA solutions as it may (src/api/anti-abuse/lib/memory-store.ts):
 * new challenges and solutions are refused until the oldest expire, rather than forgetting one.
 */
export function busyErrorBody(retryAfterSeconds: number): AntiAbuseErrorBody {
  return {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: `Too many anti-spam checks in progress: this server remembers every used ALTCHA solution until it expires and has no room for more. Retry after ${retryAfterSeconds} seconds.`,
      details: {
        errors: [{
          field: '_form',
          code: ANTI_ABUSE_BUSY,
          message: `Stiamo ricevendo troppi invii in questo momento e la verifica anti-spam non può accettarne altri: riprova ${inMinutes(retryAfterSeconds)}. Copia il tuo testo, per non perderlo.`,
        }],
      },
    },
  };
}

/** Strapi's plain error envelope, for the read API's 429 (no form, so no `_form` error). */
export interface RateLimitErrorBody {
  data: null;
  error: { status: 429; name: 'RateLimitError'; message: string; details: Record<string, never> };
}

/** The read API's refusal (src/middlewares/read-rate-limit.ts). */
export function readRateLimitErrorBody(retryAfterSeconds: number, limit: number, windowSeconds: number, by: 'token' | 'ip' | 'site'): RateLimitErrorBody {
  const who = by === 'token' ? 'per API token' : by === 'site' ? 'for the site\'s own token (RATE_LIMIT_READS_SITE)' : 'per client address without a verified API token';
  return {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: `Too many requests: at most ${limit} reads every ${windowSeconds} s ${who}, retry in ${retryAfterSeconds} s.`,
      details: {},
    },
  };
}

/** The part of Koa's context a refusal writes to. */
export interface ResponseContext {
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

export function refuse(ctx: ResponseContext, body: AntiAbuseErrorBody | RateLimitErrorBody, retryAfterSeconds?: number): void {
  if (retryAfterSeconds !== undefined) ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.status = body.error.status;
  ctx.body = body;
}
