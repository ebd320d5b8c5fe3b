import type { Core } from '@strapi/strapi';

/**
 * Only one process rebuilds the index at a time.
 * - PostgreSQL (several CMS instances share the database): a session-level
 *   advisory lock, taken with `pg_try_advisory_lock` on a connection held for
 *   the whole rebuild. If the process dies, PostgreSQL drops the connection
 *   and the lock with it: no stale lock to clear, and the next instance to
 *   boot resumes the rebuild where it stopped (rebuild.ts).
 * - SQLite: one process per database file; within it, the caller runs one
 *   rebuild at a time.
 */

const LOCK_KEY = 'chiudete:search-rebuild';

interface PgConnection {
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

const isPostgres = (strapi: Core.Strapi) => ['postgres', 'pg'].includes(strapi.db.dialect.client);

/** Runs `task` holding the rebuild lock; returns false (without running it) when another process holds it. */
export async function withRebuildLock(strapi: Core.Strapi, task: () => Promise<void>): Promise<boolean> {
  if (!isPostgres(strapi)) {
    await task();
    return true;
  }
  const client = (strapi.db.connection as unknown as { client: KnexClient }).client;
  const connection = await client.acquireConnection();
  try {
    const { rows } = await connection.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK_KEY]);
    if (rows[0]?.locked !== true) return false;
    try {
      await task();
    } finally {
      await connection.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]);
    }
    return true;
  } finally {
    await client.releaseConnection(connection);
  }
}
