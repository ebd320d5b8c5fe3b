import type { SearchType } from '@chiudete/types';
import { isStopword, stemmedText, vocabulary } from './analysis';
import type { IndexDocument } from './documents';
import { EXCERPT_WORDS, highlightAll, highlightExcerpt } from './highlight';
import { queryTerms, type CorrectionCandidate, type QueryGroup, type QueryTerm } from './query';
import { placeholders, type Binding, type Sql } from './sql';
import { WEIGHTS, chunks, emptyCounts, type SearchStore, type StoreQuery, type StoreResult, type StoredHit } from './store';

/**
 * The index on SQLite (local development, tests): an FTS5 table ranked with
 * bm25(). FTS5 cannot run a JavaScript tokenizer, so what it indexes is the
 * text already analysed (src/search/analysis.ts: ICU words, folded, Snowball
 * Italian stems); its `unicode61 remove_diacritics 2` tokenizer then only
 * splits on the spaces between stems. The table is contentless (the stems
 * are never read back): titles and texts for display live in
 * `search_entries`, and highlights are computed from them with the same
 * analysis, so what is marked is exactly what matched.
 */

const VERSION = 'sqlite-fts5/1';

const ENTRIES = 'search_entries';
const FTS = 'search_fts';
const TERMS = 'search_terms';
const META = 'search_meta';

interface EntryRow {
  id: number;
  type: SearchType;
  document_id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  published_at: string;
  rank: number;
}

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** An FTS5 query expression: each word a quoted stem, each phrase a quoted sequence of stems. */
export function ftsExpression(groups: readonly QueryGroup[], mode: 'all' | 'any'): string {
  const parts = groups.map((group) => quoted(group.kind === 'term' ? group.term.stem : group.terms.map((t) => t.stem).join(' ')));
  return parts.join(mode === 'all' ? ' AND ' : ' OR ');
}

export function createSqliteStore(db: Sql): SearchStore {
  const all = async <T>(sql: string, bindings: readonly Binding[] = []): Promise<T[]> => (await db.raw(sql, bindings)) as T[];

  async function storedVersion(): Promise<string | null> {
    const tables = await all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [META]);
    if (tables.length === 0) return null;
    const rows = await all<{ value: string }>(`SELECT value FROM ${META} WHERE key = 'version'`);
    return rows[0]?.value ?? null;
  }

  async function write(trx: Sql, document: IndexDocument): Promise<void> {
    const { type, documentId, slug, title, summary, body, publishedAt } = document;
    const [row] = (await trx.raw(
      `INSERT INTO ${ENTRIES} (type, document_id, slug, title, summary, body, published_at, indexed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (type, document_id) DO UPDATE SET
         slug = excluded.slug, title = excluded.title, summary = excluded.summary, body = excluded.body,
         published_at = excluded.published_at, indexed_at = excluded.indexed_at
       RETURNING id`,
      [type, documentId, slug, title, summary, body, publishedAt, new Date().toISOString()],
    )) as Array<{ id: number }>;
    const id = row!.id;
    await trx.raw(`DELETE FROM ${FTS} WHERE rowid = ?`, [id]);
    await trx.raw(`INSERT INTO ${FTS} (rowid, title, summary, body) VALUES (?, ?, ?, ?)`, [id, stemmedText(title), stemmedText(summary), stemmedText(body)]);
    await trx.raw(`DELETE FROM ${TERMS} WHERE entry_id = ?`, [id]);
    for (const chunk of chunks(vocabulary(title, summary, body))) {
      await trx.raw(
        `INSERT INTO ${TERMS} (entry_id, word, display) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
        chunk.flatMap(({ word, display }) => [id, word, display]),
      );
    }
  }

  async function removeIn(trx: Sql, type: SearchType, documentId: string): Promise<void> {
    const rows = (await trx.raw(`SELECT id FROM ${ENTRIES} WHERE type = ? AND document_id = ?`, [type, documentId])) as Array<{ id: number }>;
    for (const { id } of rows) {
      await trx.raw(`DELETE FROM ${FTS} WHERE rowid = ?`, [id]);
      await trx.raw(`DELETE FROM ${TERMS} WHERE entry_id = ?`, [id]);
      await trx.raw(`DELETE FROM ${ENTRIES} WHERE id = ?`, [id]);
    }
  }

  /** The stems to mark: the query's words, without the stop words of its phrases (PostgreSQL does not mark those either). */
  const highlightStems = (groups: readonly QueryGroup[]) =>
    new Set(queryTerms({ groups: [...groups] }).filter((term) => !isStopword(term.folded)).map((term) => term.stem));

  return {
    engine: 'sqlite',
    version: () => VERSION,

    async prepare() {
      const stored = await storedVersion();
      if (stored === VERSION) return false;
      await db.transaction(async (trx) => {
        for (const table of [FTS, TERMS, ENTRIES, META]) await trx.raw(`DROP TABLE IF EXISTS ${table}`);
        await trx.raw(`CREATE TABLE ${ENTRIES} (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          type TEXT NOT NULL,
          document_id TEXT NOT NULL,
          slug TEXT NOT NULL,
          title TEXT NOT NULL,
          summary TEXT NOT NULL,
          body TEXT NOT NULL,
          published_at TEXT NOT NULL,
          indexed_at TEXT NOT NULL,
          UNIQUE (type, document_id)
        )`);
        await trx.raw(`CREATE VIRTUAL TABLE ${FTS} USING fts5(
          title, summary, body,
          content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2'
        )`);
        await trx.raw(`CREATE TABLE ${TERMS} (
          entry_id INTEGER NOT NULL,
          word TEXT NOT NULL,
          display TEXT NOT NULL,
          PRIMARY KEY (word, entry_id)
        )`);
        await trx.raw(`CREATE INDEX ${TERMS}_entry_idx ON ${TERMS} (entry_id)`);
        await trx.raw(`CREATE TABLE ${META} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
        await trx.raw(`INSERT INTO ${META} (key, value) VALUES ('version', ?)`, [VERSION]);
      });
      return true;
    },

    async rebuild(documents) {
      await db.transaction(async (trx) => {
        await trx.raw(`INSERT INTO ${FTS} (${FTS}) VALUES ('delete-all')`);
        await trx.raw(`DELETE FROM ${TERMS}`);
        await trx.raw(`DELETE FROM ${ENTRIES}`);
        for (const document of documents) await write(trx, document);
      });
    },

    upsert: (document) => db.transaction((trx) => write(trx, document)),

    remove: (type, documentId) => db.transaction((trx) => removeIn(trx, type, documentId)),

    async countByType() {
      const counts = emptyCounts();
      for (const row of await all<{ type: SearchType; n: number }>(`SELECT type, count(*) AS n FROM ${ENTRIES} GROUP BY type`)) {
        if (row.type in counts) counts[row.type] = Number(row.n);
      }
      return counts;
    },

    async hasTerm(term: QueryTerm) {
      const rows = await all(`SELECT rowid FROM ${FTS} WHERE ${FTS} MATCH ? LIMIT 1`, [quoted(term.stem)]);
      return rows.length > 0;
    },

    async correctionCandidates(folded, maxDistance): Promise<CorrectionCandidate[]> {
      const rows = await all<{ word: string; display: string; documents: number }>(
        `SELECT word, max(display) AS display, count(*) AS documents FROM ${TERMS}
         WHERE length(word) BETWEEN ? AND ? GROUP BY word`,
        [folded.length - maxDistance, folded.length + maxDistance],
      );
      return rows.map((row) => ({ word: row.word, display: row.display, documents: Number(row.documents) }));
    },

    async search(query: StoreQuery): Promise<StoreResult> {
      const match = ftsExpression(query.groups, query.mode);
      const counts = emptyCounts();
      const countRows = await all<{ type: SearchType; n: number }>(
        `SELECT e.type AS type, count(*) AS n FROM ${FTS} JOIN ${ENTRIES} e ON e.id = ${FTS}.rowid
         WHERE ${FTS} MATCH ? GROUP BY e.type`,
        [match],
      );
      for (const row of countRows) if (row.type in counts) counts[row.type] = Number(row.n);

      const typeFilter = query.type ? 'AND e.type = ?' : '';
      const rows = await all<EntryRow>(
        `SELECT e.id, e.type, e.document_id, e.slug, e.title, e.summary, e.body, e.published_at,
                bm25(${FTS}, ${placeholders(3)}) AS rank
         FROM ${FTS} JOIN ${ENTRIES} e ON e.id = ${FTS}.rowid
         WHERE ${FTS} MATCH ? ${typeFilter}
         ORDER BY rank ASC, e.published_at DESC, e.id DESC
         LIMIT ? OFFSET ?`,
        [WEIGHTS.title, WEIGHTS.summary, WEIGHTS.body, match, ...(query.type ? [query.type] : []), query.limit, query.offset],
      );

      const stems = highlightStems(query.groups);
      const hits: StoredHit[] = rows.map((row) => ({
        type: row.type,
        documentId: row.document_id,
        slug: row.slug,
        title: row.title,
        titleSegments: highlightAll(row.title, stems),
        excerpt: highlightExcerpt([row.summary, row.body].filter(Boolean).join('\n\n'), stems, EXCERPT_WORDS),
        publishedAt: row.published_at,
        // bm25() is lower for better matches; the API reports "higher is better".
        score: Math.round(-row.rank * 10_000) / 10_000,
      }));
      return { counts, hits };
    },
  };
}
