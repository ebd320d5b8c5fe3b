import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../e2e/stack.ts';

/** The PostgreSQL driver of the CMS (a dependency of apps/cms, not of the repository's root). */
interface PgClient {
  connect(): Promise<void>;
  query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
const pg = createRequire(path.join(root, 'apps/cms/package.json'))('pg') as { Client: new (options: { connectionString: string }) => PgClient };

export const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScaleDatabase {
  url: string;
  /** One query on a fresh connection (the test's own reads, never through the CMS). */
  query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, run: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database for one run, dropped afterwards. */
export async function createScaleDatabase(): Promise<ScaleDatabase> {
  const name = `scale_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withClient(postgresUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: async <R>(sql: string, values?: unknown[]) => withClient(url.toString(), async (client) => (await client.query<R>(sql, values)).rows),
    drop: () => withClient(postgresUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Whether PostgreSQL answers. */
export async function postgresReachable(): Promise<boolean> {
  try {
    await withClient(postgresUrl, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}
