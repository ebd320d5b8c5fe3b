import type { StrapiClient } from '@chiudete/types';
import type { PagesContent } from './files';

const MEDIA_FIELDS = ['url', 'alternativeText'];

/**
 * What pagine.xml and the index read from the CMS: the sitemap source's
 * summary (counts and newest change per type), the site settings, the
 * latest book, the videos and the Osservatorio's named companies. Each
 * request names its own small populate, so the CMS's default one (every
 * image and relation) is skipped.
 */
export async function loadPagesContent(cms: StrapiClient): Promise<PagesContent> {
  const [summary, global, books, videos, osservatorio] = await Promise.all([
    cms.sitemap.types(),
    cms.global.get({ fields: ['updatedAt'], populate: { defaultSeo: { populate: { shareImage: { fields: MEDIA_FIELDS } } } } }),
    cms.books.list({ page: 1, pageSize: 1, sort: ['releaseDate:desc', 'id:desc'], fields: ['title', 'updatedAt'], populate: { cover: { fields: MEDIA_FIELDS } } }),
    cms.videos.listAll({
      sort: 'id:asc',
      fields: ['title', 'description', 'youtubeId', 'durationSeconds', 'publishedAt', 'createdAt', 'updatedAt'],
      populate: { poster: { fields: MEDIA_FIELDS } },
    }),
    cms.osservatorio.get(),
  ]);
  const book = books.data[0];
  return {
    summary: summary.data,
    companies: osservatorio.data.companies.map((company) => company.slug),
    global: { updatedAt: global.updatedAt, shareImage: global.defaultSeo?.shareImage ?? null },
    book: book ? { title: book.title, updatedAt: book.updatedAt, cover: book.cover ?? null } : null,
    videos,
  };
}
