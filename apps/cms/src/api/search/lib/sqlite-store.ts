import { SEARCH_MAX_RESULTS, SEARCH_TYPES, type SearchType } from '@chiudete/types';
import { isStopword, stemmedText } from './analysis';
import type { IndexDocument } from './documents';
import { EXCERPT_WORDS, highlightAll, highlightExcerpt } from './highlight';
import { queryTerms, type CorrectionCandidate, type QueryGroup, type QueryTerm } from './query';
import { placeholders, type Binding, type Sql } from './sql';
import { COUNT_LIMIT, WEIGHTS, emptyCounts, pastResults, type SearchStore, type StoreQuery, type StoreResult, type StoredHit } from './store';
import { ENTRIES_TABLE, FTS_TABLE, LEGACY_TERMS_TABLE, META_TABLE, TRIGRAMS_TABLE, VOCABULARY_TABLE } from './tables';
import { applyVocabularyDelta, vocabularyCandidates, vocabularyDelta, type Rows, type VocabularyTables } from './vocabulary';

/**
 * The index on SQLite (local development, tests): an FTS5 table ranked with
 * bm25(). FTS5 cannot run a JavaScript tokenizer, so what it indexes is the
 * text already analysed (src/api/search/lib/analysis.ts: ICU words, folded, Snowball
 * Italian stems); its `unicode61 remove_diacritics 2` tokenizer then only
 * splits on the spaces between stems. The table is contentless (the stems
 * are never read back): titles and texts for display live in
 * `search_entries`, and highlights are computed from them with the same
 * analysis, so what is marked is exactly what matched.
 *
 * Two choices keep every statement short at any size (store.ts):
 * - the FTS row id of an entry is its `rank_key`: the minute of publication
 *   times 2^27 plus the entry's id, so FTS5's own order (by row id) is
 *   "newest first": the newest matches are read from the full-text index in
 *   order, and only those are ranked;
 * - a fourth FTS column, `kind`, holds the entry's type, so matches are
 *   counted per type (up to a limit) inside the full-text index, without a
 *   join.
 * SQLite runs on the CMS's event loop (better-sqlite3 is synchronous): a
 * long statement would stall every other request.
 */

// 3: the editorial date of each entry (entry_date), and parts and blocks end as
// sentences (documents.ts `lines`) so snippets never run them together (issue #16).
const VERSION = 'sqlite-fts5/3';

/** Ids below 2^27 and minutes since 2000 below 2^26 keep `rank_key` under 2^53 (a JavaScript number). */
const ID_BITS = 2 ** 27;
const EPOCH_2000 = Date.UTC(2000, 0, 1);
const MAX_MINUTES = 2 ** 26 - 1;

/** The FTS row id of an entry (see the module comment). */
export function rankKey(publishedAt: string, id: number): number {
  if (!Number.isSafeInteger(id) || id < 1 || id >= ID_BITS) throw new Error(`[search] Entry id ${id} is out of the SQLite index's range (1 to 2^27)`);
  const minutes = Math.min(MAX_MINUTES, Math.max(0, Math.floor((Date.parse(publishedAt) - EPOCH_2000) / 60_000) || 0));
  return minutes * ID_BITS + id;
}

interface EntryRow {
  id: number;
  type: SearchType;
  document_id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  published_at: string;
  entry_date: string;
  rank_key: number;
}

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** An FTS5 query expression: each word a quoted stem, each phrase a quoted sequence of stems. */
export function ftsExpression(groups: readonly QueryGroup[], mode: 'all' | 'any'): string {
  const parts = groups.map((group) => quoted(group.kind === 'term' ? group.term.stem : group.terms.map((t) => t.stem).join(' ')));
  return parts.join(mode === 'all' ? ' AND ' : ' OR ');
}

/** The query on the text columns, optionally of one type only. */
const matchOf = (expression: string, type: SearchType | null) =>
  `${type ? `{kind} : ${quoted(type)} AND ` : ''}{title summary body} : (${expression})`;

const CHUNK = 200;
const chunked = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export function createSqliteStore(db: Sql): SearchStore {
  const rows: Rows = async <T>(runner: Sql, sql: string, bindings: readonly Binding[] = []) => (await runner.raw(sql, bindings)) as T[];
  const all = <T>(sql: string, bindings: readonly Binding[] = []) => rows<T>(db, sql, bindings);
  const vocabularyTables: VocabularyTables = { vocabulary: VOCABULARY_TABLE, trigrams: TRIGRAMS_TABLE, vocabularyName: VOCABULARY_TABLE };

  async function storedVersion(): Promise<string | null> {
    const tables = await all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [META_TABLE]);
    if (tables.length === 0) return null;
    const found = await all<{ value: string }>(`SELECT value FROM ${META_TABLE} WHERE key = 'version'`);
    return found[0]?.value ?? null;
  }

  /** The stored rows of these entries of one type. */
  async function existing(runner: Sql, type: SearchType, documentIds: readonly string[]): Promise<EntryRow[]> {
    const found: EntryRow[] = [];
    for (const chunk of chunked(documentIds)) {
      found.push(...await rows<EntryRow>(runner, `SELECT * FROM ${ENTRIES_TABLE} WHERE type = ? AND document_id IN (${placeholders(chunk.length)})`, [type, ...chunk]));
    }
    return found;
  }

  async function deleteFts(runner: Sql, keys: readonly number[]): Promise<void> {
    for (const chunk of chunked(keys)) await runner.raw(`DELETE FROM ${FTS_TABLE} WHERE rowid IN (${placeholders(chunk.length)})`, chunk);
  }

  /** Whether the stored row already says what the document says (a rebuild then leaves it alone). */
  const unchanged = (row: EntryRow | undefined, document: IndexDocument) =>
    row !== undefined && row.slug === document.slug && row.title === document.title && row.summary === document.summary
    && row.body === document.body && row.published_at === document.publishedAt && row.entry_date === document.date;

  async function upsertIn(runner: Sql, documents: readonly IndexDocument[]): Promise<void> {
    const now = new Date().toISOString();
    const stored: EntryRow[] = [];
    for (const type of new Set(documents.map((document) => document.type))) {
      const ofType = documents.filter((document) => document.type === type);
      stored.push(...await existing(runner, type, ofType.map((document) => document.documentId)));
    }
    const previous = new Map(stored.map((row) => [`${row.type}:${row.document_id}`, row]));
    const changed = documents.filter((document) => !unchanged(previous.get(`${document.type}:${document.documentId}`), document));
    if (changed.length === 0) return;
    const replaced = changed.map((document) => previous.get(`${document.type}:${document.documentId}`)).filter((row): row is EntryRow => row !== undefined);
    await deleteFts(runner, replaced.map((row) => row.rank_key));

    const ftsRows: Array<[number, string, string, string, string]> = [];
    const inserted: Array<[number, IndexDocument]> = [];
    // New entries get their ids here, in one INSERT: the row id is part of the FTS row id (`rank_key`).
    // One writer at a time on SQLite, inside this transaction: the next id is ours.
    const [{ last } = { last: 0 }] = await rows<{ last: number }>(runner,
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM ${ENTRIES_TABLE}), 0)) AS last`,
      [ENTRIES_TABLE],
    );
    let next = Number(last);
    for (const document of changed) {
      const { type, documentId, slug, title, summary, body, publishedAt, date } = document;
      const old = previous.get(`${type}:${documentId}`);
      if (old) {
        await runner.raw(
          `UPDATE ${ENTRIES_TABLE} SET slug = ?, title = ?, summary = ?, body = ?, published_at = ?, entry_date = ?, indexed_at = ?, rank_key = ? WHERE id = ?`,
          [slug, title, summary, body, publishedAt, date, now, rankKey(publishedAt, old.id), old.id],
        );
      } else {
        inserted.push([++next, document]);
      }
      ftsRows.push([rankKey(publishedAt, old?.id ?? next), stemmedText(title), stemmedText(summary), stemmedText(body), type]);
    }
    for (const chunk of chunked(inserted)) {
      await runner.raw(
        `INSERT INTO ${ENTRIES_TABLE} (id, type, document_id, slug, title, summary, body, published_at, entry_date, indexed_at, rank_key)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(([id, { type, documentId, slug, title, summary, body, publishedAt, date }]) => [id, type, documentId, slug, title, summary, body, publishedAt, date, now, rankKey(publishedAt, id)]),
      );
    }
    for (const chunk of chunked(ftsRows)) {
      await runner.raw(`INSERT INTO ${FTS_TABLE} (rowid, title, summary, body, kind) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, chunk.flat());
    }
    await applyVocabularyDelta(runner, vocabularyTables, rows, vocabularyDelta(replaced, changed));
  }

  async function removeIn(runner: Sql, type: SearchType, documentIds: readonly string[]): Promise<void> {
    const removed = await existing(runner, type, documentIds);
    if (removed.length === 0) return;
    // The trigger deletes their full-text rows.
    for (const chunk of chunked(removed.map((row) => row.id))) await runner.raw(`DELETE FROM ${ENTRIES_TABLE} WHERE id IN (${placeholders(chunk.length)})`, chunk);
    await applyVocabularyDelta(runner, vocabularyTables, rows, vocabularyDelta(removed, []));
  }

  const inTransaction = (runner: Sql | undefined, run: (trx: Sql) => Promise<void>) => (runner ? run(runner) : db.transaction(run));

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
        for (const table of [FTS_TABLE, LEGACY_TERMS_TABLE, TRIGRAMS_TABLE, VOCABULARY_TABLE, ENTRIES_TABLE, META_TABLE]) await trx.raw(`DROP TABLE IF EXISTS ${table}`);
        await trx.raw(`CREATE TABLE ${ENTRIES_TABLE} (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          type TEXT NOT NULL,
          document_id TEXT NOT NULL,
          slug TEXT NOT NULL,
          title TEXT NOT NULL,
          summary TEXT NOT NULL,
          body TEXT NOT NULL,
          published_at TEXT NOT NULL,
          entry_date TEXT NOT NULL,
          indexed_at TEXT NOT NULL,
          rank_key INTEGER UNIQUE,
          UNIQUE (type, document_id)
        )`);
        // Whatever deletes an entry (this store, or anyone with SQL) deletes its full-text row: no orphan can match.
        await trx.raw(`CREATE TRIGGER ${ENTRIES_TABLE}_fts_delete AFTER DELETE ON ${ENTRIES_TABLE} BEGIN
          DELETE FROM ${FTS_TABLE} WHERE rowid = old.rank_key;
        END`);
        await trx.raw(`CREATE VIRTUAL TABLE ${FTS_TABLE} USING fts5(
          title, summary, body, kind,
          content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2'
        )`);
        await trx.raw(`CREATE TABLE ${VOCABULARY_TABLE} (
          word TEXT NOT NULL,
          display TEXT NOT NULL,
          documents INTEGER NOT NULL,
          PRIMARY KEY (word, display)
        ) WITHOUT ROWID`);
        await trx.raw(`CREATE TABLE ${TRIGRAMS_TABLE} (
          trigram TEXT NOT NULL,
          word_length INTEGER NOT NULL,
          word TEXT NOT NULL,
          grams INTEGER NOT NULL,
          PRIMARY KEY (trigram, word_length, word)
        ) WITHOUT ROWID`);
        await trx.raw(`CREATE TABLE ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
        await trx.raw(`INSERT INTO ${META_TABLE} (key, value) VALUES ('version', ?)`, [VERSION]);
      });
      return true;
    },

    upsertMany: (documents, runner) => (documents.length === 0 ? Promise.resolve() : inTransaction(runner, (trx) => upsertIn(trx, documents))),

    removeMany: (type, documentIds, runner) => (documentIds.length === 0 ? Promise.resolve() : inTransaction(runner, (trx) => removeIn(trx, type, documentIds))),

    async listIndexed(type, afterId, limit) {
      const found = await all<{ id: number; document_id: string }>(`SELECT id, document_id FROM ${ENTRIES_TABLE} WHERE type = ? AND id > ? ORDER BY id LIMIT ?`, [type, afterId, limit]);
      return found.map((row) => ({ id: Number(row.id), documentId: row.document_id }));
    },

    async countByType() {
      const counts = emptyCounts();
      for (const row of await all<{ type: SearchType; n: number }>(`SELECT type, count(*) AS n FROM ${ENTRIES_TABLE} GROUP BY type`)) {
        if (row.type in counts) counts[row.type] = Number(row.n);
      }
      return counts;
    },

    async hasTerm(term: QueryTerm) {
      const found = await all(`SELECT rowid FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? LIMIT 1`, [matchOf(quoted(term.stem), null)]);
      return found.length > 0;
    },

    correctionCandidates: (folded, maxDistance): Promise<CorrectionCandidate[]> => vocabularyCandidates(db, vocabularyTables, rows, folded, maxDistance),

    async search(query: StoreQuery): Promise<StoreResult> {
      const expression = ftsExpression(query.groups, query.mode);
      const counts = emptyCounts();
      for (const type of SEARCH_TYPES) {
        const [row] = await all<{ n: number }>(`SELECT count(*) AS n FROM (SELECT rowid FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? LIMIT ?)`, [matchOf(expression, type), COUNT_LIMIT]);
        counts[type] = Number(row?.n ?? 0);
      }
      if (pastResults(counts, query.type, query.offset)) return { counts, hits: [] };
      const match = matchOf(expression, query.type);

      // The newest SEARCH_MAX_RESULTS matches (FTS5 reads them in row id order, newest first), and only those ranked.
      const page = await all<{ key: number; rank: number }>(
        `SELECT key, rank FROM (
           SELECT rowid AS key, bm25(${FTS_TABLE}, ${placeholders(4)}) AS rank FROM ${FTS_TABLE}
           WHERE ${FTS_TABLE} MATCH ? ORDER BY rowid DESC LIMIT ?
         ) ORDER BY rank ASC, key DESC LIMIT ? OFFSET ?`,
        [WEIGHTS.title, WEIGHTS.summary, WEIGHTS.body, 0, match, SEARCH_MAX_RESULTS, query.limit, query.offset],
      );
      const entries = page.length === 0
        ? []
        : await all<EntryRow>(`SELECT * FROM ${ENTRIES_TABLE} WHERE rank_key IN (${placeholders(page.length)})`, page.map((row) => row.key));
      const byKey = new Map(entries.map((entry) => [Number(entry.rank_key), entry]));

      const stems = highlightStems(query.groups);
      const hits: StoredHit[] = page.flatMap(({ key, rank }) => {
        const row = byKey.get(Number(key));
        if (!row) return [];
        return [{
          type: row.type,
          documentId: row.document_id,
          slug: row.slug,
          title: row.title,
          titleSegments: highlightAll(row.title, stems),
          excerpt: highlightExcerpt([row.summary, row.body].filter(Boolean).join('\n\n'), stems, EXCERPT_WORDS),
          publishedAt: row.published_at,
          date: row.entry_date,
          // bm25() is lower for better matches; the API reports "higher is better".
          score: Math.round(-rank * 10_000) / 10_000,
        }];
      });
      return { counts, hits };
    },

    async readMeta(key) {
      return (await all<{ value: string }>(`SELECT value FROM ${META_TABLE} WHERE key = ?`, [key]))[0]?.value ?? null;
    },

    async writeMeta(key, value, runner) {
      const target = runner ?? db;
      if (value === null) await target.raw(`DELETE FROM ${META_TABLE} WHERE key = ?`, [key]);
      else await target.raw(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
    },
  };
}
