import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { bareHostname, isPublicAddress } from './url-policy';

export interface SendRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Loopback, private and link-local addresses allowed (development, tests). */
  allowLocalUrls: boolean;
  /**
   * Read the start of every answer's body, 2xx included, into `answer` (the
   * admin's test ping shows it). Off for real deliveries: a 2xx is success
   * as soon as its status arrives.
   */
  keepAnswer?: boolean;
}

export interface SendResult {
  /** A 2xx answer arrived. */
  ok: boolean;
  /** The HTTP status, or null when none arrived. */
  status: number | null;
  /** What went wrong, for the delivery log (null on success). */
  error: string | null;
  /** The start of the answer's body, whitespace collapsed (with `keepAnswer` only). */
  answer?: string;
}

/** How much of an answer's body goes to the delivery log (errors) or to the admin (`keepAnswer`). */
const MAX_ERROR_BODY = 300;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Resolves like `dns.lookup`, then refuses non-public addresses: the check
 * is made on the address the socket will dial, so a DNS answer that changes
 * between the admin's save and the delivery (rebinding) cannot reach an
 * internal service.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused || addresses.length === 0) {
      const reason = new Error(`${hostname} resolves to ${refused?.address ?? 'no address'}, which is not a public address: refused`);
      return callback(Object.assign(reason, { code: 'EADDRNOTPUBLIC' }), '', 0);
    }
    if (options.all) return (callback as unknown as (err: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** Reads at most `limit` characters of a response body, then stops. */
function readSome(response: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      text += chunk;
      if (text.length >= limit) response.destroy();
    });
    response.on('close', () => resolve(text.slice(0, limit)));
    response.on('error', () => resolve(text.slice(0, limit)));
  });
}

/**
 * One POST of a webhook: no redirects followed (a 3xx is a failure: the
 * partner must register its final URL), a hard timeout on the whole
 * exchange, a 2xx is success. Never throws.
 */
export function sendWebhook(request: SendRequest): Promise<SendResult> {
  const url = new URL(request.url);
  const host = bareHostname(url);
  // Literal IP addresses skip `lookup`: check them here.
  if (!request.allowLocalUrls && isIP(host) && !isPublicAddress(host)) {
    return Promise.resolve({ ok: false, status: null, error: `${host} is not a public address: refused` });
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: request.allowLocalUrls ? undefined : publicOnlyLookup,
      // A fresh connection per delivery: no socket shared across partners.
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, error: `no answer within ${request.timeoutMs / 1000} s (timeout)` });
    }, request.timeoutMs);

    req.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      const redirect = status >= 300 && status < 400;
      const failure = (body: string) =>
        redirect ? `redirect to ${response.headers.location ?? '(no Location)'} not followed: register the final URL` : `HTTP ${status}${body ? `: ${body}` : ''}`;
      if (request.keepAnswer) {
        void readSome(response, MAX_ERROR_BODY).then((text) => {
          const answer = collapse(text);
          finish({ ok, status, error: ok ? null : failure(answer), answer });
        });
        return;
      }
      if (ok || redirect) {
        response.resume();
        finish({ ok, status, error: ok ? null : failure('') });
        return;
      }
      void readSome(response, MAX_ERROR_BODY).then((text) => finish({ ok: false, status, error: failure(collapse(text)) }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, status: null, error: `${error.code ? `${error.code}: ` : ''}${error.message}` });
    });
    req.end(request.body);
  });
}
