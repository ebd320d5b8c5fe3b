import { stemmer } from '@orama/stemmers/italian';
import { isStopword } from './stopwords';

/**
 * Italian text analysis shared by indexing, queries and highlighting, so
 * that the three always agree:
 * - words come from ICU's word segmentation (`Intl.Segmenter`, Unicode
 *   UAX #29), further split at apostrophes, hyphens and dots, as PostgreSQL's
 *   parser and SQLite's `unicode61` tokenizer do (`dell'operatore` →
 *   `dell` + `operatore`);
 * - a word is folded: lower case, accents removed (`Perché` → `perche`);
 * - then stemmed with the Snowball Italian stemmer (`operatori` → `oper`).
 * Folding before stemming is what PostgreSQL does with our configuration
 * (`unaccent`, then `italian_stem`), so a query typed with or without accents
 * finds the same entries on both databases.
 */

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower case, without accents. */
  folded: string;
  /** UTF-16 offsets in the source text. */
  start: number;
  end: number;
}

/** Longest word indexed: longer "words" are URLs, codes or garbage. */
export const MAX_WORD_LENGTH = 40;

/**
 * `Intl.Segmenter` (ICU), typed here: the CMS compiles against the ES2020
 * library, whose typings predate it (Node has had it since version 16).
 */
interface WordSegment {
  segment: string;
  index: number;
  isWordLike?: boolean;
}
type WordSegmenter = new (locale: string, options: { granularity: 'word' }) => { segment(text: string): Iterable<WordSegment> };
const { Segmenter } = Intl as unknown as { Segmenter: WordSegmenter };

const segmenter = new Segmenter('it', { granularity: 'word' });
/** Runs of letters, combining marks and digits: what is left of a segment once apostrophes, hyphens and dots split it. */
const WORD_PART = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower case without accents (`Città` → `citta`). */
export function fold(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLocaleLowerCase('it');
}

/** The words of a text, with their positions. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    for (const part of segment.segment.matchAll(WORD_PART)) {
      const word = part[0];
      if (word.length > MAX_WORD_LENGTH) continue;
      const start = segment.index + (part.index ?? 0);
      tokens.push({ text: word, folded: fold(word), start, end: start + word.length });
    }
  }
  return tokens;
}

/** Stems already computed: the Snowball stemmer costs about 2 µs a word, and texts repeat their words. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

/** The stem of a folded word (`operatori` → `oper`, `citta` → `citt`). */
export function stem(folded: string): string {
  let result = stems.get(folded);
  if (result === undefined) {
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    result = stemmer(folded);
    stems.set(folded, result);
  }
  return result;
}

export { isStopword };

/** Whether a folded word is a number (never stemmed, never corrected). */
export const isNumeric = (folded: string): boolean => /\p{N}/u.test(folded);

/** The stems of a text, in order, separated by spaces: what the SQLite index stores. */
export function stemmedText(text: string): string {
  return tokenize(text).map((token) => stem(token.folded)).join(' ');
}

/** A word of the vocabulary used to correct typos: folded form, and how it is written. */
export interface VocabularyWord {
  word: string;
  display: string;
}

/** Shortest word worth a place in the typo-correction vocabulary. */
export const MIN_VOCABULARY_LENGTH = 3;

/**
 * The distinct words of some texts that may serve as corrections: no stop
 * words, no numbers, nothing shorter than 3 letters. `display` is the first
 * spelling met, in lower case (`perché`, `città`).
 */
export function vocabulary(...texts: string[]): VocabularyWord[] {
  const words = new Map<string, string>();
  for (const text of texts) {
    for (const token of tokenize(text)) {
      const { folded } = token;
      if (folded.length < MIN_VOCABULARY_LENGTH || isNumeric(folded) || isStopword(folded) || words.has(folded)) continue;
      words.set(folded, token.text.toLocaleLowerCase('it'));
    }
  }
  return [...words].map(([word, display]) => ({ word, display }));
}
