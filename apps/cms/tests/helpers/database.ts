import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  /** Environment variables that point Strapi's config/database.ts at it. */
  env: Record<string, string>;
  /** Runs a query with a connection of its own (`?` placeholders), e.g. while Strapi is stopped. */
  query<T = Record<string, unknown>>(sql: string, bindings?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

interface SqliteDatabase {
  prepare(sql: string): { all(...bindings: unknown[]): unknown[] };
  close(): void;
}
type SqliteConstructor = new (filename: string, options: { readonly: boolean }) => SqliteDatabase;
// Strapi's own SQLite driver (a dependency of the CMS); loaded with require, it ships no types here.
const openSqlite = (filename: string) => new (createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor)(filename, { readonly: true });

/** A temp directory for Strapi's public files, so uploads never land in the repo. */
function createPublicDir(): { env: Record<string, string>; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cms-public-'));
  mkdirSync(path.join(dir, 'uploads'));
  return { env: { PUBLIC_DIR: dir }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh SQLite file in a temp directory. */
export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'cms-test-'));
  const publicDir = createPublicDir();
  const filename = path.join(dir, 'data.db');
  return {
    kind: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename, ...publicDir.env },
    query: async <T>(sql: string, bindings: unknown[] = []) => {
      const db = openSqlite(filename);
      try {
        return db.prepare(sql).all(...bindings) as T[];
      } finally {
        db.close();
      }
    },
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      publicDir.remove();
    },
  };
}

/**
 * The PostgreSQL server used by the tests: `TEST_POSTGRES_URL` (a URL whose
 * user may create databases). Tests skip loudly without it, and fail when
 * `REQUIRE_POSTGRES=1` (CI) says they must run.
 */
export const postgresAdminUrl = process.env.TEST_POSTGRES_URL;
export const postgresRequired = process.env.REQUIRE_POSTGRES === '1';

export function postgresSkipReason(): string | undefined {
  if (postgresAdminUrl) return undefined;
  if (postgresRequired) {
    throw new Error('REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set: the PostgreSQL tests cannot be skipped.');
  }
  const reason = 'TEST_POSTGRES_URL is not set: SKIPPING the PostgreSQL tests.';
  console.warn(`\n${'!'.repeat(reason.length)}\n${reason}\n${'!'.repeat(reason.length)}\n`);
  return reason;
}

/** A new database with a unique name on the test PostgreSQL server, dropped afterwards. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  if (!postgresAdminUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `cms_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const publicDir = createPublicDir();
  return {
    kind: 'postgres',
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), ...publicDir.env },
    query: async <T>(sql: string, bindings: unknown[] = []) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        let n = 0;
        return (await client.query(sql.replace(/\?/g, () => `$${++n}`), bindings)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: async () => {
      publicDir.remove();
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
