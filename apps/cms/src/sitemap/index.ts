import type { Core, UID } from '@strapi/strapi';
import { SITEMAP_TYPES, uidOf, type SitemapEntry, type SitemapIndexResponse, type SitemapPageResponse, type SitemapType } from '@chiudete/types';

/**
 * The sitemap source: for each type with pages of its own, the published
 * entries' slugs and last change, in pages of up to 50,000. Only `slug` and
 * `updatedAt` of published rows are ever read: no draft, no other field.
 *
 * Built for 100,000 entries and more: the count, the newest change and a
 * page are read from the `<table>_slug_idx` index (slug, id, published_at,
 * updated_at) declared in each type's schema.json, by index-only scans
 * (PostgreSQL, once vacuumed; SQLite's covering index), in the index's own
 * order (slug, then the row id as tie-break: stable, and no sort), without
 * reading the table itself. Table and column names come from Strapi's
 * metadata.
 */

/** The content type of each sitemap type (the registry's). */
export const SITEMAP_SOURCES = Object.fromEntries(SITEMAP_TYPES.map((type) => [type, uidOf(type)])) as Readonly<Record<SitemapType, UID.ContentType>>;

interface Columns {
  table: string;
  slug: string;
  updatedAt: string;
  publishedAt: string;
}

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

function columnsOf(strapi: Core.Strapi, type: SitemapType): Columns {
  const meta = strapi.db.metadata.get(SITEMAP_SOURCES[type]) as unknown as Meta;
  const column = (attribute: string) => {
    const name = meta.attributes[attribute]?.columnName;
    if (!name) throw new Error(`[sitemap] ${SITEMAP_SOURCES[type]} has no ${attribute} column`);
    return name;
  };
  return { table: meta.tableName, slug: column('slug'), updatedAt: column('updatedAt'), publishedAt: column('publishedAt') };
}

interface KnexQuery extends PromiseLike<Array<Record<string, unknown>>> {
  select(...columns: string[]): KnexQuery;
  whereNotNull(column: string): KnexQuery;
  count(column: string, options: { as: string }): KnexQuery;
  max(column: string, options: { as: string }): KnexQuery;
  orderBy(columns: Array<{ column: string; order: 'asc' | 'desc' }>): KnexQuery;
  limit(limit: number): KnexQuery;
  offset(offset: number): KnexQuery;
}

const published = (strapi: Core.Strapi, columns: Columns) =>
  (strapi.db.getConnection(columns.table) as unknown as KnexQuery).whereNotNull(columns.publishedAt);

/** Dates as the drivers return them (PostgreSQL: Date; SQLite: milliseconds or text) in ISO 8601. */
function isoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

async function summary(strapi: Core.Strapi, type: SitemapType) {
  const columns = columnsOf(strapi, type);
  const [row] = await published(strapi, columns).count('*', { as: 'count' }).max(columns.updatedAt, { as: 'lastModified' });
  return { type, count: Number(row?.count ?? 0), lastModified: isoDate(row?.lastModified) };
}

/** `GET /api/sitemap`: every type's published count and newest change. */
export async function sitemapIndex(strapi: Core.Strapi): Promise<SitemapIndexResponse> {
  const data = [];
  for (const type of SITEMAP_TYPES) data.push(await summary(strapi, type));
  return { data };
}

/** `GET /api/sitemap/{type}?page=&pageSize=`: one page of a type's published slugs, in slug order. */
export async function sitemapPage(strapi: Core.Strapi, type: SitemapType, page: number, pageSize: number): Promise<SitemapPageResponse> {
  const columns = columnsOf(strapi, type);
  const [counted] = await published(strapi, columns).count('*', { as: 'count' });
  const total = Number(counted?.count ?? 0);
  const pageCount = Math.ceil(total / pageSize);
  let data: SitemapEntry[] = [];
  if (page <= pageCount) {
    const rows = await published(strapi, columns)
      .select(columns.slug, columns.updatedAt)
      .orderBy([{ column: columns.slug, order: 'asc' }, { column: 'id', order: 'asc' }])
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    data = rows.map((row) => ({ slug: String(row[columns.slug]), updatedAt: isoDate(row[columns.updatedAt]) ?? '' }));
  }
  return { data, meta: { pagination: { page, pageSize, pageCount, total } } };
}
