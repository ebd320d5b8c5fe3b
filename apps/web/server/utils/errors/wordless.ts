import { STATUS_CODES } from 'node:http';

/**
 * Errors thrown without words by the layers under the site's own code (a
 * missing file under /_nuxt/: Nitro's `createError({ statusCode: 404 })`)
 * reach the reader as `{ "statusMessage": "Server Error", "message": "" }`
 * when the request looks like JSON (a path ending in `.json`, under /api/,
 * or `Accept: application/json`). Such an error gets the status's standard
 * reason phrase and an Italian message saying what was wrong; an error
 * that has words keeps them, and a 5xx stays as it is (its details are
 * never shown). And no reason phrase carries the address (MAX_REASON_LENGTH).
 */

/** The fields of an H3 error this reads and fills in. */
export interface WordlessError {
  statusCode?: number;
  message: string;
  statusMessage?: string;
}

const MESSAGES: Record<number, string> = {
  400: 'Richiesta non valida.',
  404: 'Questo indirizzo non corrisponde a nessuna pagina né a nessun file del sito.',
  405: 'Questo indirizzo non accetta richieste di questo tipo.',
  413: 'La richiesta è troppo grande.',
  415: 'Il formato del contenuto inviato non è accettato.',
};

/**
 * The longest reason phrase kept. Nuxt's own 404 puts the whole address in
 * it (`404 Page not found: /…?…`), which goes to the status line: an
 * address of 12 KB made a status line of 20 KB (its escapes escaped again),
 * past what Node's HTTP client (16 KB) or a proxy's header buffer takes,
 * so the reader got no answer, or a 502 from the proxy.
 */
const MAX_REASON_LENGTH = 60;

export function giveWords(error: WordlessError): void {
  const status = error.statusCode ?? 500;
  if (status < 400) return;
  const reason = error.statusMessage ?? '';
  // No address in the status line (nor anything long): the standard phrase instead.
  if (reason.length > MAX_REASON_LENGTH || reason.includes('/')) error.statusMessage = STATUS_CODES[status] ?? '';
  if (status >= 500) return;
  error.statusMessage ||= STATUS_CODES[status] ?? 'Client Error';
  if (!error.message?.trim()) error.message = MESSAGES[status] ?? MESSAGES[400]!;
}
