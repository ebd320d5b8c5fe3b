/** The search index's tables (src/api/search/lib/store.ts), created and dropped by the stores, never by Strapi. */
export const ENTRIES_TABLE = 'search_entries';
export const FTS_TABLE = 'search_fts';
export const VOCABULARY_TABLE = 'search_vocabulary';
export const TRIGRAMS_TABLE = 'search_trigrams';
export const META_TABLE = 'search_meta';
/** PostgreSQL only: how many entries of each type contain each lexeme (the counts of one-word searches). */
export const LEXEMES_TABLE = 'search_lexemes';
/** PostgreSQL only: the texts of the entries, apart from their tsvectors (read for a page of results only). */
export const TEXTS_TABLE = 'search_texts';
/** Before version 2: one row per word of each entry, replaced by the vocabulary. */
export const LEGACY_TERMS_TABLE = 'search_terms';

export const SEARCH_TABLES = [ENTRIES_TABLE, FTS_TABLE, VOCABULARY_TABLE, TRIGRAMS_TABLE, LEXEMES_TABLE, TEXTS_TABLE, META_TABLE] as const;
