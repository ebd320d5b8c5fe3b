import type { Answer, Article, Author, BookRelease, Category, Global, Media, StrapiClient, Testimony, Video } from '@chiudete/types';

/**
 * What the machine-readable listings (sitemap, RSS and JSON feeds) read
 * from the CMS, through the one typed client. Only published entries exist
 * for the public API (the CMS refuses drafts), so everything here is public.
 */

/** An image as the sitemap uses it. */
export type IndexMedia = Pick<Media, 'url' | 'alternativeText'>;

/** Every published page's content, with what the sitemap needs of it (slugs, dates, images): the fields requested below. */
export interface SiteIndex {
  global: Pick<Global, 'updatedAt'> & { defaultSeo?: { shareImage?: IndexMedia | null } | null };
  articles: Array<Pick<Article, 'slug' | 'title' | 'updatedAt'> & {
    cover?: IndexMedia | null;
    author?: Pick<Author, 'slug'> | null;
    categories?: Array<Pick<Category, 'slug'>>;
  }>;
  testimonies: Array<Pick<Testimony, 'slug' | 'updatedAt'>>;
  answers: Array<Pick<Answer, 'slug' | 'updatedAt'>>;
  categories: Array<Pick<Category, 'slug' | 'updatedAt'>>;
  authors: Array<Pick<Author, 'slug' | 'updatedAt'>>;
  books: Array<Pick<BookRelease, 'slug' | 'title' | 'releaseDate' | 'updatedAt'> & { cover?: IndexMedia | null }>;
  videos: Array<Pick<Video, 'slug' | 'title' | 'description' | 'youtubeId' | 'durationSeconds' | 'publishedAt' | 'createdAt' | 'updatedAt'> & { poster?: IndexMedia | null }>;
}

const MEDIA_FIELDS = ['url', 'alternativeText', 'width', 'height', 'mime'];
const BY_ID = { sort: 'id:asc' as const };

/**
 * Reads the index: the types in parallel, every page of each in turn (the
 * client's `listAll`: 100 entries per request, the CMS's cap), in a stable
 * order. Each request names its own small `populate`, so the CMS's default
 * one (every relation and image, for the pages) is skipped.
 */
export async function loadSiteIndex(cms: StrapiClient): Promise<SiteIndex> {
  const [global, articles, testimonies, answers, categories, authors, books, videos] = await Promise.all([
    cms.global.get({ fields: ['updatedAt'], populate: { defaultSeo: { populate: { shareImage: { fields: MEDIA_FIELDS } } } } }),
    cms.articles.listAll({ ...BY_ID,
      fields: ['slug', 'title', 'updatedAt'],
      populate: { cover: { fields: MEDIA_FIELDS }, author: { fields: ['slug'] }, categories: { fields: ['slug'] } },
    }),
    cms.testimonies.listAll({ ...BY_ID, fields: ['slug', 'updatedAt'] }),
    cms.answers.listAll({ ...BY_ID, fields: ['slug', 'updatedAt'], populate: { legalReferences: true } }),
    cms.categories.listAll({ ...BY_ID, fields: ['slug', 'updatedAt'] }),
    cms.authors.listAll({ ...BY_ID, fields: ['slug', 'updatedAt'], populate: { avatar: { fields: ['url'] } } }),
    cms.books.listAll({ ...BY_ID, fields: ['slug', 'title', 'releaseDate', 'updatedAt'], populate: { cover: { fields: MEDIA_FIELDS } } }),
    cms.videos.listAll({ ...BY_ID,
      fields: ['slug', 'title', 'description', 'youtubeId', 'durationSeconds', 'publishedAt', 'createdAt', 'updatedAt'],
      populate: { poster: { fields: MEDIA_FIELDS } },
    }),
  ]);
  return { global, articles, testimonies, answers, categories, authors, books, videos };
}

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
