import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, acceptRequestId, maskPrivateTokens } from '@chiudete/types';
import { isHealthPath } from '../health/paths';
import type { LogEntry } from './log-line';

const HEADER = REQUEST_ID_HEADER.toLowerCase();

/**
 * The path without its query, for the log (a search's terms, a private token in a query, stay out),
 * and without the private token of a submission's status or withdrawal (relayed to the CMS: server/utils/public-forms).
 */
const pathOf = (url: string | undefined) => maskPrivateTokens((url ?? '/').split('?', 1)[0] ?? '/');

/**
 * The request id of a request from a client (the proxy's `X-Request-Id` when
 * valid, a new UUID otherwise, @chiudete/types): written back into the
 * request's header, so that whatever reads it later (the page cache's
 * render, the CMS reads) gets the checked value; the caller echoes it in the
 * answer (with the other headers every answer carries, in one write:
 * server/plugins/page-cache.ts).
 * When the answer is sent (or the client goes), `write` gets one `http`
 * line: method, path, status, duration. Health probes that pass are not
 * logged (a probe every few seconds is not news).
 */
export function trackRequest(req: IncomingMessage, res: ServerResponse, write: (entry: LogEntry) => void): string {
  const started = performance.now();
  const requestId = acceptRequestId(req.headers[HEADER]);
  req.headers[HEADER] = requestId;
  res.once('close', () => {
    const path = pathOf(req.url);
    const status = res.statusCode;
    if (isHealthPath(path) && status < 400) return;
    const duration = Math.round(performance.now() - started);
    write({ level: 'http', msg: `${req.method} ${path} ${status} (${duration} ms)${res.writableFinished ? '' : ' (client gone)'}`, requestId, method: req.method, path, status, duration });
  });
  return requestId;
}
