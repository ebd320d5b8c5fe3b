import type { Article, ListParams, Media } from '@chiudete/types';

/** What MediaImage needs of a cover (app/composables/useResponsiveImage.ts). */
export const SUMMARY_COVER_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats', 'updatedAt'] as const satisfies ReadonlyArray<keyof Media>;
export type SummaryCoverField = typeof SUMMARY_COVER_FIELDS[number];

/**
 * The query of every list of article summaries: their own fields, and only
 * what a card shows of their relations. Without `populate` the CMS's
 * default would add the whole cover, the author with their avatar, the
 * book, the answers and the SEO block: three times the JSON (23.9 KB
 * instead of 7.7 KB for three articles), parsed at every uncached render.
 * (Here, not in a composable: bench/scale.ts measures the CMS on this query.)
 */
export const ARTICLE_SUMMARY_QUERY = {
  fields: ['title', 'slug', 'excerpt', 'publicationDate'],
  populate: {
    cover: { fields: [...SUMMARY_COVER_FIELDS] },
    author: { fields: ['name', 'slug'] },
    categories: { fields: ['name', 'slug'] },
  },
} satisfies Pick<ListParams<Article>, 'fields' | 'populate'>;
