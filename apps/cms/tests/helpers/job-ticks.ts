import { Redis } from 'ioredis';
import type { TestDatabase } from './database';
import { LEASE_TABLE } from '../../src/jobs/postgres-lease-lock';

/** The current holder of a cron's lease (a fresh token per tick), or null when nobody holds it. */
export type LeaseHolder = () => Promise<string | null>;

/** The holder of `cron:<task>` in Redis (REDIS_URL's lock, keys under JOBS_REDIS_PREFIX). */
export function redisLeaseHolder(url: string, keyPrefix: string, task: string): LeaseHolder & { close(): void } {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  return Object.assign(() => client.get(`${keyPrefix}cron:${task}`), { close: () => client.disconnect() });
}

/** The holder of `cron:<task>` in the PostgreSQL lease table (no Redis). */
export function postgresLeaseHolder(database: TestDatabase, task: string): LeaseHolder {
  return async () => (await database.query<{ holder: string }>(`SELECT holder FROM ${LEASE_TABLE} WHERE name = ?`, [`cron:${task}`]))[0]?.holder ?? null;
}

/**
 * Resolves once `count` whole ticks of a cron have run after the call, on
 * whichever instance: each tick takes the lease with a new token and gives it
 * back only when its work is done, so the token after the `count`-th new one
 * proves that tick finished. Instead of sleeping "long enough" before
 * asserting that the ticks changed nothing.
 */
export async function afterTicks(holder: LeaseHolder, count: number, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const initial = await holder();
  const seen = new Set<string>(initial ? [initial] : []);
  let fresh = 0;
  while (fresh <= count) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${count} tick(s) of ${what} (saw ${fresh})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    const current = await holder();
    if (current && !seen.has(current)) {
      seen.add(current);
      fresh++;
    }
  }
}
