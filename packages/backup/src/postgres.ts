import path from 'node:path';
import pg from 'pg';
import { BackupError } from './errors.ts';
import { run } from './run.ts';
import type { Env } from './env.ts';
import type { PostgresConnection } from './targets.ts';

/**
 * PostgreSQL with Debian's pg_dump / pg_restore. The row counts of the
 * manifest are read in the very snapshot pg_dump dumps (pg_export_snapshot),
 * so they match the dump exactly even while the CMS keeps writing.
 */

type Client = pg.Client;

const connect = async (connection: PostgresConnection): Promise<Client> => {
  const client = new pg.Client({ ...connection, ssl: connection.ssl || undefined });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to PostgreSQL: ${(error as Error).message}`, { cause: error });
  }
  return client;
};

/** libpq's view of the same connection: arguments and environment, the password never on the command line. */
function libpq(connection: PostgresConnection, env: Env): { args: string[]; env: NodeJS.ProcessEnv } {
  const base: NodeJS.ProcessEnv = { ...process.env, ...env, PGCONNECT_TIMEOUT: '30' };
  if (connection.ssl) base.PGSSLMODE ??= 'require';
  if (connection.connectionString) {
    const url = new URL(connection.connectionString);
    if (url.password) base.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
    return { args: [`--dbname=${url.toString()}`], env: base };
  }
  Object.assign(base, {
    PGHOST: connection.host,
    PGPORT: String(connection.port),
    PGDATABASE: connection.database,
    PGUSER: connection.user,
    PGPASSWORD: connection.password,
  });
  return { args: [`--dbname=${connection.database}`], env: base };
}

const tool = (env: Env, name: 'pg_dump' | 'pg_restore') => (env.PG_BIN_DIR ? path.join(env.PG_BIN_DIR, name) : name);

async function toolVersion(env: Env, name: 'pg_dump' | 'pg_restore'): Promise<{ text: string; major: number }> {
  const text = (await run(tool(env, name), ['--version'], { ...process.env, ...env })).trim();
  const match = /(\d+)(?:\.\d+)?/.exec(text.replace(/^[^)]*\)/, ''));
  if (!match) throw new BackupError(`Cannot read the version of ${name} from "${text}".`);
  return { text, major: Number(match[1]) };
}

async function serverVersion(client: Client): Promise<{ text: string; major: number }> {
  const { rows } = await client.query<{ server_version: string; num: string }>('SELECT current_setting(\'server_version\') AS server_version, current_setting(\'server_version_num\') AS num');
  return { text: rows[0]!.server_version, major: Math.floor(Number(rows[0]!.num) / 10000) };
}

/** Every table (`schema.table`) outside PostgreSQL's own schemas, in a stable order. */
async function listTables(client: Client): Promise<Array<{ schema: string; table: string }>> {
  const { rows } = await client.query<{ schema: string; table: string }>(`
    SELECT n.nspname AS schema, c.relname AS table
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
     ORDER BY 1, 2`);
  return rows;
}

async function countRows(client: Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { schema, table } of await listTables(client)) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`);
    counts[`${schema}.${table}`] = Number(rows[0]!.n);
  }
  return counts;
}

export interface PostgresDump {
  tables: Record<string, number>;
  serverVersion: string;
  dumpVersion: string;
}

/** pg_dump in custom format, compressed by pg_dump itself (gzip, its default), into `file`. */
export async function dumpPostgres(connection: PostgresConnection, file: string, env: Env): Promise<PostgresDump> {
  const dumpTool = await toolVersion(env, 'pg_dump');
  const client = await connect(connection);
  try {
    const server = await serverVersion(client);
    if (dumpTool.major < server.major) {
      throw new BackupError(`pg_dump ${dumpTool.major} cannot dump a PostgreSQL ${server.major} server: install postgresql-client-${server.major} (or newer) and, if it is not first on PATH, set PG_BIN_DIR (Debian: /usr/lib/postgresql/${server.major}/bin).`);
    }
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const tables = await countRows(client);
    const { args, env: toolEnv } = libpq(connection, env);
    await run(tool(env, 'pg_dump'), ['--format=custom', `--snapshot=${rows[0]!.snapshot}`, `--file=${file}`, '--no-password', ...args], toolEnv);
    await client.query('COMMIT');
    return { tables, serverVersion: server.text, dumpVersion: dumpTool.text };
  } finally {
    await client.end();
  }
}

/** Tables in the database, for the "restore only into an empty database" rule. */
export async function postgresTables(connection: PostgresConnection): Promise<string[]> {
  const client = await connect(connection);
  try {
    return (await listTables(client)).map(({ schema, table }) => `${schema}.${table}`);
  } finally {
    await client.end();
  }
}

/** --force: drops every schema but PostgreSQL's own (and everything in them), then recreates an empty `public`. */
async function emptyDatabase(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT nspname AS name FROM pg_namespace
     WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'`);
  await client.query('BEGIN');
  for (const { name } of rows) await client.query(`DROP SCHEMA ${client.escapeIdentifier(name)} CASCADE`);
  await client.query('CREATE SCHEMA public');
  await client.query('COMMIT');
}

/** pg_restore of the dump in one transaction (all or nothing), then ANALYZE; returns the restored row counts. */
export async function restorePostgres(connection: PostgresConnection, file: string, env: Env, { force }: { force: boolean }): Promise<Record<string, number>> {
  await toolVersion(env, 'pg_restore');
  const client = await connect(connection);
  try {
    if (force) await emptyDatabase(client);
    const { args, env: toolEnv } = libpq(connection, env);
    await run(tool(env, 'pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--no-password', ...args, file], toolEnv);
    await client.query('ANALYZE');
    return await countRows(client);
  } finally {
    await client.end();
  }
}

export async function postgresRowCounts(connection: PostgresConnection): Promise<Record<string, number>> {
  const client = await connect(connection);
  try {
    return await countRows(client);
  } finally {
    await client.end();
  }
}
