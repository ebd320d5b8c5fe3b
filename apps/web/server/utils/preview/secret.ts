import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret received from outside with the expected one in constant
 * time (both are hashed first, so neither the length nor the content leaks
 * through timing). An empty expected secret never matches.
 */
export function secretsMatch(received: string | null | undefined, expected: string): boolean {
  if (!expected || typeof received !== 'string' || received === '') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(received), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
