import type { Core } from '@strapi/strapi';
import type { SitemapIndexResponse, SitemapPageResponse, SitemapType } from '@chiudete/types';
import { sitemapIndex, sitemapPage } from '../../../sitemap';

/** The sitemap source: the logic lives in src/sitemap. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  index(): Promise<SitemapIndexResponse> {
    return sitemapIndex(strapi);
  },
  page(type: SitemapType, page: number, pageSize: number): Promise<SitemapPageResponse> {
    return sitemapPage(strapi, type, page, pageSize);
  },
});
