import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Lease, LeaseLock } from './lease-lock';

/*
 * The single-Redis lock of the Redis documentation: `SET key token NX PX ttl`
 * takes the lease, and a script changes or deletes the key only while it
 * still holds our token (compare-and-expire, compare-and-delete), so an
 * instance whose lease expired can never extend or free the next holder's.
 *
 * Why not the `redlock` package: Redlock's point is a quorum of independent
 * Redis servers; with the one Redis this deployment has it reduces to these
 * two commands. Its last stable release (4.2, 2020) predates ioredis 5 and
 * v5 has been a beta since 2022, while ioredis is already a dependency.
 */

/** KEYS[1] the lock, ARGV[1] our token, ARGV[2] ms to keep it (0: delete). 1 when it was ours. */
const COMPARE_AND_EXPIRE = `
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
if tonumber(ARGV[2]) > 0 then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return redis.call('del', KEYS[1])
`;

type WithScript = Redis & { leaseCompareAndExpire(key: string, token: string, ms: string): Promise<number> };

export interface RedisLeaseLockOptions {
  url: string;
  /** Prefix of the lock keys (JOBS_REDIS_PREFIX, default `chiudete:jobs:`). */
  keyPrefix: string;
}

export function createRedisLeaseLock(options: RedisLeaseLockOptions): LeaseLock {
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 1,
  }) as WithScript;
  // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
  client.on('error', () => {});
  client.defineCommand('leaseCompareAndExpire', { numberOfKeys: 1, lua: COMPARE_AND_EXPIRE });

  const whole = (ms: number) => String(Math.max(1, Math.round(ms)));

  return {
    kind: 'redis',
    async acquire(name, ttlMs): Promise<Lease | null> {
      const token = randomUUID();
      const reply = await client.set(name, token, 'PX', whole(ttlMs), 'NX');
      if (reply !== 'OK') return null;
      return {
        name,
        extend: async (ms) => (await client.leaseCompareAndExpire(name, token, whole(ms))) === 1,
        release: async (keepMs = 0) => {
          await client.leaseCompareAndExpire(name, token, keepMs > 0 ? whole(keepMs) : '0');
        },
      };
    },
    async close() {
      client.disconnect();
    },
  };
}
