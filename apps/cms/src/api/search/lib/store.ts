import { SEARCH_MAX_RESULTS, type SearchSegment, type SearchType } from '@chiudete/types';
import type { IndexDocument } from './documents';
import type { CorrectionCandidate, QueryGroup, QueryTerm } from './query';
import type { Sql } from './sql';

/**
 * The search index in the CMS's own database, one implementation per
 * engine: SQLite FTS5 (sqlite-store.ts) and PostgreSQL full-text search
 * (postgres-store.ts), with the typo-correction vocabulary they share
 * (vocabulary.ts). Tables are managed with raw SQL, outside Strapi's content
 * types (Strapi leaves tables it did not create alone).
 *
 * Every statement a search runs is bounded, whatever the number of entries
 * (see `SEARCH_MAX_RESULTS`, @chiudete/types): matches are counted up to
 * that number per type, and when more entries match, the most recent
 * SEARCH_MAX_RESULTS of them are the candidates that are ranked and paged.
 * Why that set: ranking (bm25, ts_rank_cd) and exact counting cost a
 * computation per match, and a word found in tens of thousands of entries
 * would cost that many per search; a word that common does not tell entries
 * apart (their scores differ by how often and how early they repeat it, not
 * by what they are about); recency is already the order among equal scores
 * and what readers look for; and the newest matches are the set the index
 * reads in order anyway (SQLite: FTS5 row ids are publication order;
 * PostgreSQL: the (published_at, id) index read backwards), so finding them
 * costs about as much as the page itself.
 */

export type SearchEngine = 'sqlite' | 'postgres';

/** `all`: every group must match; `any`: at least one. */
export type MatchMode = 'all' | 'any';

export interface StoreQuery {
  groups: readonly QueryGroup[];
  mode: MatchMode;
  type: SearchType | null;
  offset: number;
  limit: number;
}

export interface StoredHit {
  type: SearchType;
  documentId: string;
  slug: string;
  title: string;
  titleSegments: SearchSegment[];
  excerpt: SearchSegment[];
  publishedAt: string;
  date: string;
  score: number;
}

export interface StoreResult {
  /** Matches per type, whatever `type` says, each counted up to COUNT_LIMIT (SEARCH_MAX_RESULTS + 1: "more than"). */
  counts: Record<SearchType, number>;
  /** The requested page of the (filtered) matches, best first. */
  hits: StoredHit[];
}

/** An entry of the index, as the rebuild lists them. */
export interface IndexedKey {
  id: number;
  documentId: string;
}

export interface SearchStore {
  readonly engine: SearchEngine;
  /**
   * Creates the tables (and, on PostgreSQL, the extension and text search
   * configuration) when missing; recreates them empty when the stored index
   * version is not `version()`. Returns true when the index must be rebuilt.
   */
  prepare(): Promise<boolean>;
  /** Identifies the index layout and analysis: a change means a full rebuild. */
  version(): string;
  /**
   * Writes (inserts or replaces) these entries and their vocabulary, within
   * `runner` when given (a transaction of the caller's), else in a
   * transaction of its own.
   */
  upsertMany(documents: readonly IndexDocument[], runner?: Sql): Promise<void>;
  /** Entries of a type after `afterId`, by id, at most `limit` (the rebuild walks the index with it). */
  listIndexed(type: SearchType, afterId: number, limit: number): Promise<IndexedKey[]>;
  /** Removes these entries (absent ones are ignored), as `upsertMany` runs. */
  removeMany(type: SearchType, documentIds: readonly string[], runner?: Sql): Promise<void>;
  /** Entries indexed per type. */
  countByType(): Promise<Record<SearchType, number>>;
  /** Whether some indexed entry contains this word (by its stem). */
  hasTerm(term: QueryTerm): Promise<boolean>;
  /** Indexed words that could be what a misspelt (folded) word meant, for `pickCorrection`. */
  correctionCandidates(folded: string, maxDistance: number): Promise<CorrectionCandidate[]>;
  search(query: StoreQuery): Promise<StoreResult>;
  /** A value of the index's own key-value table (rebuild progress), or null. */
  readMeta(key: string): Promise<string | null>;
  /** Sets (or, with null, deletes) a value of the key-value table, within `runner` when given. */
  writeMeta(key: string, value: string | null, runner?: Sql): Promise<void>;
}

export const emptyCounts = (): Record<SearchType, number> => ({ article: 0, testimony: 0, answer: 0 });

/** Column weights, shared by both engines: a word in the title counts most, then the summary, then the body. */
export const WEIGHTS = { title: 10, summary: 4, body: 1 } as const;

/** Counts stop one above the maximum: a count of COUNT_LIMIT means "more than SEARCH_MAX_RESULTS". */
export const COUNT_LIMIT = SEARCH_MAX_RESULTS + 1;

/** Whether a page starting at `offset` lies past the reachable results (nothing to fetch). */
export function pastResults(counts: Record<SearchType, number>, type: SearchType | null, offset: number): boolean {
  const total = type ? counts[type] : counts.article + counts.testimony + counts.answer;
  return offset >= Math.min(total, SEARCH_MAX_RESULTS);
}
