import { SEARCH_MAX_RESULTS, SEARCH_TYPES, type SearchResponse, type SearchType } from '@chiudete/types';
import {
  applyCorrections,
  correctedText,
  isCorrectable,
  maxTypoDistance,
  parseQuery,
  pickCorrection,
  queryTerms,
  type Correction,
} from './query';
import { emptyCounts, type SearchStore, type StoreResult } from './store';

/** Words of one query checked for typos (two queries each): a bound on the work one request can cause. */
const MAX_CHECKED_TERMS = 6;

export interface SearchRequest {
  /** Already trimmed and validated (2 to 100 characters). */
  q: string;
  type?: SearchType;
  page: number;
  pageSize: number;
}

export interface IndexState {
  /** The index is being rebuilt: some entries may be missing or out of date. */
  indexing: boolean;
  /** It is being filled from empty: its vocabulary lacks words the content has. */
  partial: boolean;
}

/**
 * One search: parse the query, correct the words no indexed entry contains
 * (to the nearest indexed word, reported as `correctedQuery`), then match
 * entries that contain every word; when none does and the query has several
 * words, entries that contain any of them (`mode: 'any'`). While the index
 * is being filled from empty, nothing is corrected: a word missing from a
 * partial index may well be in the content.
 */
export async function runSearch(store: SearchStore, request: SearchRequest, { indexing, partial }: IndexState = { indexing: false, partial: false }): Promise<SearchResponse> {
  const { q, page, pageSize } = request;
  const type = request.type ?? null;
  const parsed = parseQuery(q);

  const corrections: Correction[] = [];
  const checked = partial ? [] : queryTerms(parsed).filter(isCorrectable).slice(0, MAX_CHECKED_TERMS);
  for (const term of checked) {
    if (await store.hasTerm(term)) continue;
    const max = maxTypoDistance(term.folded.length);
    const replacement = pickCorrection(term.folded, await store.correctionCandidates(term.folded, max));
    if (replacement) corrections.push({ term, replacement: { word: replacement.word, display: replacement.display } });
  }
  const { groups } = applyCorrections(parsed, corrections);

  const window = { type, offset: (page - 1) * pageSize, limit: pageSize };
  let mode: 'all' | 'any' = 'all';
  let result: StoreResult = { counts: emptyCounts(), hits: [] };
  if (groups.length > 0) {
    result = await store.search({ groups, mode, ...window });
    if (total(result.counts) === 0 && groups.length > 1) {
      mode = 'any';
      result = await store.search({ groups, mode, ...window });
    }
  }

  // Store counts stop one above the maximum (store.ts): report at most the maximum, and say when it was reached.
  const counts = {
    article: Math.min(result.counts.article, SEARCH_MAX_RESULTS),
    testimony: Math.min(result.counts.testimony, SEARCH_MAX_RESULTS),
    answer: Math.min(result.counts.answer, SEARCH_MAX_RESULTS),
  };
  const countsCapped = SEARCH_TYPES.some((key) => result.counts[key] > SEARCH_MAX_RESULTS);
  const filteredTotal = Math.min(type ? counts[type] : total(counts), SEARCH_MAX_RESULTS);
  return {
    data: result.hits,
    meta: {
      query: q,
      correctedQuery: corrections.length > 0 ? correctedText(q, corrections) : null,
      mode,
      type,
      indexing,
      counts: { all: total(counts), ...counts },
      countsCapped,
      pagination: { page, pageSize, pageCount: Math.ceil(filteredTotal / pageSize), total: filteredTotal },
    },
  };
}

const total = (counts: Record<SearchType, number>): number => counts.article + counts.testimony + counts.answer;
