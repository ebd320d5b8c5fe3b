import { isNumeric, isStopword, stem, tokenize, type Token, type VocabularyWord } from './analysis';

/**
 * A reader's query, parsed: words (stop words dropped) and "quoted
 * phrases" (kept whole, stop words included, so that `"per amore e per
 * denaro"` matches those words in that order). Pure: no database here.
 */

export interface QueryTerm extends Token {
  stem: string;
}

export type QueryGroup
  = | { kind: 'term'; term: QueryTerm }
    | { kind: 'phrase'; terms: QueryTerm[] };

export interface ParsedQuery {
  groups: QueryGroup[];
}

/** How many words or phrases of a query are used (the rest is ignored): a bound on the work one request can cause. */
export const MAX_QUERY_GROUPS = 12;

/** Straight and typographic quotes (Italian writes «…» and “…”). */
const QUOTED = /"([^"]*)"|«([^»]*)»|“([^”]*)”/g;

const toTerm = (token: Token, offset: number): QueryTerm => ({
  ...token,
  start: token.start + offset,
  end: token.end + offset,
  stem: stem(token.folded),
});

export function parseQuery(query: string): ParsedQuery {
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  const add = (group: QueryGroup) => {
    const key = group.kind === 'term' ? group.term.stem : `"${group.terms.map((t) => t.stem).join(' ')}"`;
    if (seen.has(key) || groups.length >= MAX_QUERY_GROUPS) return;
    seen.add(key);
    groups.push(group);
  };
  const addWords = (text: string, offset: number) => {
    for (const token of tokenize(text)) {
      if (!isStopword(token.folded)) add({ kind: 'term', term: toTerm(token, offset) });
    }
  };

  let last = 0;
  for (const match of query.matchAll(QUOTED)) {
    const index = match.index ?? 0;
    addWords(query.slice(last, index), last);
    const inner = match[1] ?? match[2] ?? match[3] ?? '';
    const innerOffset = index + 1;
    const terms = tokenize(inner).map((token) => toTerm(token, innerOffset));
    if (terms.length > 1 && terms.some((term) => !isStopword(term.folded))) add({ kind: 'phrase', terms });
    else if (terms.length === 1 && !isStopword(terms[0]!.folded)) add({ kind: 'term', term: terms[0]! });
    last = index + match[0].length;
  }
  addWords(query.slice(last), last);
  return { groups };
}

/** Every term of a parsed query, phrases included. */
export const queryTerms = ({ groups }: ParsedQuery): QueryTerm[] =>
  groups.flatMap((group) => (group.kind === 'term' ? [group.term] : group.terms));

// --- Typo correction --------------------------------------------------------

/** Shortest word we try to correct: shorter ones have too many neighbours. */
export const MIN_CORRECTABLE_LENGTH = 4;

/** Whether a term is worth checking against the index for a typo. */
export const isCorrectable = (term: QueryTerm): boolean =>
  term.folded.length >= MIN_CORRECTABLE_LENGTH && !isNumeric(term.folded) && !isStopword(term.folded);

/** Edits allowed to correct a word of this length: one up to 6 letters, two from 7. */
export const maxTypoDistance = (length: number): number => (length < MIN_CORRECTABLE_LENGTH ? 0 : length <= 6 ? 1 : 2);

/**
 * Optimal string alignment distance (Levenshtein plus transposition of two
 * adjacent letters, the commonest typo: `contatroe`), or `max + 1` as soon as
 * it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** A word of the index that could replace a misspelt one, with the number of entries that contain it. */
export interface CorrectionCandidate extends VocabularyWord {
  documents: number;
}

/**
 * The best replacement for a misspelt (folded) word: the fewest edits, then
 * the same first letter (typos rarely hit it), then the word found in the
 * most entries, then alphabetical order; null when nothing is close enough.
 */
export function pickCorrection(folded: string, candidates: readonly CorrectionCandidate[]): CorrectionCandidate | null {
  const max = maxTypoDistance(folded.length);
  // The word itself is in the index: nothing to correct.
  if (max === 0 || candidates.some((candidate) => candidate.word === folded)) return null;
  let best: { candidate: CorrectionCandidate; distance: number; sameFirst: boolean } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(folded, candidate.word, max);
    if (distance > max) continue;
    const sameFirst = candidate.word[0] === folded[0];
    const better = !best
      || distance < best.distance
      || (distance === best.distance && sameFirst && !best.sameFirst)
      || (distance === best.distance && sameFirst === best.sameFirst && candidate.documents > best.candidate.documents)
      || (distance === best.distance && sameFirst === best.sameFirst && candidate.documents === best.candidate.documents && candidate.word < best.candidate.word);
    if (better) best = { candidate, distance, sameFirst };
  }
  return best?.candidate ?? null;
}

export interface Correction {
  term: QueryTerm;
  replacement: VocabularyWord;
}

/** The query with each corrected term replaced by its correction (`Contatroe` → `Contatore`, capital kept). */
export function correctedText(query: string, corrections: readonly Correction[]): string {
  let text = query;
  for (const { term, replacement } of [...corrections].sort((a, b) => b.term.start - a.term.start)) {
    const firstUpper = term.text[0] !== undefined && term.text[0] !== term.text[0].toLocaleLowerCase('it');
    const word = firstUpper ? replacement.display[0]!.toLocaleUpperCase('it') + replacement.display.slice(1) : replacement.display;
    text = text.slice(0, term.start) + word + text.slice(term.end);
  }
  return text;
}

/** The parsed query with the corrections applied (the same groups, corrected terms swapped). */
export function applyCorrections(parsed: ParsedQuery, corrections: readonly Correction[]): ParsedQuery {
  if (corrections.length === 0) return parsed;
  const bySpan = new Map(corrections.map((c) => [c.term.start, c.replacement]));
  const fix = (term: QueryTerm): QueryTerm => {
    const replacement = bySpan.get(term.start);
    return replacement
      ? { ...term, text: replacement.display, folded: replacement.word, stem: stem(replacement.word) }
      : term;
  };
  return {
    groups: parsed.groups.map((group) => (group.kind === 'term' ? { kind: 'term', term: fix(group.term) } : { kind: 'phrase', terms: group.terms.map(fix) })),
  };
}
