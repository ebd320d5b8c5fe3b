// `@chiudete/types/webhooks`: checking (and producing) the signature of the
// partner webhooks. Node only (node:crypto): a separate entry point, so that
// the main entry stays free of Node built-ins for browser bundles.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONTENT_WEBHOOK_EVENT_TYPES, PING_WEBHOOK_EVENT_TYPE } from './webhook-event';
import type { ContentWebhookEvent, ContentWebhookEventType, PingWebhookEvent, WebhookEvent, WebhookEventType, WebhookContentType } from './webhook-event';

export type { ContentWebhookEvent, ContentWebhookEventType, PingWebhookEvent, WebhookEvent, WebhookEventType, WebhookContentType };
export { CONTENT_WEBHOOK_EVENT_TYPES, PING_WEBHOOK_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './webhook-event';

/** Header names, lower case as Node's `req.headers` has them. */
export const WEBHOOK_HEADERS = {
  /** `content.published`, `content.unpublished` or `webhook.ping` (the body's `type`). */
  event: 'x-chiudete-event',
  /** The delivery's id: the same in every retry of one event to one webhook. */
  delivery: 'x-chiudete-delivery',
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
  signature: 'x-chiudete-signature',
  /** 1 for the first attempt of a delivery, then 2…6 for its retries. */
  attempt: 'x-chiudete-attempt',
} as const;

/** Signatures older (or newer) than this many seconds are refused by default: replays. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Why a signature was refused. */
/**
 * Why a request was refused. `unknown_event_type` is the one to answer with a
 * `2xx`: the request is ours and signed, its event type is newer than this
 * client (ignore it, or update the package).
 */
export type WebhookSignatureFailure = 'missing_header' | 'malformed_header' | 'timestamp_outside_tolerance' | 'signature_mismatch' | 'invalid_payload' | 'unknown_event_type';

export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
  constructor(readonly reason: WebhookSignatureFailure, message: string) {
    super(message);
  }
}

export type RawBody = string | Uint8Array;

/** The hex HMAC-SHA256 of `<timestamp>.<payload>` with `secret`. */
export function computeWebhookSignature(secret: string, timestamp: number, payload: RawBody): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
}

/** The `X-Chiudete-Signature` header for `payload` (what the CMS sends; handy in a partner's tests). */
export function signWebhookPayload(options: { payload: RawBody; secret: string; timestamp?: number }): string {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return `t=${timestamp},v1=${computeWebhookSignature(options.secret, timestamp, options.payload)}`;
}

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (not re-serialized JSON). */
  payload: RawBody;
  /** The `X-Chiudete-Signature` header (`req.headers['x-chiudete-signature']`). */
  header: string | readonly string[] | null | undefined;
  /** The webhook's secret; several during a rotation (any may match). */
  secret: string | readonly string[];
  /** Largest accepted difference between the signature's time and now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The current time (tests). */
  now?: Date | number;
}

interface ParsedHeader {
  timestamp: number;
  signatures: Buffer[];
}

/** Optional whitespace around a part of the header (HTTP's OWS: spaces and tabs). */
const OWS = /^[ \t]+|[ \t]+$/g;

/** The header as one string, or undefined when there is none (or, from JavaScript, it is not text). */
function headerText(header: unknown): string | undefined {
  if (typeof header === 'string') return header;
  if (Array.isArray(header) && header.every((line) => typeof line === 'string')) return header.join(',');
  return undefined;
}

/**
 * Reads `t=<seconds>,v1=<hex>[,v1=<hex>…]`: the last well-formed `t`, every
 * well-formed `v1` (any may match), other keys and parts without `=` ignored.
 * The same grammar as docs/examples/webhooks/verify.ts and verify.py.
 */
function parseHeader(header: VerifyWebhookOptions['header']): ParsedHeader {
  const text = headerText(header)?.replace(OWS, '');
  if (!text) throw new WebhookSignatureError('missing_header', 'No X-Chiudete-Signature header: the request does not come from the CMS, or a proxy dropped the header.');
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of text.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).replace(OWS, '');
    const value = part.slice(separator + 1).replace(OWS, '');
    if (key === 't' && /^[0-9]{1,12}$/.test(value)) timestamp = Number(value);
    // Other schemes (v0, future ones) are ignored.
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new WebhookSignatureError('malformed_header', `X-Chiudete-Signature "${text.slice(0, 120)}" is not "t=<unix seconds>,v1=<64 hex digits>".`);
  }
  return { timestamp, signatures };
}

/**
 * Checks the signature of a webhook request and throws a
 * `WebhookSignatureError` (with its `reason`) when it is missing, malformed,
 * too old or too new (`toleranceSeconds`: replayed requests), or made with
 * another secret. The comparison takes constant time.
 */
export function assertWebhookSignature(options: VerifyWebhookOptions): void {
  const { timestamp, signatures } = parseHeader(options.header);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  // NaN would accept any age: a configuration error, refused loudly (fail closed).
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new TypeError(`verifyWebhookSignature: toleranceSeconds ${tolerance} is not a number of seconds >= 0`);
  const nowMs = options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
  const age = Math.floor(nowMs / 1000) - timestamp;
  if (Math.abs(age) > tolerance) {
    throw new WebhookSignatureError(
      'timestamp_outside_tolerance',
      `The signature was made ${age} s from now, beyond the tolerance of ${tolerance} s: a replayed request, or a clock out of sync.`,
    );
  }
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  if (secrets.length === 0 || secrets.some((secret) => !secret)) throw new TypeError('verifyWebhookSignature: secret is empty');
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(computeWebhookSignature(secret, timestamp, options.payload), 'hex');
    return signatures.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
  });
  if (!matches) {
    throw new WebhookSignatureError(
      'signature_mismatch',
      'The signature does not match: another secret, or a body that is not the raw one received (verify before parsing JSON).',
    );
  }
}

/**
 * `assertWebhookSignature` as a boolean: true when the request is authentic
 * and recent; false (never an exception) for a missing, empty or malformed
 * header or timestamp, a stale one, or no matching `v1` for any secret.
 * Configuration errors (an empty secret, a bad `toleranceSeconds`) still throw.
 */
export function verifyWebhookSignature(options: VerifyWebhookOptions): boolean {
  try {
    assertWebhookSignature(options);
    return true;
  } catch (error) {
    if (error instanceof WebhookSignatureError) return false;
    throw error;
  }
}

const CONTENT_EVENT_TYPES: readonly string[] = CONTENT_WEBHOOK_EVENT_TYPES;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a parsed body has the shape of one of the events (checked after the signature). */
function isWebhookEvent(candidate: unknown): candidate is WebhookEvent {
  if (!isRecord(candidate) || typeof candidate.id !== 'string' || typeof candidate.createdAt !== 'string' || !isRecord(candidate.data)) return false;
  const { data } = candidate;
  if (candidate.type === PING_WEBHOOK_EVENT_TYPE) return typeof data.webhook === 'string';
  return CONTENT_EVENT_TYPES.includes(String(candidate.type)) && typeof data.documentId === 'string' && typeof data.type === 'string';
}

/**
 * Verifies the request (as `assertWebhookSignature`), then parses its body
 * into a typed event (`content.published`, `content.unpublished` or
 * `webhook.ping`: switch on `type`). Throws `WebhookSignatureError` on a bad
 * signature, with reason `invalid_payload` when the body is not a
 * webhook event, and with reason `unknown_event_type` for a signed event of a
 * type added after this client (answer it `2xx` and ignore it).
 */
export function parseWebhookEvent(options: VerifyWebhookOptions): WebhookEvent {
  assertWebhookSignature(options);
  const text = typeof options.payload === 'string' ? options.payload : Buffer.from(options.payload).toString('utf8');
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new WebhookSignatureError('invalid_payload', 'The webhook body is not JSON.');
  }
  if (isRecord(event) && typeof event.type === 'string' && event.type !== PING_WEBHOOK_EVENT_TYPE && !CONTENT_EVENT_TYPES.includes(event.type)) {
    throw new WebhookSignatureError('unknown_event_type', `Event type "${event.type.slice(0, 60)}" is newer than this client: answer 2xx and ignore it (or update @chiudete/types).`);
  }
  if (!isWebhookEvent(event)) {
    throw new WebhookSignatureError('invalid_payload', 'The webhook body is not a Chiudete webhook event ({ id, type, createdAt, data }).');
  }
  return event;
}
