import type { Core, UID } from '@strapi/strapi';

/**
 * Deep pages of the public lists in two steps ("deferred join"), so that
 * page 500 costs about what page 1 does.
 *
 * `GET /api/testimonies?...&pagination[page]=500` becomes a query with
 * `OFFSET 4990`: the database reads the 4,990 rows it skips, whole (a
 * testimony row carries its story). PostgreSQL then often prefers to fetch
 * every matching row and sort them (an external sort of megabytes) over
 * walking the index. Here, from DEEP_OFFSET on, the page's ids are found
 * first with a query that only needs the list's index (an index-only scan of
 * `(sector, role, published_at, id)` and its siblings, declared in the
 * types' schema.json), then the document service loads those rows, with
 * their population, as it would have. The answer is the same, in the same
 * order.
 *
 * Only published reads of the public list types, with an offset of at least
 * DEEP_OFFSET; everything else goes straight through.
 */

/** From this offset on, a page is read in two steps. */
export const DEEP_OFFSET = 100;

/** The public lists that readers page through deeply. */
export const DEEP_PAGE_TYPES: ReadonlySet<string> = new Set<UID.ContentType>(['api::testimony.testimony', 'api::article.article', 'api::answer.answer']);

interface FindManyParams {
  status?: string;
  filters?: unknown;
  sort?: unknown;
  start?: number;
  limit?: number;
  locale?: string;
  [key: string]: unknown;
}

interface QueryParamsService {
  transform(uid: UID.ContentType, params: Record<string, unknown>): { where?: Record<string, unknown>; orderBy?: unknown };
}

export function registerDeepPages(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'findMany' || !DEEP_PAGE_TYPES.has(context.uid)) return next();
    const params = (context.params ?? {}) as FindManyParams;
    const start = Number(params.start ?? 0);
    const limit = Number(params.limit);
    if (params.status !== 'published' || params.locale !== undefined || !Number.isSafeInteger(start) || start < DEEP_OFFSET || !Number.isSafeInteger(limit) || limit < 1) return next();

    const uid = context.uid as UID.ContentType;
    const query = (strapi.get('query-params') as QueryParamsService).transform(uid, { filters: params.filters, sort: params.sort });
    const rows = await strapi.db.query(uid).findMany({
      select: ['id'],
      where: { $and: [query.where ?? {}, { publishedAt: { $notNull: true } }] },
      orderBy: query.orderBy as never,
      offset: start,
      limit,
    }) as Array<{ id: number }>;
    type Result = Awaited<ReturnType<typeof next>>;
    if (rows.length === 0) return [] as unknown as Result;

    const ids = rows.map((row) => row.id);
    context.params = { ...params, filters: { id: { $in: ids } }, start: 0, limit: ids.length } as typeof context.params;
    const found = (await next()) as unknown as Array<{ id: number }>;
    const position = new Map(ids.map((id, index) => [id, index]));
    return [...found].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)) as unknown as Result;
  });
}
