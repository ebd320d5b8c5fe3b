// Verifies the X-Chiudete-Signature header of a webhook from Chiudete i Call Center.
// Node only (node:crypto), no dependency. Node 22.18+ runs this file as it is;
// for plain JavaScript, delete the type annotations.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Spaces and tabs around a part of the header. */
const OWS = /^[ \t]+|[ \t]+$/g;

/**
 * True when `header` signs `rawBody` (the bytes received, before any JSON
 * parsing) with one of `secrets` (one, or the old and the new one during a
 * rotation), less than `toleranceSeconds` ago. False, never an exception,
 * for a missing or malformed header.
 */
export function verifyChiudeteSignature(
  rawBody: string | Uint8Array,
  header: string | readonly string[] | null | undefined,
  secrets: string | readonly string[],
  toleranceSeconds = 300,
): boolean {
  const text = typeof header === 'string' ? header : Array.isArray(header) ? header.join(',') : undefined;
  if (text === undefined) return false;
  let timestamp: number | undefined;
  const given: Buffer[] = [];
  for (const part of text.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).replace(OWS, '');
    const value = part.slice(separator + 1).replace(OWS, '');
    if (key === 't' && /^[0-9]{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) given.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || given.length === 0) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  return keys.some((secret) => {
    if (!secret) return false; // an unset secret must not verify anything
    const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
    return given.some((signature) => timingSafeEqual(signature, expected)); // any v1 may match
  });
}
