import { randomUUID } from 'node:crypto';
import type { Lease, LeaseLock } from './lease-lock';

/*
 * A lease row per name in PostgreSQL, for deployments without Redis. Taking
 * it is one statement: insert the row, or take over an expired one
 * (`ON CONFLICT … DO UPDATE … WHERE expires_at < now()`), which PostgreSQL
 * serialises on the primary key, so two instances can never both win. Every
 * time is the database's clock, never the instances'.
 *
 * Why a row rather than an advisory lock: a session advisory lock lives on
 * one pooled connection, which knex hands to other queries; a transaction
 * advisory lock would keep a connection and a transaction open for the
 * whole job. The row also expires on its own, like the Redis key.
 */

export const LEASE_TABLE = 'cms_job_leases';

/** What the lock needs of Strapi's knex (`strapi.db.connection`): raw statements, outside any transaction. */
export interface RawSql {
  raw(sql: string, bindings: readonly unknown[]): PromiseLike<unknown>;
}

export function createPostgresLeaseLock(knex: RawSql, schema = 'public'): LeaseLock {
  const table = `${schema}.${LEASE_TABLE}`;
  let ready: Promise<void> | undefined;

  const createTable = async () => {
    const create = () =>
      knex.raw(`CREATE TABLE IF NOT EXISTS ?? (name varchar(200) PRIMARY KEY, holder varchar(64) NOT NULL, expires_at timestamptz NOT NULL)`, [table]);
    try {
      await create();
    } catch {
      // Two instances creating it at the same moment: one fails on the catalog's unique index; the table now exists.
      await create();
    }
  };
  const ensureTable = () => (ready ??= createTable().catch((error: unknown) => {
    ready = undefined;
    throw error;
  }));
  const interval = (ms: number) => `${Math.max(1, Math.round(ms))} milliseconds`;

  /** Sets the expiry while we still hold it (0 ms: deletes the row); true when it was ours. */
  const compareAndExpire = async (name: string, token: string, ms: number): Promise<boolean> => {
    const result = ms > 0
      ? await knex.raw(`UPDATE ?? SET expires_at = now() + ?::interval WHERE name = ? AND holder = ?`, [table, interval(ms), name, token])
      : await knex.raw(`DELETE FROM ?? WHERE name = ? AND holder = ?`, [table, name, token]);
    return (result as { rowCount: number }).rowCount === 1;
  };

  return {
    kind: 'postgres',
    async acquire(name, ttlMs): Promise<Lease | null> {
      await ensureTable();
      const token = randomUUID();
      const result = (await knex.raw(
        `INSERT INTO ?? AS lease (name, holder, expires_at) VALUES (?, ?, now() + ?::interval)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE lease.expires_at < now()
         RETURNING holder`,
        [table, name, token, interval(ttlMs)],
      )) as { rows: Array<{ holder: string }> };
      if (result.rows[0]?.holder !== token) return null;
      return {
        name,
        extend: (ms) => compareAndExpire(name, token, ms),
        release: async (keepMs = 0) => {
          await compareAndExpire(name, token, keepMs);
        },
      };
    },
    async close() {
      // The knex pool is Strapi's: closed by Strapi.
    },
  };
}
