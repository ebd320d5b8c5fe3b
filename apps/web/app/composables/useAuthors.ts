import type { Author, Pagination } from '@chiudete/types';
import type { ComputedRef } from 'vue';
import type { ArticleSummary } from './useArticles';

/** What the site shows of an author: never the list of articles (fetched apart, paginated). */
export type AuthorProfile = Pick<Author, 'documentId' | 'name' | 'slug' | 'role' | 'bio' | 'avatar' | 'socialLinks'>;

export interface AuthorPage {
  author: AuthorProfile;
  articles: ArticleSummary[];
  pagination: Pagination;
}

export function toAuthorProfile({ documentId, name, slug, role, bio, avatar, socialLinks }: Author): AuthorProfile {
  return { documentId, name, slug, role, bio, avatar: avatar ?? null, socialLinks: socialLinks ?? [] };
}

/**
 * An author's page: bio, avatar and public profiles, and one page of the
 * articles they signed, newest first. An unknown author or a page past the
 * last one is a 404.
 */
export async function useAuthorPage(slug: string, page: number): Promise<ComputedRef<AuthorPage>> {
  if (!isValidSlug(slug)) throw notFound('Autore non trovato.');
  const result = await useCmsData(`author:${slug}:${page}`, async (cms): Promise<AuthorPage | null> => {
    const [author, list] = await Promise.all([
      cms.authors.getBySlug(slug),
      cms.articles.list({
        page,
        pageSize: ARTICLES_PAGE_SIZE,
        sort: ['publicationDate:desc', 'id:desc'],
        ...ARTICLE_SUMMARY_QUERY,
        filters: { author: { slug: { $eq: slug } } },
      }),
    ]);
    if (!author) return null;
    return { author: toAuthorProfile(author), articles: list.data.map(toArticleSummary), pagination: list.meta.pagination };
  });
  const found = requireFound(result, 'Autore non trovato.');
  if (page > Math.max(found.value.pagination.pageCount, 1)) {
    throw notFound(`La pagina ${page} degli articoli di ${found.value.author.name} non esiste.`);
  }
  return found;
}
