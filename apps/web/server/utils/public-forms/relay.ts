import {
  IDEMPOTENCY_KEY_HEADER,
  PUBLIC_FORM_ENDPOINTS,
  PUBLIC_FORM_MAX_BODY_BYTES,
  REQUEST_ID_HEADER,
  SITE_CLIENT_ADDRESS_HEADER,
  type PublicFormEndpointName,
} from '@chiudete/types';

/**
 * The site's relay of the public forms to the CMS (issue #16, item 7).
 * Readers' browsers send the forms (form token, ALTCHA challenge, testimony,
 * contact message, a submission's status and withdrawal) to the site's own
 * origin, at the CMS's paths; the site's server forwards exactly the
 * endpoints of PUBLIC_FORM_ENDPOINTS (@chiudete/types) and nothing else,
 * authenticated as the site (NUXT_STRAPI_TOKEN) with the reader's address in
 * X-Site-Client-Address, which the CMS believes only from the site. So the
 * forms work under any host name the site answers to, the CMS needs no CORS
 * and can stay on a private network, and its limits stay per reader.
 *
 * What passes: JSON bodies up to PUBLIC_FORM_MAX_BODY_BYTES (a larger one is
 * a 413 before the CMS is asked), the form fill's Idempotency-Key, the
 * request id; back: the CMS's status and body unchanged (its 4xx with their
 * field errors), its Content-Type and Retry-After. A CMS that does not
 * answer in the endpoint's time is a 504, one that cannot be reached a 502,
 * both in Strapi's error envelope, so the form says the server failed.
 */

export interface RelaySettings {
  /** Where this server reaches the CMS (NUXT_STRAPI_URL). */
  cmsUrl: string;
  /** The site's API token (NUXT_STRAPI_TOKEN); empty in development: the reader's address is then not relayed. */
  siteToken: string;
  /** Largest body relayed (default PUBLIC_FORM_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Per endpoint override of the CMS's time to answer (tests). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RelayRequest {
  endpoint: PublicFormEndpointName;
  /** The path's parameters (`form`, `token`) as the router decoded them. */
  params: Record<string, string | undefined>;
  /** Request headers, lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  /** The request body (Node's request stream), read only by endpoints with a body. */
  body: AsyncIterable<Uint8Array> | null;
  /** The reader's address as this server sees it (trusted proxies applied). */
  clientAddress: string;
}

export interface RelayResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * What a path parameter may be: the CMS's form names, base64url tokens and
 * the newsletter's dotted link tokens (`manage.<id>.<expiry>.<sig>`); never
 * `.`, `..` or a slash.
 */
const PARAM = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,256}$/;
/** Largest CMS answer passed back (its answers are a few hundred bytes). */
const MAX_ANSWER_BYTES = 256 * 1024;

/** An answer in Strapi's error envelope, with one error about the whole form (as the CMS's own refusals). */
function refusal(status: number, name: string, message: string, code: string, italian: string, extra: Record<string, string> = {}): RelayResponse {
  const body = { data: null, error: { status, name, message, details: { errors: [{ field: '_form', code, message: italian }] } } };
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra }, body: Buffer.from(JSON.stringify(body)) };
}

const tooLarge = (max: number) => refusal(413, 'PayloadTooLargeError', `The form is larger than ${max} bytes.`, 'too_large', 'Il testo inviato è troppo lungo.');

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The request body, or null when it goes over `max` bytes (nothing more is read then). */
async function readCapped(body: AsyncIterable<Uint8Array>, max: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The CMS's URL of one relayed request, or null when a parameter is not one the CMS could have issued. */
export function relayedPath(endpoint: PublicFormEndpointName, params: RelayRequest['params']): string | null {
  let ok = true;
  const path = PUBLIC_FORM_ENDPOINTS[endpoint].path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || !PARAM.test(value)) ok = false;
    return value ?? '';
  });
  return ok ? `/api${path}` : null;
}

export async function relayToCms(request: RelayRequest, settings: RelaySettings): Promise<RelayResponse> {
  const endpoint = PUBLIC_FORM_ENDPOINTS[request.endpoint];
  const path = relayedPath(request.endpoint, request.params);
  if (!path) return refusal(404, 'NotFoundError', 'Not Found', 'not_found', 'Indirizzo non valido.');

  const headers: Record<string, string> = { accept: 'application/json' };
  const requestId = single(request.headers[REQUEST_ID_HEADER.toLowerCase()]);
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
  if (settings.siteToken) {
    headers.authorization = `Bearer ${settings.siteToken}`;
    headers[SITE_CLIENT_ADDRESS_HEADER] = request.clientAddress;
  }

  let body: Buffer | undefined;
  if (endpoint.body) {
    const max = settings.maxBodyBytes ?? PUBLIC_FORM_MAX_BODY_BYTES;
    const declared = Number(single(request.headers['content-length']));
    if (Number.isFinite(declared) && declared > max) return tooLarge(max);
    const contentType = single(request.headers['content-type']) ?? '';
    if (!/^application\/json\s*(?:;|$)/i.test(contentType)) {
      return refusal(415, 'UnsupportedMediaTypeError', 'Send the form as application/json.', 'invalid', 'Il modulo non è arrivato nel formato atteso.');
    }
    const read = request.body ? await readCapped(request.body, max) : Buffer.alloc(0);
    if (!read) return tooLarge(max);
    body = read;
    headers['content-type'] = contentType;
    // Passed on as sent: the CMS checks it (src/idempotency) and says what is wrong with it.
    const key = single(request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
    if (key !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = key.slice(0, 200);
  }

  const timeoutMs = settings.timeoutMs ?? endpoint.timeoutMs;
  const doFetch = settings.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${settings.cmsUrl.replace(/\/+$/, '')}${path}`, {
      method: endpoint.method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    console.error(`[public-forms] ${endpoint.method} ${request.endpoint}: ${timedOut ? `no answer within ${timeoutMs} ms` : (cause as Error).message}`);
    return timedOut
      ? refusal(504, 'GatewayTimeoutError', 'The CMS did not answer in time.', 'server_unavailable', 'Il server della redazione non ha risposto in tempo.', { 'retry-after': '30' })
      : refusal(502, 'BadGatewayError', 'The CMS could not be reached.', 'server_unavailable', 'Il server della redazione non è raggiungibile.', { 'retry-after': '30' });
  }

  const declared = Number(response.headers.get('content-length'));
  const answer = Number.isFinite(declared) && declared > MAX_ANSWER_BYTES
    ? null
    : await response.arrayBuffer().then((bytes) => (bytes.byteLength > MAX_ANSWER_BYTES ? null : Buffer.from(bytes)), () => null);
  if (!answer || (response.status >= 300 && response.status < 400)) {
    console.error(`[public-forms] ${endpoint.method} ${request.endpoint}: unexpected answer ${response.status} from the CMS`);
    return refusal(502, 'BadGatewayError', 'The CMS gave an unexpected answer.', 'server_unavailable', 'Il server della redazione ha dato una risposta inattesa.');
  }
  const passed: Record<string, string> = { 'cache-control': 'no-store' };
  const contentType = response.headers.get('content-type');
  if (contentType) passed['content-type'] = contentType;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter) passed['retry-after'] = retryAfter;
  return { status: response.status, headers: passed, body: answer };
}
