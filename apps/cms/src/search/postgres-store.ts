import type { SearchType } from '@chiudete/types';
import { vocabulary } from './analysis';
import type { IndexDocument } from './documents';
import { EXCERPT_WORDS, MATCH_START, MATCH_STOP, segmentsFromHeadline, withoutMarkers } from './highlight';
import type { CorrectionCandidate, QueryGroup, QueryTerm } from './query';
import type { Binding, Sql } from './sql';
import { WEIGHTS, chunks, emptyCounts, type SearchStore, type StoreQuery, type StoreResult, type StoredHit } from './store';

/**
 * The index on PostgreSQL (production): a `tsvector` per entry, weighted
 * A (title) / B (summary) / C (body), in a GIN index; queries ranked with
 * `ts_rank_cd` and highlighted with `ts_headline`. The text search
 * configuration `chiudete_italian` is PostgreSQL's `italian` (Snowball
 * stemmer and stop words) with `unaccent` in front, so `perche` finds
 * `perché` and the highlights keep the accents of the original text.
 * Typo candidates come from a vocabulary table with a `pg_trgm` index.
 *
 * Both extensions are `trusted` (PostgreSQL 13+): a database owner may create
 * them. When that is refused, the index still works, degraded and logged:
 * without `unaccent` the text is folded in the application (excerpts then
 * lose their accents); without `pg_trgm` candidates are found by length.
 */

const BASE_VERSION = 'postgres-tsvector/1';
const CONFIG = 'chiudete_italian';
/** ts_rank_cd weights, in PostgreSQL's order {D, C, B, A}. */
const RANK_WEIGHTS = `{0, ${WEIGHTS.body / WEIGHTS.title}, ${WEIGHTS.summary / WEIGHTS.title}, 1}`;
const HEADLINE_MARKERS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}`;
const TITLE_HEADLINE = `HighlightAll=true, ${HEADLINE_MARKERS}`;
const EXCERPT_HEADLINE = `MaxWords=${EXCERPT_WORDS}, MinWords=${Math.round(EXCERPT_WORDS / 2)}, ShortWord=2, ${HEADLINE_MARKERS}`;
/** pg_trgm similarity below which a word is not a candidate (short words with one typo score about 0.3). */
const TRIGRAM_THRESHOLD = 0.2;

export interface PostgresFeatures {
  unaccent: boolean;
  trigrams: boolean;
}

interface Logger {
  warn(message: string): void;
}

interface HitRow {
  type: SearchType;
  document_id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  published_at: Date | string;
  score: number;
  title_headline: string;
  excerpt_headline: string;
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
  const ENTRIES = table('search_entries');
  const TERMS = table('search_terms');
  const META = table('search_meta');
  let features: PostgresFeatures = { unaccent: false, trigrams: false };
  const config = () => (features.unaccent ? `'${schema.replace(/'/g, '\'\'')}.${CONFIG}'::regconfig` : `'pg_catalog.italian'::regconfig`);
  const version = () => `${BASE_VERSION};unaccent=${features.unaccent ? 1 : 0};trgm=${features.trigrams ? 1 : 0}`;

  const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
  const all = async <T>(runner: Sql, sql: string, bindings: readonly Binding[] = []): Promise<T[]> => rowsOf<T>(await runner.raw(sql, bindings));

  /** Creates an extension if missing, in a savepoint so that a refusal does not abort the transaction. */
  async function ensureExtension(trx: Sql, name: 'unaccent' | 'pg_trgm'): Promise<boolean> {
    const installed = await all(trx, 'SELECT 1 FROM pg_extension WHERE extname = ?', [name]);
    if (installed.length > 0) return true;
    try {
      await trx.transaction((savepoint) => Promise.resolve(savepoint.raw(`CREATE EXTENSION IF NOT EXISTS ${name}`)));
      return true;
    } catch (error) {
      log.warn(`[search] PostgreSQL extension "${name}" is not available (${(error as Error).message}): search works without it, degraded. Ask the database administrator to run CREATE EXTENSION ${name}.`);
      return false;
    }
  }

  async function write(trx: Sql, document: IndexDocument): Promise<void> {
    const { type, documentId, slug, publishedAt } = document;
    const [title, summary, body] = [document.title, document.summary, document.body].map((text) => storedText(text, features)) as [string, string, string];
    const cfg = config();
    const [row] = await all<{ id: string }>(trx,
      `INSERT INTO ${ENTRIES} (type, document_id, slug, title, summary, body, published_at, indexed_at, document)
       VALUES (?, ?, ?, ?, ?, ?, ?, now(),
         setweight(to_tsvector(${cfg}, ?), 'A') || setweight(to_tsvector(${cfg}, ?), 'B') || setweight(to_tsvector(${cfg}, ?), 'C'))
       ON CONFLICT (type, document_id) DO UPDATE SET
         slug = excluded.slug, title = excluded.title, summary = excluded.summary, body = excluded.body,
         published_at = excluded.published_at, indexed_at = excluded.indexed_at, document = excluded.document
       RETURNING id`,
      [type, documentId, slug, title, summary, body, publishedAt, title, summary, body],
    );
    const id = row!.id;
    await trx.raw(`DELETE FROM ${TERMS} WHERE entry_id = ?`, [id]);
    for (const chunk of chunks(vocabulary(document.title, document.summary, document.body))) {
      await trx.raw(
        `INSERT INTO ${TERMS} (entry_id, word, display) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
        chunk.flatMap(({ word, display }) => [id, word, display]),
      );
    }
  }

  /** Serializes schema changes and rebuilds of concurrent CMS instances. */
  const lock = (trx: Sql) => trx.raw(`SELECT pg_advisory_xact_lock(hashtext('chiudete:search-index'))`);

  return {
    engine: 'postgres',
    version,

    async prepare() {
      return db.transaction(async (trx) => {
        await lock(trx);
        features = { unaccent: await ensureExtension(trx, 'unaccent'), trigrams: await ensureExtension(trx, 'pg_trgm') };
        const metaExists = await all(trx, 'SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?', [schema, 'search_meta']);
        const stored = metaExists.length > 0
          ? (await all<{ value: string }>(trx, `SELECT value FROM ${META} WHERE key = 'version'`))[0]?.value ?? null
          : null;
        if (stored === version()) return false;

        await trx.raw(`DROP TABLE IF EXISTS ${TERMS}, ${ENTRIES}, ${META}`);
        await trx.raw(`DROP TEXT SEARCH CONFIGURATION IF EXISTS ${ident(schema)}.${CONFIG}`);
        if (features.unaccent) {
          await trx.raw(`CREATE TEXT SEARCH CONFIGURATION ${ident(schema)}.${CONFIG} (COPY = pg_catalog.italian)`);
          await trx.raw(`ALTER TEXT SEARCH CONFIGURATION ${ident(schema)}.${CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem`);
        }
        await trx.raw(`CREATE TABLE ${ENTRIES} (
          id bigserial PRIMARY KEY,
          type text NOT NULL,
          document_id text NOT NULL,
          slug text NOT NULL,
          title text NOT NULL,
          summary text NOT NULL,
          body text NOT NULL,
          published_at timestamptz NOT NULL,
          indexed_at timestamptz NOT NULL,
          document tsvector NOT NULL,
          UNIQUE (type, document_id)
        )`);
        await trx.raw(`CREATE INDEX search_entries_document_idx ON ${ENTRIES} USING gin (document)`);
        await trx.raw(`CREATE TABLE ${TERMS} (
          entry_id bigint NOT NULL REFERENCES ${ENTRIES} (id) ON DELETE CASCADE,
          word text NOT NULL,
          display text NOT NULL,
          PRIMARY KEY (word, entry_id)
        )`);
        await trx.raw(`CREATE INDEX search_terms_entry_idx ON ${TERMS} (entry_id)`);
        if (features.trigrams) await trx.raw(`CREATE INDEX search_terms_word_trgm_idx ON ${TERMS} USING gin (word gin_trgm_ops)`);
        await trx.raw(`CREATE TABLE ${META} (key text PRIMARY KEY, value text NOT NULL)`);
        await trx.raw(`INSERT INTO ${META} (key, value) VALUES ('version', ?)`, [version()]);
        return true;
      });
    },

    async rebuild(documents) {
      await db.transaction(async (trx) => {
        await lock(trx);
        await trx.raw(`TRUNCATE ${TERMS}, ${ENTRIES}`);
        for (const document of documents) await write(trx, document);
      });
    },

    upsert: (document) => db.transaction((trx) => write(trx, document)),

    async remove(type, documentId) {
      await db.raw(`DELETE FROM ${ENTRIES} WHERE type = ? AND document_id = ?`, [type, documentId]);
    },

    async countByType() {
      const counts = emptyCounts();
      for (const row of await all<{ type: SearchType; n: number }>(db, `SELECT type, count(*)::int AS n FROM ${ENTRIES} GROUP BY type`)) {
        if (row.type in counts) counts[row.type] = row.n;
      }
      return counts;
    },

    async hasTerm(term: QueryTerm) {
      const word = features.unaccent ? term.text : term.folded;
      const [row] = await all<{ nodes: number; found: boolean }>(db,
        `SELECT numnode(q) AS nodes, EXISTS (SELECT 1 FROM ${ENTRIES} e WHERE e.document @@ q) AS found
         FROM plainto_tsquery(${config()}, ?) AS q`,
        [word],
      );
      // No node: PostgreSQL's own stop word, nothing to correct.
      return !row || row.nodes === 0 || row.found;
    },

    async correctionCandidates(folded, maxDistance): Promise<CorrectionCandidate[]> {
      const select = `SELECT word, max(display) AS display, count(*)::int AS documents FROM ${TERMS}`;
      if (!features.trigrams) {
        return all<CorrectionCandidate>(db, `${select} WHERE char_length(word) BETWEEN ? AND ? GROUP BY word`, [folded.length - maxDistance, folded.length + maxDistance]);
      }
      return db.transaction(async (trx) => {
        await trx.raw(`SET LOCAL pg_trgm.similarity_threshold = ${TRIGRAM_THRESHOLD}`);
        return all<CorrectionCandidate>(trx, `${select} WHERE word % ? GROUP BY word ORDER BY max(similarity(word, ?)) DESC LIMIT 50`, [folded, folded]);
      });
    },

    async search(query: StoreQuery): Promise<StoreResult> {
      const cfg = config();
      const tsquery = tsqueryExpression(query.groups, query.mode, cfg, !features.unaccent);
      const counts = emptyCounts();
      const countRows = await all<{ type: SearchType; n: number }>(db,
        `SELECT e.type, count(*)::int AS n FROM ${ENTRIES} e WHERE e.document @@ ${tsquery.sql} GROUP BY e.type`,
        tsquery.bindings,
      );
      for (const row of countRows) if (row.type in counts) counts[row.type] = row.n;

      const typeFilter = query.type ? 'AND e.type = ?' : '';
      // ts_headline re-parses the text: run it on the requested page only.
      const rows = await all<HitRow>(db,
        `WITH q AS (SELECT ${tsquery.sql} AS query),
         page AS (
           SELECT e.*, ts_rank_cd('${RANK_WEIGHTS}', e.document, q.query) AS score
           FROM ${ENTRIES} e, q
           WHERE e.document @@ q.query ${typeFilter}
           ORDER BY score DESC, e.published_at DESC, e.id DESC
           LIMIT ? OFFSET ?
         )
         SELECT page.type, page.document_id, page.slug, page.title, page.summary, page.body, page.published_at, page.score,
                ts_headline(${cfg}, page.title, q.query, ?) AS title_headline,
                ts_headline(${cfg}, concat_ws(E'\\n\\n', nullif(page.summary, ''), page.body), q.query, ?) AS excerpt_headline
         FROM page, q
         ORDER BY page.score DESC, page.published_at DESC, page.id DESC`,
        [...tsquery.bindings, ...(query.type ? [query.type] : []), query.limit, query.offset, TITLE_HEADLINE, EXCERPT_HEADLINE],
      );

      const hits: StoredHit[] = rows.map((row) => ({
        type: row.type,
        documentId: row.document_id,
        slug: row.slug,
        title: row.title,
        titleSegments: segmentsFromHeadline(row.title_headline),
        excerpt: segmentsFromHeadline(row.excerpt_headline, [row.summary, row.body].filter(Boolean).join('\n\n')),
        publishedAt: new Date(row.published_at).toISOString(),
        score: Math.round(Number(row.score) * 10_000) / 10_000,
      }));
      return { counts, hits };
    },
  };
}
