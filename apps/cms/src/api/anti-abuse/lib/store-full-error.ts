/**
 * Thrown by a store that cannot remember one more used ALTCHA solution
 * without forgetting one that has not expired yet (src/api/anti-abuse/lib/memory-store.ts).
 * The caller refuses the request (429 with Retry-After) instead: forgetting
 * a used solution would let it be replayed.
 */
export class StoreFullError extends Error {
  override readonly name = 'StoreFullError';

  constructor(
    /** When the oldest used solution expires, making room, in milliseconds from now. */
    readonly retryAfterMs: number,
    limit: number,
  ) {
    super(`The anti-abuse store already holds ${limit} used ALTCHA solutions that have not expired: refusing new ones for ${Math.ceil(retryAfterMs / 1000)} s rather than forgetting any.`);
  }
}
