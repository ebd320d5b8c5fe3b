/**
 * The request id that follows one request from the proxy to the site to the
 * CMS (`X-Request-Id`), so that their log lines can be put side by side.
 * Each hop accepts the id it is given when it looks like one (short, a safe
 * charset: nothing that could forge or break a log line), otherwise makes a
 * new one; it echoes the id in its answer and passes it on to the next hop.
 */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Longest id accepted: a UUID is 36 characters, nginx's `$request_id` 32. */
export const REQUEST_ID_MAX_LENGTH = 64;

const REQUEST_ID = new RegExp(`^[A-Za-z0-9._:-]{1,${REQUEST_ID_MAX_LENGTH}}$`);

/** Whether `value` may be used as a request id as it is. */
export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}

/** A new random request id (a UUID: Web Crypto, in Node and browsers alike). */
export function generateRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The id of a request: the incoming header's value when it is valid (a Node
 * header may arrive as an array: the first value), a new one otherwise.
 */
export function acceptRequestId(incoming: string | readonly string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return isValidRequestId(value) ? value : generateRequestId();
}
