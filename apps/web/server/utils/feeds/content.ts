import type { Answer, Article, Global, StrapiClient } from '@chiudete/types';

/**
 * What the feeds (RSS and JSON) read from the CMS, through the one typed
 * client. Only published entries exist for the public API (the CMS refuses
 * drafts), so everything here is public.
 */

/** How many entries the feeds carry. */
export const FEED_SIZE = 20;

export interface FeedContent {
  global: Pick<Global, 'siteName' | 'tagline' | 'updatedAt'>;
  articles: Article[];
  answers: Answer[];
}

/** The newest articles and answers, with their default populate (author, categories, cover); the feeds merge and cut them to `FEED_SIZE`. */
export async function loadFeedContent(cms: StrapiClient, size = FEED_SIZE): Promise<FeedContent> {
  const [global, articles, answers] = await Promise.all([
    // A populate of its own (the smallest), so Global's default one (images) is skipped.
    cms.global.get({ fields: ['siteName', 'tagline', 'updatedAt'], populate: { socialLinks: true } }),
    cms.articles.list({ page: 1, pageSize: size, sort: ['publicationDate:desc', 'id:desc'] }),
    cms.answers.list({ page: 1, pageSize: size, sort: ['publishedAt:desc', 'id:desc'] }),
  ]);
  return { global, articles: articles.data, answers: answers.data };
}
