import type { UID } from '@strapi/strapi';
import { ANSWERS } from './data/answers';
import { ARTICLES, DRAFT_ARTICLE } from './data/articles';
import { BOOK, BOOK_TYPE } from './data/book';
import { AUTHORS, CATEGORIES } from './data/site';
import { TESTIMONIES } from './data/testimonies';
import { VIDEOS } from './data/videos';

/**
 * The demo content as data: what the seed (`@chiudete/demo-content/seed`)
 * loads into an empty CMS, for the tests and the e2e suite to check against.
 */

export { ANSWERS } from './data/answers';
export { ARTICLES, DRAFT_ARTICLE } from './data/articles';
export { BOOK, BOOK_TYPE } from './data/book';
export { AUTHORS, CATEGORIES, GLOBAL } from './data/site';
export { TESTIMONIES } from './data/testimonies';
export { VIDEOS } from './data/videos';
export type * from './data/types';

/** Slug of the one demo article left as an unpublished draft. */
export const DEMO_DRAFT_ARTICLE_SLUG = DRAFT_ARTICLE.slug;

/** Slugs of the published demo entries, per type (the draft article excluded). */
export const DEMO_SLUGS = {
  articles: ARTICLES.map((a) => a.slug),
  authors: AUTHORS.map((a) => a.slug),
  categories: CATEGORIES.map((c) => c.slug),
  books: [BOOK.slug],
  testimonies: TESTIMONIES.map((t) => t.slug),
  answers: ANSWERS.map((a) => a.slug),
  videos: VIDEOS.map((v) => v.slug),
} as const;

/** Every content type the seed writes to; content in any of them means "not an empty database". */
export const SEEDED_TYPES = [
  'api::global.global',
  'api::author.author',
  'api::category.category',
  BOOK_TYPE,
  'api::article.article',
  'api::answer.answer',
  'api::testimony.testimony',
  'api::video.video',
] as const satisfies readonly UID.ContentType[];
