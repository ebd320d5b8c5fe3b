/**
 * Idempotency keys of the public forms: the site generates one per form
 * fill (`crypto.randomUUID()`), keeps it across retries of that fill, and
 * sends it in this header; the CMS stores it with the row (unique), so a
 * retry after a timeout gets the first answer again instead of a second
 * row. Header name after the IETF draft "The Idempotency-Key HTTP Header Field".
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** A UUID in its usual textual form, as `crypto.randomUUID()` makes it (any case). */
export const IDEMPOTENCY_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isIdempotencyKey = (value: unknown): value is string => typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value);
