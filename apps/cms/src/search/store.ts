import type { SearchSegment, SearchType } from '@chiudete/types';
import type { IndexDocument } from './documents';
import type { CorrectionCandidate, QueryGroup, QueryTerm } from './query';

/**
 * The search index in the CMS's own database, one implementation per
 * engine: SQLite FTS5 (sqlite-store.ts) and PostgreSQL full-text search
 * (postgres-store.ts). Tables are managed with raw SQL, outside Strapi's
 * content types (Strapi leaves tables it did not create alone).
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
  score: number;
}

export interface StoreResult {
  /** Matches per type, whatever `type` says. */
  counts: Record<SearchType, number>;
  /** The requested page of the (filtered) matches, best first. */
  hits: StoredHit[];
}

export interface SearchStore {
  readonly engine: SearchEngine;
  /**
   * Creates the tables (and, on PostgreSQL, the extensions and text search
   * configuration) when missing; recreates them empty when the stored index
   * version is not `version()`. Returns true when the index must be rebuilt.
   */
  prepare(): Promise<boolean>;
  /** Identifies the index layout and analysis: a change means a full rebuild. */
  version(): string;
  /** Replaces the whole index with these documents, in one transaction. */
  rebuild(documents: readonly IndexDocument[]): Promise<void>;
  upsert(document: IndexDocument): Promise<void>;
  remove(type: SearchType, documentId: string): Promise<void>;
  /** Entries indexed per type. */
  countByType(): Promise<Record<SearchType, number>>;
  /** Whether some indexed entry contains this word (by its stem). */
  hasTerm(term: QueryTerm): Promise<boolean>;
  /** Indexed words that could be what a misspelt (folded) word meant, for `pickCorrection`. */
  correctionCandidates(folded: string, maxDistance: number): Promise<CorrectionCandidate[]>;
  search(query: StoreQuery): Promise<StoreResult>;
}

export const emptyCounts = (): Record<SearchType, number> => ({ article: 0, testimony: 0, answer: 0 });

/** Column weights, shared by both engines: a word in the title counts most, then the summary, then the body. */
export const WEIGHTS = { title: 10, summary: 4, body: 1 } as const;

/** Rows per INSERT when writing the vocabulary (SQLite limits bound variables). */
export const INSERT_CHUNK = 200;

export function chunks<T>(items: readonly T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
