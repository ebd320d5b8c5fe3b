import type { Category, Pagination } from '@chiudete/types';
import type { ComputedRef } from 'vue';
import { ANSWER_SUMMARY_FIELDS, type AnswerSummary } from './useAnswers';
import type { ArticleSummary } from './useArticles';

export type CategorySummary = Pick<Category, 'documentId' | 'name' | 'slug' | 'description'>;

export interface CategoryPage {
  category: CategorySummary;
  articles: ArticleSummary[];
  pagination: Pagination;
  /** «Risposte precise» linked to the category's articles (first page only). */
  answers: AnswerSummary[];
}

/** Answers shown on a category page, at most. */
export const CATEGORY_ANSWERS_COUNT = 6;

const CATEGORY_FIELDS = ['name', 'slug', 'description'] as const;

function toCategorySummary({ documentId, name, slug, description }: Category): CategorySummary {
  return { documentId, name, slug, description };
}

/**
 * A category's page: its description, one page of its published articles
 * (newest first) and, on the first page, the answers linked to those
 * articles. An unknown category or a page past the last one is a 404.
 */
export async function useCategoryPage(slug: string, page: number): Promise<ComputedRef<CategoryPage>> {
  if (!isValidSlug(slug)) throw notFound('Argomento non trovato.');
  const result = await useCmsData(`category:${slug}:${page}`, async (cms): Promise<CategoryPage | null> => {
    const inCategory = { categories: { slug: { $eq: slug } } };
    const [category, list, answers] = await Promise.all([
      cms.categories.getBySlug(slug, { fields: [...CATEGORY_FIELDS] }),
      cms.articles.list({
        page,
        pageSize: ARTICLES_PAGE_SIZE,
        sort: ['publicationDate:desc', 'id:desc'],
        ...ARTICLE_SUMMARY_QUERY,
        filters: inCategory,
      }),
      page === 1
        ? cms.answers.list({
            page: 1,
            pageSize: CATEGORY_ANSWERS_COUNT,
            sort: ['publishedAt:desc', 'id:desc'],
            fields: [...ANSWER_SUMMARY_FIELDS],
            filters: { articles: inCategory },
          })
        : Promise.resolve({ data: [] }),
    ]);
    if (!category) return null;
    return {
      category: toCategorySummary(category),
      articles: list.data.map(toArticleSummary),
      pagination: list.meta.pagination,
      answers: answers.data.map(toAnswerSummary),
    };
  });
  const found = requireFound(result, 'Argomento non trovato.');
  if (page > Math.max(found.value.pagination.pageCount, 1)) {
    throw notFound(`La pagina ${page} di «${found.value.category.name}» non esiste.`);
  }
  return found;
}

/** Every category, by name (the topics of the blog). Secondary: empty when the CMS fails. */
export function useCategoryList(): Promise<ComputedRef<CategorySummary[]>> {
  return useOptionalCmsData('categories:list', async (cms) => {
    const { data } = await cms.categories.list({ page: 1, pageSize: 100, sort: ['name:asc'], fields: [...CATEGORY_FIELDS] });
    return data.map(toCategorySummary);
  }, []);
}
