import { LRUCache } from 'lru-cache';

/** Whether a bearer token is a valid (existing, content-API, unexpired) API token: one database lookup. */
export type TokenLookup = (token: string) => Promise<boolean>;

export interface TokenVerifierOptions {
  /** Tokens remembered at most (a flood of random tokens cannot grow it). */
  max?: number;
  /** How long a verdict is remembered without a token change. */
  ttlMs?: number;
}

/**
 * This instance's memory of which bearer tokens are real API tokens, by
 * their SHA-256 (never the token), for the read limits: a real token gets
 * its own allowance, anything else counts against the client's address like
 * an anonymous read, so random tokens never buy a fresh allowance. Each
 * verdict costs one indexed lookup (the one Strapi's authentication makes
 * anyway), is remembered for a while, and is forgotten at every token
 * change (created, revoked, regenerated...).
 */
export class ApiTokenVerifier {
  private readonly verdicts: LRUCache<string, boolean>;
  /** Bumped by `clear`: a lookup that started before a token change does not store its verdict. */
  private generation = 0;

  constructor(private readonly lookup: TokenLookup, { max = 10_000, ttlMs = 60_000 }: TokenVerifierOptions = {}) {
    this.verdicts = new LRUCache({ max, ttl: ttlMs });
  }

  /** Whether `token` (whose SHA-256 is `digest`) is a real API token: the remembered verdict, or a lookup. */
  async verify(token: string, digest: string): Promise<boolean> {
    const known = this.verdicts.get(digest);
    if (known !== undefined) return known;
    const generation = this.generation;
    const valid = await this.lookup(token);
    if (generation === this.generation) this.verdicts.set(digest, valid);
    return valid;
  }

  clear(): void {
    this.generation += 1;
    this.verdicts.clear();
  }
}
