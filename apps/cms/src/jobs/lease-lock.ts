/**
 * A lease lock: whoever holds the lease of a name may run the job of that
 * name; the lease expires by itself, so an instance that dies while holding
 * it blocks the job for at most one lease. Backends: Redis (REDIS_URL),
 * PostgreSQL (a lease row), or this process only (SQLite: one instance).
 */
export interface Lease {
  readonly name: string;
  /** Pushes the expiry to `ttlMs` from now; false when the lease was lost (expired and taken, or released). */
  extend(ttlMs: number): Promise<boolean>;
  /**
   * Gives the lease up. With `keepMs` > 0 the name stays taken for that long
   * (the same tick of a cron, fired a few ms later on another instance, must
   * not run again); otherwise it is free at once.
   */
  release(keepMs?: number): Promise<void>;
}

export interface LeaseLock {
  /** Which backend decides (logs, tests). */
  readonly kind: 'redis' | 'postgres' | 'local';
  /** The lease of `name` for `ttlMs`, or null when another holder has it. Throws when the backend cannot answer. */
  acquire(name: string, ttlMs: number): Promise<Lease | null>;
  close(): Promise<void>;
}

/** One process, no other instance (SQLite): a map of names to expiry times. */
export function createLocalLeaseLock(now: () => number = Date.now): LeaseLock {
  const held = new Map<string, { token: symbol; until: number }>();
  return {
    kind: 'local',
    async acquire(name, ttlMs) {
      const current = held.get(name);
      if (current && current.until > now()) return null;
      const token = Symbol(name);
      held.set(name, { token, until: now() + ttlMs });
      const mine = () => held.get(name)?.token === token;
      return {
        name,
        async extend(ms) {
          if (!mine()) return false;
          held.set(name, { token, until: now() + ms });
          return true;
        },
        async release(keepMs = 0) {
          if (!mine()) return;
          if (keepMs > 0) held.set(name, { token, until: now() + keepMs });
          else held.delete(name);
        },
      };
    },
    async close() {
      held.clear();
    },
  };
}
