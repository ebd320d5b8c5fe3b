import type { Core } from '@strapi/strapi';
import { SEARCH_TABLES } from '../../src/api/search/lib/tables';

const UIDS = ['api::testimony.testimony', 'api::article.article'] as const;

interface Meta {
  tableName: string;
  attributes: Record<string, { joinTable?: { name: string } }>;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * After a bulk load, refreshes the query planner's statistics of the tables
 * written (content, link tables, search index) so that the next queries are
 * planned for their new size: PostgreSQL `VACUUM (ANALYZE)` (which also marks
 * the pages all-visible, so index-only scans need no heap visit), SQLite
 * `ANALYZE`. Autovacuum would get there too, minutes later.
 */
export async function analyzeScaleTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const tables = new Set<string>(SEARCH_TABLES);
  for (const uid of UIDS) {
    const meta = strapi.db.metadata.get(uid) as unknown as Meta;
    tables.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes)) if (attribute.joinTable) tables.add(attribute.joinTable.name);
  }
  if (client === 'postgres' || client === 'pg') {
    const schema = strapi.db.getSchemaName() ?? 'public';
    const existing = new Set(((await knex.raw('SELECT tablename FROM pg_tables WHERE schemaname = ?', [schema])) as { rows: Array<{ tablename: string }> }).rows.map((row) => row.tablename));
    for (const table of tables) if (existing.has(table)) await knex.raw(`VACUUM (ANALYZE) ${quoted(schema)}.${quoted(table)}`);
    return;
  }
  await knex.raw('ANALYZE');
}
