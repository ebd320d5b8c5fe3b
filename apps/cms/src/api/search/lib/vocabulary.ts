import { vocabulary } from './analysis';
import type { CorrectionCandidate } from './query';
import { placeholders, type Binding, type Sql } from './sql';

/**
 * The typo-correction vocabulary, kept incrementally and shared by both
 * engines (plain SQL that SQLite and PostgreSQL both run):
 *
 * - `search_vocabulary (word, display, documents)`: each indexed word (folded)
 *   with each way it is written (`perche` / `perché`) and how many entries
 *   contain it, updated by the difference between an entry's old and new
 *   words when it is indexed, changed or removed (no row per entry × word);
 * - `search_trigrams (trigram, word_length, word, grams)`: the trigrams of
 *   each word (padded as PostgreSQL's pg_trgm pads them: two spaces before,
 *   one after), written when a word first appears and removed when its last
 *   entry goes.
 *
 * Candidates for a misspelt word come from the trigram index, within the
 * edit distance's length range: the words sharing the most trigrams with it
 * (pg_trgm's similarity, shared / (mine + theirs - shared)), at most
 * CANDIDATE_LIMIT of them. Their number does not grow with the number of
 * entries, only with the vocabulary, and then only through the posting lists
 * of the query's own trigrams (n + 1 index ranges for a word of n letters);
 * `pickCorrection` then measures the real edit distance.
 */

/** Words ranked by trigram similarity that are handed to `pickCorrection`. */
export const CANDIDATE_LIMIT = 200;

/** Edits that one adjacent transposition costs in trigrams: it can break up to four of them. */
const TRIGRAMS_PER_EDIT = 4;
/** Rows (or IN-list items) per statement: SQLite binds at most 32,766 variables. */
const CHUNK = 500;

export interface VocabularyTables {
  /** Qualified names, ready for SQL. */
  vocabulary: string;
  trigrams: string;
  /** The vocabulary table's bare name (for `ON CONFLICT ... SET documents = <name>.documents + ...`). */
  vocabularyName: string;
}

export type Rows = <T>(runner: Sql, sql: string, bindings?: readonly Binding[]) => Promise<T[]>;

/** The distinct trigrams of a folded word, padded like pg_trgm (`  ab`, ` ab`, `ab `). */
export function trigramsOf(word: string): string[] {
  const chars = [' ', ' ', ...Array.from(word), ' '];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams];
}

const lengthOf = (word: string) => Array.from(word).length;

/** An entry's texts, as the index stores them. */
export interface IndexedTexts {
  title: string;
  summary: string;
  body: string;
}

const SEPARATOR = '\u0000';

/**
 * How many entries gain (+) or lose (-) each (word, display) when `removed`
 * texts leave the index and `added` ones enter it (an update is both).
 */
export function vocabularyDelta(removed: readonly IndexedTexts[], added: readonly IndexedTexts[]): Map<string, number> {
  const delta = new Map<string, number>();
  const count = (texts: IndexedTexts, sign: number) => {
    for (const { word, display } of vocabulary(texts.title, texts.summary, texts.body)) {
      const key = `${word}${SEPARATOR}${display}`;
      const value = (delta.get(key) ?? 0) + sign;
      if (value === 0) delta.delete(key);
      else delta.set(key, value);
    }
  };
  removed.forEach((texts) => count(texts, -1));
  added.forEach((texts) => count(texts, +1));
  return delta;
}

const split = (key: string) => {
  const [word, display] = key.split(SEPARATOR) as [string, string];
  return { word, display };
};

function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Which of these words the vocabulary holds. */
async function presentWords(runner: Sql, tables: VocabularyTables, rows: Rows, words: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (const chunk of chunked(words)) {
    for (const row of await rows<{ word: string }>(runner, `SELECT DISTINCT word FROM ${tables.vocabulary} WHERE word IN (${placeholders(chunk.length)})`, chunk)) present.add(row.word);
  }
  return present;
}

/** Applies a delta (see `vocabularyDelta`) within `runner` (a transaction). */
export async function applyVocabularyDelta(runner: Sql, tables: VocabularyTables, rows: Rows, delta: ReadonlyMap<string, number>): Promise<void> {
  const gains = [...delta].filter(([, n]) => n > 0).map(([key, n]) => ({ ...split(key), n }));
  const losses = [...delta].filter(([, n]) => n < 0).map(([key, n]) => ({ ...split(key), n: -n }));

  if (gains.length > 0) {
    const words = [...new Set(gains.map((gain) => gain.word))];
    const known = await presentWords(runner, tables, rows, words);
    for (const chunk of chunked(gains)) {
      await runner.raw(
        `INSERT INTO ${tables.vocabulary} (word, display, documents) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (word, display) DO UPDATE SET documents = ${tables.vocabularyName}.documents + excluded.documents`,
        chunk.flatMap(({ word, display, n }) => [word, display, n]),
      );
    }
    const grams = words.filter((word) => !known.has(word)).flatMap((word) => {
      const trigrams = trigramsOf(word);
      return trigrams.map((trigram) => ({ trigram, word, length: lengthOf(word), grams: trigrams.length }));
    });
    for (const chunk of chunked(grams)) {
      await runner.raw(
        `INSERT INTO ${tables.trigrams} (trigram, word_length, word, grams) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
        chunk.flatMap(({ trigram, word, length, grams: total }) => [trigram, length, word, total]),
      );
    }
  }

  if (losses.length > 0) {
    const byAmount = new Map<number, Array<{ word: string; display: string }>>();
    for (const loss of losses) {
      const pairs = byAmount.get(loss.n);
      if (pairs) pairs.push(loss);
      else byAmount.set(loss.n, [loss]);
    }
    for (const [amount, pairs] of byAmount) {
      for (const chunk of chunked(pairs)) {
        await runner.raw(
          `UPDATE ${tables.vocabulary} SET documents = documents - ? WHERE (word, display) IN (${chunk.map(() => '(?, ?)').join(', ')})`,
          [amount, ...chunk.flatMap(({ word, display }) => [word, display])],
        );
      }
    }
    const words = [...new Set(losses.map((loss) => loss.word))];
    for (const chunk of chunked(words)) {
      await runner.raw(`DELETE FROM ${tables.vocabulary} WHERE documents <= 0 AND word IN (${placeholders(chunk.length)})`, chunk);
    }
    const left = await presentWords(runner, tables, rows, words);
    const gone = words.filter((word) => !left.has(word)).flatMap((word) => trigramsOf(word).map((trigram) => [trigram, lengthOf(word), word] as const));
    for (const chunk of chunked(gone)) {
      await runner.raw(`DELETE FROM ${tables.trigrams} WHERE (trigram, word_length, word) IN (${chunk.map(() => '(?, ?, ?)').join(', ')})`, chunk.flat());
    }
  }
}

/**
 * Indexed words that could be what a misspelt (folded) word meant: within
 * `maxDistance` letters of its length, sharing at least one trigram (and at
 * least as many as `maxDistance` edits could leave), best trigram similarity
 * first, at most CANDIDATE_LIMIT.
 */
export async function vocabularyCandidates(runner: Sql, tables: VocabularyTables, rows: Rows, folded: string, maxDistance: number): Promise<CorrectionCandidate[]> {
  const grams = trigramsOf(folded);
  const length = lengthOf(folded);
  const minShared = Math.max(1, grams.length - TRIGRAMS_PER_EDIT * maxDistance);
  const found = await rows<{ word: string; display: string; documents: number | string }>(runner,
    `SELECT v.word AS word, max(v.display) AS display, sum(v.documents) AS documents
     FROM (
       SELECT word FROM ${tables.trigrams}
       WHERE trigram IN (${placeholders(grams.length)}) AND word_length BETWEEN ? AND ?
       GROUP BY word
       HAVING count(*) >= ?
       ORDER BY count(*) * 1.0 / (? + max(grams) - count(*)) DESC, word
       LIMIT ?
     ) c
     JOIN ${tables.vocabulary} v ON v.word = c.word
     GROUP BY v.word`,
    [...grams, length - maxDistance, length + maxDistance, minShared, grams.length, CANDIDATE_LIMIT],
  );
  return found.map((row) => ({ word: row.word, display: row.display, documents: Number(row.documents) }));
}
