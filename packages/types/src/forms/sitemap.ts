import { z } from 'zod';
import { SITEMAP_PAGE_MAX, SITEMAP_PAGE_SIZE_MAX, SITEMAP_TYPES } from '../sitemap';

/**
 * Parameters of `GET /api/sitemap/{type}?page=&pageSize=`, as the CMS
 * validates them: the type from the path, the page and its size from the
 * query string (strings read as integers; unknown parameters refused).
 */
const integer = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

// Pure, its message a function: the form pages' bundles, which load this entry for their own
// schemas, drop it and the registry it reads (e2e/page-weight.e2e.ts).
export const sitemapTypeSchema = /* @__PURE__ */ z.enum(SITEMAP_TYPES, { error: () => `Il tipo deve essere uno tra: ${SITEMAP_TYPES.join(', ')}.` });

export const sitemapPageQuerySchema = z.strictObject({
  page: integer(1, SITEMAP_PAGE_MAX, `La pagina deve essere un numero intero da 1 a ${SITEMAP_PAGE_MAX}.`).default(1),
  pageSize: integer(1, SITEMAP_PAGE_SIZE_MAX, `Le voci per pagina devono essere un numero intero da 1 a ${SITEMAP_PAGE_SIZE_MAX}.`).default(SITEMAP_PAGE_SIZE_MAX),
});

export type SitemapPageQuery = z.output<typeof sitemapPageQuerySchema>;
