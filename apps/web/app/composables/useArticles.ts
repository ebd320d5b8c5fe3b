import type { Article, Author, Category, Media, Pagination } from '@chiudete/types';
import type { ComputedRef } from 'vue';

/** What a list or a card needs of an article (the payload stays small: no body). */
export interface ArticleSummary {
  documentId: string;
  slug: string;
  title: string;
  excerpt: string;
  publicationDate: string;
  cover: Media | null;
  author: Pick<Author, 'name' | 'slug'> | null;
  categories: Array<Pick<Category, 'name' | 'slug'>>;
}

export interface ArticlePage {
  articles: ArticleSummary[];
  pagination: Pagination;
}

export const ARTICLES_PAGE_SIZE = 9;

const SUMMARY_FIELDS = ['title', 'slug', 'excerpt', 'publicationDate'] as const;

export function toArticleSummary(article: Article): ArticleSummary {
  return {
    documentId: article.documentId,
    slug: article.slug,
    title: article.title,
    excerpt: article.excerpt,
    publicationDate: article.publicationDate,
    cover: article.cover ?? null,
    author: article.author ? { name: article.author.name, slug: article.author.slug } : null,
    categories: (article.categories ?? []).map(({ name, slug }) => ({ name, slug })),
  };
}

/** One page of the blog, newest first; a page past the last one is a 404. */
export async function useArticleList(page: number): Promise<ComputedRef<ArticlePage>> {
  const result = await useCmsData(`articles:list:${page}`, async (cms) => {
    const { data, meta } = await cms.articles.list({
      page,
      pageSize: ARTICLES_PAGE_SIZE,
      sort: ['publicationDate:desc', 'id:desc'],
      fields: [...SUMMARY_FIELDS],
    });
    return { articles: data.map(toArticleSummary), pagination: meta.pagination };
  });
  if (page > Math.max(result.value.pagination.pageCount, 1)) {
    throw notFound(`La pagina ${page} degli articoli non esiste.`);
  }
  return result;
}

/** The newest `count` articles (home page). */
export function useLatestArticles(count: number): Promise<ComputedRef<ArticleSummary[]>> {
  return useCmsData(`articles:latest:${count}`, async (cms) => {
    const { data } = await cms.articles.list({
      page: 1,
      pageSize: count,
      sort: ['publicationDate:desc', 'id:desc'],
      fields: [...SUMMARY_FIELDS],
    });
    return data.map(toArticleSummary);
  });
}

/** One published article by slug, or a 404. */
export async function useArticle(slug: string): Promise<ComputedRef<Article>> {
  if (!isValidSlug(slug)) throw notFound('Articolo non trovato.');
  const article = await useCmsData(`article:${slug}`, (cms) => cms.articles.getBySlug(slug));
  return requireFound(article, 'Articolo non trovato.');
}
