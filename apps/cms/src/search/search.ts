import type { SearchResponse, SearchType } from '@chiudete/types';
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

/**
 * One search: parse the query, correct the words no indexed entry contains
 * (to the nearest indexed word, reported as `correctedQuery`), then match
 * entries that contain every word; when none does and the query has several
 * words, entries that contain any of them (`mode: 'any'`).
 */
export async function runSearch(store: SearchStore, request: SearchRequest): Promise<SearchResponse> {
  const { q, page, pageSize } = request;
  const type = request.type ?? null;
  const parsed = parseQuery(q);

  const corrections: Correction[] = [];
  for (const term of queryTerms(parsed).filter(isCorrectable).slice(0, MAX_CHECKED_TERMS)) {
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

  const filteredTotal = type ? result.counts[type] : total(result.counts);
  return {
    data: result.hits,
    meta: {
      query: q,
      correctedQuery: corrections.length > 0 ? correctedText(q, corrections) : null,
      mode,
      type,
      counts: { all: total(result.counts), ...result.counts },
      pagination: { page, pageSize, pageCount: Math.ceil(filteredTotal / pageSize), total: filteredTotal },
    },
  };
}

const total = (counts: Record<SearchType, number>): number => counts.article + counts.testimony + counts.answer;
