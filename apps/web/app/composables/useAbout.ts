import type { ComputedRef } from 'vue';
import type { AuthorProfile } from './useAuthors';
import type { BookSummary } from './useBook';

export type AboutBook = BookSummary;

export interface AboutPage {
  authors: AuthorProfile[];
  /** The latest published book, or null while there is none. */
  book: AboutBook | null;
}

/**
 * What «Chi siamo» reads from the CMS besides the site settings (already
 * loaded by app.vue under `global`): who signs the articles, and the book.
 */
export function useAboutPage(): Promise<ComputedRef<AboutPage>> {
  return useCmsData('about', async (cms) => {
    const [authors, books] = await Promise.all([
      cms.authors.list({ page: 1, pageSize: 20, sort: ['name:asc'] }),
      cms.books.list({ page: 1, pageSize: 1, sort: ['releaseDate:desc', 'id:desc'] }),
    ]);
    const latest = books.data[0];
    return {
      authors: authors.data.map(toAuthorProfile),
      book: latest
        ? { documentId: latest.documentId, title: latest.title, subtitle: latest.subtitle, releaseDate: latest.releaseDate, publisher: latest.publisher, cover: latest.cover ?? null }
        : null,
    };
  });
}
