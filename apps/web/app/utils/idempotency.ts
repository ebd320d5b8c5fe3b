/**
 * The idempotency key of one form fill (header `Idempotency-Key`,
 * packages/types/src/idempotency.ts): made when the fill is first sent,
 * kept across the retries of that same content (a timeout, a lost answer:
 * the CMS then answers the first 202 again instead of storing it twice),
 * replaced when the reader changed what is sent (a new submission, which the
 * CMS would refuse under the old key) and after a success (a new fill).
 */
export interface FillKey {
  /** The key for sending `payload`: the same as last time when the payload is the same. */
  forAttempt(payload: unknown): string;
  /** The fill was stored: the next one gets a new key. */
  done(): void;
}

/**
 * A random UUID (v4). `crypto.randomUUID` exists only in secure contexts
 * (https, localhost): elsewhere (a test server on a LAN address over http)
 * the same from `getRandomValues`, which every browser has.
 */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createFillKey(newKey: () => string = randomUuid): FillKey {
  let current: { key: string; sent: string } | null = null;
  return {
    forAttempt(payload) {
      const sent = JSON.stringify(payload);
      if (!current || current.sent !== sent) current = { key: newKey(), sent };
      return current.key;
    },
    done() {
      current = null;
    },
  };
}
