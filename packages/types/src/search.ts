import type { Pagination } from './rest';

/**
 * Site search (`GET /api/search`): the contract between the CMS
 * (apps/cms/src/api/search), the site's /cerca page and
 * partners.
 */

/** What can be searched: published articles, testimonies and "Risposte precise". */
export const SEARCH_TYPES = ['article', 'testimony', 'answer'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Italian names of the searchable types (singular, plural). */
export const SEARCH_TYPE_LABELS: Readonly<Record<SearchType, { one: string; many: string }>> = {
  article: { one: 'Articolo', many: 'Articoli' },
  testimony: { one: 'Testimonianza', many: 'Testimonianze' },
  answer: { one: 'Risposta precisa', many: 'Risposte precise' },
};

/** Length of `q` once trimmed. */
export const SEARCH_QUERY_MIN_LENGTH = 2;
export const SEARCH_QUERY_MAX_LENGTH = 100;
export const SEARCH_PAGE_SIZE_DEFAULT = 10;
export const SEARCH_PAGE_SIZE_MAX = 50;
/** Highest `page` accepted: a guard against absurd offsets. */
export const SEARCH_PAGE_MAX = 1000;
/**
 * Results one search returns at most (per type filter): when more entries
 * match, the most recent SEARCH_MAX_RESULTS of them are ranked and returned,
 * and each count stops at this number (`meta.countsCapped`). A word found in
 * that many entries does not tell them apart: add words to narrow the search.
 */
export const SEARCH_MAX_RESULTS = 1000;

/**
 * A piece of highlighted text: `match` pieces are the query's words (render
 * them in `<mark>`). Plain text, never HTML: render as text nodes.
 */
export interface SearchSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  type: SearchType;
  documentId: string;
  slug: string;
  title: string;
  /** The title with the query's words marked. */
  titleSegments: SearchSegment[];
  /** A short passage of the text around the query's words, marked; `…` where it was cut. */
  excerpt: SearchSegment[];
  /** When the published version went online (ISO date-time). */
  publishedAt: string;
  /**
   * The entry's editorial date, the one to show with it: an article's
   * `publicationDate`, a testimony's `receivedDate` (both `YYYY-MM-DD`),
   * otherwise `publishedAt`.
   */
  date: string;
  /** Relevance, higher is better; comparable only within one response. */
  score: number;
}

export interface SearchMeta {
  /** The query as received, trimmed. */
  query: string;
  /** The query with misspelt words corrected, when a correction was used to search; null otherwise. */
  correctedQuery: string | null;
  /** `all`: entries with every word; `any`: none had them all, so entries with at least one. */
  mode: 'all' | 'any';
  /** The type filter applied, or null. */
  type: SearchType | null;
  /**
   * The index is being rebuilt in the background (after an upgrade, or when
   * found out of date at start): until it ends, some entries may be missing
   * or out of date, and after an upgrade misspelt words are not corrected.
   * Usually false. (Optional in this type only for responses of CMS versions
   * that predate it; the CMS always sends it.)
   */
  indexing?: boolean;
  /**
   * Matches per type, whatever the type filter (for the filter tabs), each
   * counted up to SEARCH_MAX_RESULTS; `all` is their sum.
   */
  counts: Record<SearchType | 'all', number>;
  /**
   * Some count reached SEARCH_MAX_RESULTS: there are at least that many
   * matches ("più di 1.000 risultati"). (Optional in this type only for
   * responses of CMS versions that predate it; the CMS always sends it.)
   */
  countsCapped?: boolean;
  /** Pagination of the filtered results (at most SEARCH_MAX_RESULTS of them). */
  pagination: Pagination;
}

export interface SearchResponse {
  data: SearchHit[];
  meta: SearchMeta;
}

export interface SearchParams {
  /** 2 to 100 characters once trimmed. Words, and "quoted phrases". */
  q: string;
  type?: SearchType;
  page?: number;
  /** 1 to 50 (default 10). */
  pageSize?: number;
}
