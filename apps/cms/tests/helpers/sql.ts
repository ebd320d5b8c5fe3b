import type { Core } from '@strapi/strapi';

/**
 * Raw SQL against the test Strapi's database, whatever the engine: rows,
 * the statements a piece of code runs (knex `query` events), and query
 * plans (SQLite `EXPLAIN QUERY PLAN`, PostgreSQL `EXPLAIN`).
 */

type Row = Record<string, unknown>;

const isPostgres = (strapi: Core.Strapi) => ['postgres', 'pg'].includes(strapi.db.dialect.client);

export async function rows<T = Row>(strapi: Core.Strapi, sql: string, bindings: readonly unknown[] = []): Promise<T[]> {
  const result = await strapi.db.connection.raw(sql, bindings as never) as unknown;
  return (isPostgres(strapi) ? (result as { rows: T[] }).rows : result) as T[];
}

export interface Statement {
  sql: string;
  bindings: unknown[];
}

interface KnexQueryEvent {
  sql: string;
  bindings?: unknown[];
}

/** The SQL statements `run` sends (transaction control excluded). */
export async function captureStatements(strapi: Core.Strapi, run: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const listener = (query: KnexQueryEvent) => {
    if (!/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(query.sql.trim())) statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  };
  const connection = strapi.db.connection as unknown as { on(event: 'query', listener: (query: KnexQueryEvent) => void): void; off(event: 'query', listener: (query: KnexQueryEvent) => void): void };
  connection.on('query', listener);
  try {
    await run();
  } finally {
    connection.off('query', listener);
  }
  return statements;
}

/**
 * The plan of a captured statement, as text. On PostgreSQL sequential scans,
 * bitmap scans and sorts are switched off for the occasion: a test database
 * is small enough for a scan and a sort to be cheapest, and the question here
 * is whether an index serves the query (its filter and its order), not what
 * the planner picks for a few hundred rows. `sorts: true` allows a sort (a
 * lookup of one row by an index, sorted afterwards, is the right plan).
 */
export async function explain(strapi: Core.Strapi, { sql, bindings }: Statement, { sorts = false } = {}): Promise<string> {
  if (!isPostgres(strapi)) {
    const plan = await rows<{ detail: string }>(strapi, `EXPLAIN QUERY PLAN ${sql}`, bindings);
    return plan.map((row) => row.detail).join('\n');
  }
  // knex's query events carry PostgreSQL's $n placeholders, in order: back to knex's `?`.
  const text = sql.replace(/\$\d+/g, '?');
  return strapi.db.connection.transaction(async (trx) => {
    for (const setting of ['enable_seqscan', 'enable_bitmapscan', ...(sorts ? [] : ['enable_sort'])]) await trx.raw(`SET LOCAL ${setting} = off`);
    const result = await trx.raw(`EXPLAIN ${text}`, bindings as never) as { rows: Array<{ 'QUERY PLAN': string }> };
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

/** Index names of a table. */
export async function indexNames(strapi: Core.Strapi, table: string): Promise<string[]> {
  const found = isPostgres(strapi)
    ? await rows<{ name: string }>(strapi, 'SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?', [table])
    : await rows<{ name: string }>(strapi, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`, [table]);
  return found.map((row) => row.name);
}
