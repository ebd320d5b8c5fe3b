import { startChildStrapi, type ChildStrapi } from './child-strapi';
import { deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from './anti-abuse';
import { createSqliteDatabase, type TestDatabase } from './database';
import { startStrapi, type RunningStrapi } from './strapi';

export interface RedisPair {
  /** The instance in this process. */
  a: RunningStrapi;
  /** The instance in a child process: same secrets and settings, its own database and port. */
  b: ChildStrapi;
  /** The Redis key prefix the two share (ANTI_ABUSE_REDIS_PREFIX). */
  prefix: string;
}

/**
 * Two CMS instances sharing one Redis under a prefix of their own (what
 * they count, they count together), each on a SQLite database of its own.
 * `stop()` stops both, drops the databases and deletes the Redis keys,
 * whatever part of the start succeeded.
 */
export function redisPair(label: string): { start(env: Record<string, string>): Promise<RedisPair>; stop(): Promise<void> } {
  const prefix = uniqueRedisPrefix(label);
  const databases: TestDatabase[] = [];
  let a: RunningStrapi | undefined;
  let b: ChildStrapi | undefined;
  return {
    async start(env) {
      const shared = { ...env, REDIS_URL: testRedisUrl, ANTI_ABUSE_REDIS_PREFIX: prefix };
      const [first, second] = [createSqliteDatabase(), createSqliteDatabase()];
      databases.push(first, second);
      a = await startStrapi(first, shared);
      // Same secrets (APP_KEYS... are in process.env now) and settings, its own database and port.
      b = await startChildStrapi({ ...shared, ...second.env });
      return { a, b, prefix };
    },
    async stop() {
      await b?.stop();
      await a?.stop();
      for (const database of databases) await database.drop();
      await deleteRedisKeys(prefix);
      delete process.env.REDIS_URL;
      delete process.env.ANTI_ABUSE_REDIS_PREFIX;
    },
  };
}
