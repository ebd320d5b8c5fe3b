import type { Article, Author, Category, Filters, Media, Pagination } from '@chiudete/types';
import type { SummaryCoverField } from '#shared/utils/article-summary';
import type { ComputedRef } from 'vue';

/** What a list or a card needs of an article (the payload stays small: no body). */
export interface ArticleSummary {
  documentId: string;
  slug: string;
  title: string;
  excerpt: string;
  publicationDate: string;
  cover: Pick<Media, SummaryCoverField> | null;
  author: Pick<Author, 'name' | 'slug'> | null;
  categories: Array<Pick<Category, 'name' | 'slug'>>;
}

export interface ArticlePage {
  articles: ArticleSummary[];
  pagination: Pagination;
}

export const ARTICLES_PAGE_SIZE = 9;

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
      ...ARTICLE_SUMMARY_QUERY,
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
      ...ARTICLE_SUMMARY_QUERY,
    });
    return data.map(toArticleSummary);
  });
}

/** One published article by slug, or a 404. */
export function useArticle(slug: string): Promise<ComputedRef<Article>> {
  return useEntry('article', slug, 'Articolo non trovato.');
}

/** How many related articles the end of an article shows. */
export const RELATED_ARTICLES_COUNT = 3;

/** Candidates fetched among the articles sharing a category, before ranking. */
const RELATED_CANDIDATES = 12;

/**
 * The articles to read next: those sharing most categories with `article`
 * (newest first among equals), then the latest ones to fill the places.
 * Secondary content: a CMS failure leaves the list empty, not the page broken.
 */
export function useRelatedArticles(
  article: Pick<Article, 'documentId' | 'categories'>,
  count = RELATED_ARTICLES_COUNT,
): Promise<ComputedRef<ArticleSummary[]>> {
  const categories = (article.categories ?? []).map((category) => category.slug);
  return useOptionalCmsData(`articles:related:${article.documentId}:${count}`, async (cms) => {
    const newestFirst = (pageSize: number, filters: Filters<Article> = {}) => cms.articles.list({
      page: 1,
      pageSize,
      sort: ['publicationDate:desc', 'id:desc'],
      ...ARTICLE_SUMMARY_QUERY,
      filters: { ...filters, documentId: { $ne: article.documentId } },
    });
    const [sameCategory, latest] = await Promise.all([
      categories.length > 0 ? newestFirst(RELATED_CANDIDATES, { categories: { slug: { $in: categories } } }) : Promise.resolve({ data: [] }),
      newestFirst(count),
    ]);
    const closest = rankByScore(sameCategory.data.map(toArticleSummary), (candidate) => sharedCategories(candidate, categories));
    return pickRelated([closest, latest.data.map(toArticleSummary)], article.documentId, count);
  }, []);
}
