import { SEARCH_MAX_RESULTS, SEARCH_TYPES, type SearchType } from '@chiudete/types';
import type { IndexDocument } from './documents';
import { EXCERPT_WORDS, MATCH_START, MATCH_STOP, segmentsFromHeadline, withoutMarkers } from './highlight';
import type { CorrectionCandidate, QueryGroup, QueryTerm } from './query';
import type { Binding, Sql } from './sql';
import { COUNT_LIMIT, WEIGHTS, emptyCounts, pastResults, type SearchStore, type StoreQuery, type StoreResult, type StoredHit } from './store';
import { ENTRIES_TABLE, LEGACY_TERMS_TABLE, LEXEMES_TABLE, META_TABLE, TEXTS_TABLE, TRIGRAMS_TABLE, VOCABULARY_TABLE } from './tables';
import { applyVocabularyDelta, vocabularyCandidates, vocabularyDelta, type IndexedTexts, type Rows } from './vocabulary';

/**
 * The index on PostgreSQL (production): a `tsvector` per entry, weighted
 * A (title) / B (summary) / C (body), in a GIN index; queries ranked with
 * `ts_rank_cd` and highlighted with `ts_headline`. The text search
 * configuration `chiudete_italian` is PostgreSQL's `italian` (Snowball
 * stemmer and stop words) with `unaccent` in front, so `perche` finds
 * `perché` and the highlights keep the accents of the original text.
 * Typo candidates come from the vocabulary shared with SQLite
 * (vocabulary.ts).
 *
 * `unaccent` is a `trusted` extension (PostgreSQL 13+): a database owner may
 * create it. When that is refused, the index still works, degraded and
 * logged: the text is folded in the application (excerpts then lose their
 * accents).
 *
 * Counting and ranking are bounded (store.ts, SEARCH_MAX_RESULTS):
 * `count(*)` and `ts_rank_cd` re-read each match's tsvector, the usual trap
 * with common words. Counts stop at the limit; the newest matches are found
 * with the (published_at, id) index read backwards, checking each row
 * against the query, until enough are found; only those are ranked.
 *
 * A one-word search (the commonest) is not counted at all: `search_lexemes`
 * keeps, per type, how many entries contain each lexeme, kept by triggers on
 * the entries (whatever writes or deletes them, in the same transaction), so
 * its counts are one index lookup instead of reading up to COUNT_LIMIT
 * matches of each type (two thirds of the database time of a search for a
 * common word).
 *
 * What a search reads row by row is kept narrow: `search_entries` holds the
 * tsvector and what filters and orders (about 1 kB a row, the tsvector
 * inline), the texts are in `search_texts`, read for the page of results
 * only. With the texts in the same row, rows were 2 to 3.5 kB: half as many
 * per page, and an article's tsvector often moved out of line by TOAST, an
 * extra read for each match checked.
 */

// 3: the editorial date of each entry (entry_date), and parts and blocks end as
// sentences (documents.ts `lines`) so snippets never run them together (issue #16).
// 4: the lexeme counts (search_lexemes), the texts apart from the tsvectors (search_texts).
const BASE_VERSION = 'postgres-tsvector/4';
const CONFIG = 'chiudete_italian';
/** ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}. */
const RANK_WEIGHTS = `{0, ${WEIGHTS.body / WEIGHTS.title}, ${WEIGHTS.summary / WEIGHTS.title}, 1}`;
const HEADLINE_MARKERS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}`;
const TITLE_HEADLINE = `HighlightAll=true, ${HEADLINE_MARKERS}`;
const EXCERPT_HEADLINE = `MaxWords=${EXCERPT_WORDS}, MinWords=${Math.round(EXCERPT_WORDS / 2)}, ShortWord=2, ${HEADLINE_MARKERS}`;
const CHUNK = 200;

export interface PostgresFeatures {
  unaccent: boolean;
}

interface Logger {
  warn(message: string): void;
}

interface HitRow {
  id: string;
  type: SearchType;
  document_id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  published_at: Date | string;
  entry_date: string;
  title_headline: string;
  excerpt_headline: string;
}

interface StoredRow extends IndexedTexts {
  id: string;
  type: SearchType;
  document_id: string;
  slug: string;
  published_at: Date;
  entry_date: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Text as stored: without the highlight markers; folded here when the database cannot unaccent. */
const storedText = (text: string, features: PostgresFeatures) => {
  const clean = withoutMarkers(text);
  return features.unaccent ? clean : clean.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
};

/**
 * A tsquery expression (SQL) and its bindings: each word through
 * `plainto_tsquery`, each phrase through `phraseto_tsquery`, combined with
 * `&&` (all) or `||` (any). Words are bound, never spliced into SQL.
 */
export function tsqueryExpression(groups: readonly QueryGroup[], mode: 'all' | 'any', config: string, folded: boolean): { sql: string; bindings: Binding[] } {
  const text = (term: QueryTerm) => (folded ? term.folded : term.text);
  const bindings: Binding[] = [];
  const parts = groups.map((group) => {
    if (group.kind === 'term') {
      bindings.push(text(group.term));
      return `plainto_tsquery(${config}, ?)`;
    }
    bindings.push(group.terms.map(text).join(' '));
    return `phraseto_tsquery(${config}, ?)`;
  });
  return { sql: `(${parts.join(mode === 'all' ? ' && ' : ' || ')})`, bindings };
}

export function createPostgresStore(db: Sql, schema: string, log: Logger): SearchStore {
  const table = (name: string) => `${ident(schema)}.${ident(name)}`;
  const ENTRIES = table(ENTRIES_TABLE);
  const META = table(META_TABLE);
  const LEXEMES = table(LEXEMES_TABLE);
  const TEXTS = table(TEXTS_TABLE);
  const LEXEMES_FUNCTION = table('search_lexemes_count');
  const vocabularyTables = { vocabulary: table(VOCABULARY_TABLE), trigrams: table(TRIGRAMS_TABLE), vocabularyName: VOCABULARY_TABLE };
  let features: PostgresFeatures = { unaccent: false };
  const config = () => (features.unaccent ? `'${schema.replace(/'/g, '\'\'')}.${CONFIG}'::regconfig` : `'pg_catalog.italian'::regconfig`);
  const version = () => `${BASE_VERSION};unaccent=${features.unaccent ? 1 : 0}`;

  const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
  const rows: Rows = async <T>(runner: Sql, sql: string, bindings: readonly Binding[] = []) => rowsOf<T>(await runner.raw(sql, bindings));
  const all = <T>(sql: string, bindings: readonly Binding[] = []) => rows<T>(db, sql, bindings);

  /** Creates an extension if missing, in a savepoint so that a refusal does not abort the transaction. */
  async function ensureExtension(trx: Sql, name: 'unaccent'): Promise<boolean> {
    const installed = await rows(trx, 'SELECT 1 FROM pg_extension WHERE extname = ?', [name]);
    if (installed.length > 0) return true;
    try {
      await trx.transaction((savepoint) => Promise.resolve(savepoint.raw(`CREATE EXTENSION IF NOT EXISTS ${name}`)));
      return true;
    } catch (error) {
      log.warn(`[search] PostgreSQL extension "${name}" is not available (${(error as Error).message}): search works without it, degraded. Ask the database administrator to run CREATE EXTENSION ${name}.`);
      return false;
    }
  }

  async function existing(runner: Sql, type: SearchType, documentIds: readonly string[]): Promise<StoredRow[]> {
    return rows<StoredRow>(runner,
      `SELECT e.id, e.type, e.document_id, e.slug, t.title, t.summary, t.body, e.published_at, e.entry_date
       FROM ${ENTRIES} e JOIN ${TEXTS} t ON t.entry_id = e.id WHERE e.type = ? AND e.document_id = ANY(?)`,
      [type, documentIds as unknown as Binding]);
  }

  async function upsertIn(runner: Sql, documents: readonly IndexDocument[]): Promise<void> {
    const previous = new Map<string, StoredRow>();
    for (const type of new Set(documents.map((document) => document.type))) {
      for (const row of await existing(runner, type, documents.filter((document) => document.type === type).map((document) => document.documentId))) previous.set(`${row.type}:${row.document_id}`, row);
    }
    // What is already stored as it would be written again is left alone (a rebuild rewrites only what changed).
    const stored = documents
      .map((document) => ({ ...document, title: storedText(document.title, features), summary: storedText(document.summary, features), body: storedText(document.body, features) }))
      .filter((document) => {
        const row = previous.get(`${document.type}:${document.documentId}`);
        return !row || row.slug !== document.slug || row.title !== document.title || row.summary !== document.summary || row.body !== document.body
          || new Date(row.published_at).toISOString() !== document.publishedAt || row.entry_date !== document.date;
      });
    if (stored.length === 0) return;
    const removed = stored.map((document) => previous.get(`${document.type}:${document.documentId}`)).filter((row): row is StoredRow => row !== undefined);
    const cfg = config();
    const vector = `setweight(to_tsvector(${cfg}, ?), 'A') || setweight(to_tsvector(${cfg}, ?), 'B') || setweight(to_tsvector(${cfg}, ?), 'C')`;
    for (let i = 0; i < stored.length; i += CHUNK) {
      const chunk = stored.slice(i, i + CHUNK);
      const written = await rows<{ id: string; type: SearchType; document_id: string }>(runner,
        `INSERT INTO ${ENTRIES} (type, document_id, slug, published_at, entry_date, indexed_at, document)
         VALUES ${chunk.map(() => `(?, ?, ?, ?, ?, now(), ${vector})`).join(', ')}
         ON CONFLICT (type, document_id) DO UPDATE SET
           slug = excluded.slug, published_at = excluded.published_at, entry_date = excluded.entry_date,
           indexed_at = excluded.indexed_at, document = excluded.document
         RETURNING id, type, document_id`,
        chunk.flatMap(({ type, documentId, slug, title, summary, body, publishedAt, date }) => [type, documentId, slug, publishedAt, date, title, summary, body]),
      );
      const ids = new Map(written.map((row) => [`${row.type}:${row.document_id}`, row.id]));
      await runner.raw(
        `INSERT INTO ${TEXTS} (entry_id, title, summary, body) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (entry_id) DO UPDATE SET title = excluded.title, summary = excluded.summary, body = excluded.body`,
        chunk.flatMap(({ type, documentId, title, summary, body }) => [ids.get(`${type}:${documentId}`) ?? null, title, summary, body]),
      );
    }
    // The vocabulary of what is stored, removed and added alike, so that the two always cancel out.
    await applyVocabularyDelta(runner, vocabularyTables, rows, vocabularyDelta(removed, stored));
  }

  async function removeIn(runner: Sql, type: SearchType, documentIds: readonly string[]): Promise<void> {
    const removed = await existing(runner, type, documentIds);
    if (removed.length === 0) return;
    await runner.raw(`DELETE FROM ${ENTRIES} WHERE id = ANY(?)`, [removed.map((row) => row.id) as unknown as Binding]);
    await applyVocabularyDelta(runner, vocabularyTables, rows, vocabularyDelta(removed, []));
  }

  /** Matches of each type, read and counted up to COUNT_LIMIT: for a common word, PostgreSQL stops reading after that many. */
  async function matchCounts(tsquery: { sql: string; bindings: Binding[] }): Promise<Record<SearchType, number>> {
    const counts = emptyCounts();
    const countRows = await all<{ type: SearchType; n: number }>(
      SEARCH_TYPES.map(() => `SELECT ?::text AS type, count(*)::int AS n FROM (SELECT 1 FROM ${ENTRIES} e WHERE e.type = ? AND e.document @@ ${tsquery.sql} LIMIT ?) m`).join(' UNION ALL '),
      SEARCH_TYPES.flatMap((type) => [type, type, ...tsquery.bindings, COUNT_LIMIT]),
    );
    for (const row of countRows) if (row.type in counts) counts[row.type] = row.n;
    return counts;
  }

  /**
   * The counts of a one-word query from the lexeme counts, when the word is
   * one lexeme (the query then matches exactly the entries that contain it);
   * null otherwise (several lexemes, a phrase, a stop word: counted by
   * `matchCounts`). Capped at COUNT_LIMIT like `matchCounts`.
   */
  async function lexemeCounts(groups: readonly QueryGroup[], cfg: string): Promise<Record<SearchType, number> | null> {
    const [group] = groups;
    if (groups.length !== 1 || group?.kind !== 'term') return null;
    const word = features.unaccent ? group.term.text : group.term.folded;
    // The word's lexeme when the query is that lexeme alone: `to_tsvector` finds it by the same parser and
    // dictionaries as `plainto_tsquery`, and the match checks that it is the query's.
    const found = await all<{ lexeme: string | null; type: SearchType | null; documents: number | null }>(
      `WITH q AS (SELECT plainto_tsquery(${cfg}, ?) AS query, to_tsvector(${cfg}, ?) AS vector),
       w AS (SELECT CASE WHEN numnode(q.query) = 1 AND length(q.vector) = 1 THEN CASE WHEN q.vector @@ q.query THEN (tsvector_to_array(q.vector))[1] END END AS lexeme FROM q)
       SELECT w.lexeme, s.type, s.documents FROM w LEFT JOIN ${LEXEMES} s ON s.lexeme = w.lexeme`,
      [word, word],
    );
    if (found[0]?.lexeme == null) return null;
    const counts = emptyCounts();
    for (const row of found) if (row.type !== null && row.type in counts) counts[row.type] = Math.min(Number(row.documents), COUNT_LIMIT);
    return counts;
  }

  const inTransaction = (runner: Sql | undefined, run: (trx: Sql) => Promise<void>) => (runner ? run(runner) : db.transaction(run));

  /** Serializes schema changes of concurrent CMS instances. */
  const lock = (trx: Sql) => trx.raw(`SELECT pg_advisory_xact_lock(hashtext('chiudete:search-index'))`);

  return {
    engine: 'postgres',
    version,

    async prepare() {
      return db.transaction(async (trx) => {
        await lock(trx);
        features = { unaccent: await ensureExtension(trx, 'unaccent') };
        const metaExists = await rows(trx, 'SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?', [schema, META_TABLE]);
        const stored = metaExists.length > 0
          ? (await rows<{ value: string }>(trx, `SELECT value FROM ${META} WHERE key = 'version'`))[0]?.value ?? null
          : null;
        if (stored === version()) return false;

        await trx.raw(`DROP TABLE IF EXISTS ${table(LEGACY_TERMS_TABLE)}, ${LEXEMES}, ${TEXTS}, ${table(TRIGRAMS_TABLE)}, ${table(VOCABULARY_TABLE)}, ${ENTRIES}, ${META}`);
        await trx.raw(`DROP TEXT SEARCH CONFIGURATION IF EXISTS ${ident(schema)}.${CONFIG}`);
        if (features.unaccent) {
          await trx.raw(`CREATE TEXT SEARCH CONFIGURATION ${ident(schema)}.${CONFIG} (COPY = pg_catalog.italian)`);
          await trx.raw(`ALTER TEXT SEARCH CONFIGURATION ${ident(schema)}.${CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem`);
        }
        await trx.raw(`DROP FUNCTION IF EXISTS ${LEXEMES_FUNCTION}()`);
        // What the searches read row by row, the tsvector first after the fixed-size columns; the texts apart.
        await trx.raw(`CREATE TABLE ${ENTRIES} (
          id bigserial PRIMARY KEY,
          published_at timestamptz NOT NULL,
          indexed_at timestamptz NOT NULL,
          type text NOT NULL,
          document tsvector NOT NULL,
          document_id text NOT NULL,
          slug text NOT NULL,
          entry_date text NOT NULL,
          UNIQUE (type, document_id)
        )`);
        await trx.raw(`CREATE TABLE ${TEXTS} (
          entry_id bigint PRIMARY KEY REFERENCES ${ENTRIES} (id) ON DELETE CASCADE,
          title text NOT NULL,
          summary text NOT NULL,
          body text NOT NULL
        )`);
        await trx.raw(`CREATE INDEX search_entries_document_idx ON ${ENTRIES} USING gin (document)`);
        // One per type as well: counting the matches of a small type (articles, answers) then reads its own
        // posting lists, not a bitmap of every entry that has a common word.
        for (const type of SEARCH_TYPES) {
          await trx.raw(`CREATE INDEX ${ident(`search_entries_${type}_document_idx`)} ON ${ENTRIES} USING gin (document) WHERE type = '${type}'`);
        }
        // The newest matches, of every type and of one type: read backwards, checking the query row by row.
        await trx.raw(`CREATE INDEX search_entries_recent_idx ON ${ENTRIES} (published_at, id)`);
        await trx.raw(`CREATE INDEX search_entries_type_recent_idx ON ${ENTRIES} (type, published_at, id)`);
        await trx.raw(`CREATE TABLE ${LEXEMES} (
          lexeme text NOT NULL,
          type text NOT NULL,
          documents integer NOT NULL,
          PRIMARY KEY (lexeme, type)
        )`);
        // The lexeme counts follow every statement that writes or deletes entries (the index's own, a rebuild's,
        // or anyone's): the lexemes of the rows it removed count -1, of those it wrote +1, sorted (rows are locked
        // in one order); lexemes no entry of a type contains any more are dropped.
        const lexemes = (transitionTable: string, sign: string) =>
          `SELECT l.lexeme, r.type, ${sign} AS n FROM ${transitionTable} r CROSS JOIN LATERAL unnest(tsvector_to_array(r.document)) AS l(lexeme)`;
        await trx.raw(`CREATE FUNCTION ${LEXEMES_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $body$
          BEGIN
            IF TG_OP = 'INSERT' THEN
              INSERT INTO ${LEXEMES} (lexeme, type, documents)
                SELECT lexeme, type, sum(n) FROM (${lexemes('new_rows', '1')}) d GROUP BY lexeme, type ORDER BY lexeme, type
                ON CONFLICT (lexeme, type) DO UPDATE SET documents = ${ident(LEXEMES_TABLE)}.documents + excluded.documents;
            ELSE
              IF TG_OP = 'UPDATE' THEN
                INSERT INTO ${LEXEMES} (lexeme, type, documents)
                  SELECT lexeme, type, sum(n) FROM (${lexemes('new_rows', '1')} UNION ALL ${lexemes('old_rows', '-1')}) d
                  GROUP BY lexeme, type HAVING sum(n) <> 0 ORDER BY lexeme, type
                  ON CONFLICT (lexeme, type) DO UPDATE SET documents = ${ident(LEXEMES_TABLE)}.documents + excluded.documents;
              ELSE
                UPDATE ${LEXEMES} s SET documents = s.documents - d.n
                  FROM (SELECT lexeme, type, count(*) AS n FROM (${lexemes('old_rows', '1')}) o GROUP BY lexeme, type) d
                  WHERE s.lexeme = d.lexeme AND s.type = d.type;
              END IF;
              DELETE FROM ${LEXEMES} s USING (SELECT DISTINCT lexeme, type FROM (${lexemes('old_rows', '1')}) o) d
                WHERE s.lexeme = d.lexeme AND s.type = d.type AND s.documents <= 0;
            END IF;
            RETURN NULL;
          END
        $body$`);
        await trx.raw(`CREATE TRIGGER search_lexemes_insert AFTER INSERT ON ${ENTRIES} REFERENCING NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${LEXEMES_FUNCTION}()`);
        await trx.raw(`CREATE TRIGGER search_lexemes_update AFTER UPDATE ON ${ENTRIES} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${LEXEMES_FUNCTION}()`);
        await trx.raw(`CREATE TRIGGER search_lexemes_delete AFTER DELETE ON ${ENTRIES} REFERENCING OLD TABLE AS old_rows
          FOR EACH STATEMENT EXECUTE FUNCTION ${LEXEMES_FUNCTION}()`);
        await trx.raw(`CREATE TABLE ${table(VOCABULARY_TABLE)} (
          word text NOT NULL,
          display text NOT NULL,
          documents integer NOT NULL,
          PRIMARY KEY (word, display)
        )`);
        await trx.raw(`CREATE TABLE ${table(TRIGRAMS_TABLE)} (
          trigram text NOT NULL,
          word_length integer NOT NULL,
          word text NOT NULL,
          grams integer NOT NULL,
          PRIMARY KEY (trigram, word_length, word)
        )`);
        await trx.raw(`CREATE TABLE ${META} (key text PRIMARY KEY, value text NOT NULL)`);
        await trx.raw(`INSERT INTO ${META} (key, value) VALUES ('version', ?)`, [version()]);
        return true;
      });
    },

    upsertMany: (documents, runner) => (documents.length === 0 ? Promise.resolve() : inTransaction(runner, (trx) => upsertIn(trx, documents))),

    removeMany: (type, documentIds, runner) => (documentIds.length === 0 ? Promise.resolve() : inTransaction(runner, (trx) => removeIn(trx, type, documentIds))),

    async listIndexed(type, afterId, limit) {
      const found = await all<{ id: string; document_id: string }>(`SELECT id, document_id FROM ${ENTRIES} WHERE type = ? AND id > ? ORDER BY id LIMIT ?`, [type, afterId, limit]);
      return found.map((row) => ({ id: Number(row.id), documentId: row.document_id }));
    },

    async countByType() {
      const counts = emptyCounts();
      for (const row of await all<{ type: SearchType; n: number }>(`SELECT type, count(*)::int AS n FROM ${ENTRIES} GROUP BY type`)) {
        if (row.type in counts) counts[row.type] = row.n;
      }
      return counts;
    },

    async hasTerm(term: QueryTerm) {
      const word = features.unaccent ? term.text : term.folded;
      // The query written out in the EXISTS (not a column of the outer query): the planner estimates it.
      const [row] = await all<{ nodes: number; found: boolean }>(
        `SELECT numnode(plainto_tsquery(${config()}, ?)) AS nodes,
                EXISTS (SELECT 1 FROM ${ENTRIES} e WHERE e.document @@ plainto_tsquery(${config()}, ?)) AS found`,
        [word, word],
      );
      // No node: PostgreSQL's own stop word, nothing to correct.
      return !row || row.nodes === 0 || row.found;
    },

    correctionCandidates: (folded, maxDistance): Promise<CorrectionCandidate[]> => vocabularyCandidates(db, vocabularyTables, rows, folded, maxDistance),

    async search(query: StoreQuery): Promise<StoreResult> {
      const cfg = config();
      const tsquery = tsqueryExpression(query.groups, query.mode, cfg, !features.unaccent);
      const counts = (await lexemeCounts(query.groups, cfg)) ?? await matchCounts(tsquery);
      if (pastResults(counts, query.type, query.offset)) return { counts, hits: [] };

      // The newest SEARCH_MAX_RESULTS matches, and only those ranked. The query is written out where it
      // filters (not read from a CTE), so that the planner estimates how many entries match: a common word
      // is then read newest first through the (published_at, id) index until enough match, a rare one
      // through the full-text index.
      const typeFilter = query.type ? 'AND e.type = ?' : '';
      // One statement: the page of the ranked matches, then (ts_headline re-parses the text) the highlights of
      // that page only, in the order of the page.
      const page = await all<HitRow & { score: number }>(
        `WITH newest AS (
           SELECT e.id, e.published_at, e.document FROM ${ENTRIES} e
           WHERE e.document @@ ${tsquery.sql} ${typeFilter}
           ORDER BY e.published_at DESC, e.id DESC LIMIT ?
         ),
         ranked AS (
           SELECT newest.id, newest.published_at, ts_rank_cd('${RANK_WEIGHTS}', newest.document, ${tsquery.sql}) AS score
           FROM newest
           ORDER BY score DESC, newest.published_at DESC, newest.id DESC LIMIT ? OFFSET ?
         )
         SELECT e.id, e.type, e.document_id, e.slug, t.title, t.summary, t.body, e.published_at, e.entry_date, ranked.score,
                ts_headline(${cfg}, t.title, ${tsquery.sql}, ?) AS title_headline,
                ts_headline(${cfg}, concat_ws(E'\\n\\n', nullif(t.summary, ''), t.body), ${tsquery.sql}, ?) AS excerpt_headline
         FROM ranked JOIN ${ENTRIES} e ON e.id = ranked.id JOIN ${TEXTS} t ON t.entry_id = e.id
         ORDER BY ranked.score DESC, ranked.published_at DESC, ranked.id DESC`,
        [
          ...tsquery.bindings, ...(query.type ? [query.type] : []), SEARCH_MAX_RESULTS,
          ...tsquery.bindings, query.limit, query.offset,
          ...tsquery.bindings, TITLE_HEADLINE,
          ...tsquery.bindings, EXCERPT_HEADLINE,
        ],
      );

      const hits: StoredHit[] = page.map((row) => ({
        type: row.type,
        documentId: row.document_id,
        slug: row.slug,
        title: row.title,
        titleSegments: segmentsFromHeadline(row.title_headline),
        excerpt: segmentsFromHeadline(row.excerpt_headline, [row.summary, row.body].filter(Boolean).join('\n\n')),
        publishedAt: new Date(row.published_at).toISOString(),
        date: row.entry_date,
        score: Math.round(Number(row.score) * 10_000) / 10_000,
      }));
      return { counts, hits };
    },

    async readMeta(key) {
      return (await all<{ value: string }>(`SELECT value FROM ${META} WHERE key = ?`, [key]))[0]?.value ?? null;
    },

    async writeMeta(key, value, runner) {
      const target = runner ?? db;
      if (value === null) await target.raw(`DELETE FROM ${META} WHERE key = ?`, [key]);
      else await target.raw(`INSERT INTO ${META} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
    },
  };
}
