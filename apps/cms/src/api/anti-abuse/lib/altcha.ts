import { timingSafeEqual } from 'node:crypto';
import { createChallenge, extractParams } from 'altcha-lib';
import type { Challenge, Payload } from 'altcha-lib/types';

/**
 * ALTCHA proof of work (protocol v1, which the `altcha` widget accepts):
 * the browser finds the number whose SHA-256 with the salt gives the
 * challenge. The salt carries `expires`, covered by the signature.
 */

const ALGORITHM = 'SHA-256';
/** A widget payload is about 300 characters of base64; refuse anything far longer unread. */
const MAX_PAYLOAD_LENGTH = 2048;
const HEX_64 = /^[0-9a-f]{64}$/;

export interface AltchaOptions {
  hmacKey: string;
  maxNumber: number;
  expiresSeconds: number;
}

export function createAltchaChallenge({ hmacKey, maxNumber, expiresSeconds }: AltchaOptions, now = Date.now()): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    hmacKey,
    maxnumber: maxNumber,
    expires: new Date(now + expiresSeconds * 1000),
  });
}

export type AltchaProblem = 'challenge_missing' | 'challenge_invalid' | 'challenge_expired';

export type AltchaCheck
  = | { ok: true; signature: string; expiresAt: number }
    | { ok: false; problem: AltchaProblem };

/** The widget's payload, decoded and checked for shape, or undefined. */
function decodePayload(value: string): Payload | undefined {
  if (value.length > MAX_PAYLOAD_LENGTH || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { algorithm, challenge, number, salt, signature } = parsed as Record<string, unknown>;
  if (algorithm !== ALGORITHM) return undefined;
  if (typeof challenge !== 'string' || !HEX_64.test(challenge)) return undefined;
  if (typeof signature !== 'string' || !HEX_64.test(signature)) return undefined;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) return undefined;
  if (typeof salt !== 'string' || salt.length === 0 || salt.length > 512) return undefined;
  return { algorithm, challenge, number, salt, signature };
}

/**
 * Two SHA-256 values in hex (64 characters, checked by decodePayload), equal?
 * Compared as bytes in constant time: how long it takes says nothing of how
 * many leading characters of a forged signature were right.
 */
export function sameDigest(expectedHex: string, receivedHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const received = Buffer.from(receivedHex, 'hex');
  // Equal lengths are guaranteed for well-formed input; a length mismatch is no secret, and timingSafeEqual would throw.
  return expected.length === 32 && received.length === expected.length && timingSafeEqual(expected, received);
}

/**
 * altcha-lib's verifySolution without its plain `===` on the signature:
 * the library recomputes the challenge and its HMAC from the salt and the
 * number (as verifySolution does), then both are compared in constant time,
 * both always (no early exit on the first mismatch).
 */
async function verifySignedSolution(payload: Payload, hmacKey: string): Promise<boolean> {
  const check = await createChallenge({ algorithm: payload.algorithm, hmacKey, number: payload.number, salt: payload.salt });
  const challengeMatches = sameDigest(check.challenge, payload.challenge);
  const signatureMatches = sameDigest(check.signature, payload.signature);
  return challengeMatches && signatureMatches;
}

/**
 * Verifies a solution as received (any JSON value). It does not remember
 * it: the caller must accept each `signature` once (see guard.ts).
 */
export async function verifyAltcha(value: unknown, hmacKey: string, now = Date.now()): Promise<AltchaCheck> {
  if (value === undefined || value === null || value === '') return { ok: false, problem: 'challenge_missing' };
  if (typeof value !== 'string') return { ok: false, problem: 'challenge_invalid' };
  const payload = decodePayload(value);
  if (!payload) return { ok: false, problem: 'challenge_invalid' };

  // Signature and solution first, expiry after: an expired challenge is only worth telling apart when it is ours.
  let valid: boolean;
  try {
    valid = await verifySignedSolution(payload, hmacKey);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, problem: 'challenge_invalid' };

  const expires = extractParams(payload).expires;
  // We always set `expires`: a signed challenge without it was not issued by this code.
  if (!expires || !/^\d{1,12}$/.test(expires)) return { ok: false, problem: 'challenge_invalid' };
  const expiresAt = Number(expires) * 1000;
  if (expiresAt <= now) return { ok: false, problem: 'challenge_expired' };
  return { ok: true, signature: payload.signature, expiresAt };
}
