import type { Pagination } from './rest';
import { SITEMAP_CONTENT_TYPES, type SitemapContentType } from './registry';

/**
 * The sitemap source (`GET /api/sitemap`, `GET /api/sitemap/{type}`): every
 * published entry that has a page of its own, as slug and last change, in
 * pages of up to 50,000 (the most one sitemap file may list). The contract
 * between the CMS (apps/cms/src/sitemap, apps/cms/src/api/sitemap), the
 * site's sitemap and partners.
 */

/** Types with pages of their own on the site (articles, testimonies, answers, authors, categories, books): the registry's `sitemap` types. */
export const SITEMAP_TYPES = SITEMAP_CONTENT_TYPES;
export type SitemapType = SitemapContentType;

/** Entries per page: at most what one sitemap file may list (sitemaps.org), and the default. */
export const SITEMAP_PAGE_SIZE_MAX = 50_000;
/** Highest `page` accepted: a guard against absurd offsets (2.5 billion entries at the largest page size). */
export const SITEMAP_PAGE_MAX = 50_000;

export interface SitemapTypeSummary {
  type: SitemapType;
  /** Published entries of this type. */
  count: number;
  /** The newest `updatedAt` among them (ISO 8601), or null when there is none. */
  lastModified: string | null;
}

/** `GET /api/sitemap`: one summary per type, in SITEMAP_TYPES order. */
export interface SitemapIndexResponse {
  data: SitemapTypeSummary[];
}

export interface SitemapEntry {
  slug: string;
  /** When the published version last changed (ISO 8601). */
  updatedAt: string;
}

/** `GET /api/sitemap/{type}?page=&pageSize=`: entries in slug order. */
export interface SitemapPageResponse {
  data: SitemapEntry[];
  meta: { pagination: Pagination };
}
