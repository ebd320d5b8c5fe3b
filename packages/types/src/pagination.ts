import type { ListParams, Paginated } from './rest';
import { formatSinceCursor, parseSinceCursor, type SincePosition } from './since-cursor';

/** The API's largest page: the iterators read 100 entries per request unless told otherwise. */
export const MAX_PAGE_SIZE = 100;

/** `list` parameters for the iterators: every page is read, starting at `page` (default 1). */
export type IterateParams<T> = ListParams<T>;

/**
 * `since` parameters: no `sort` nor `page` (the iterator orders by the type's change time, then
 * `documentId`, and keeps its own cursor; see `CollectionClient.since` for which field that is).
 */
export type SinceParams<T> = Omit<ListParams<T>, 'sort' | 'page'>;

/** Reads one page: `query` is the REST query (filters, sort, pagination…). */
export type PageReader<T> = (query: Record<string, unknown>) => Promise<Paginated<T>>;

/** Strapi's `pagination[...]` block from the friendlier `page`/`pageSize`. */
export function listQuery<T>({ page, pageSize, ...rest }: ListParams<T>): Record<string, unknown> {
  const pagination = page !== undefined || pageSize !== undefined ? { page: page ?? 1, pageSize: pageSize ?? 25 } : undefined;
  return { ...rest, pagination };
}

const documentIdOf = (entry: unknown): string | undefined => {
  const value = (entry as { documentId?: unknown } | null)?.documentId;
  return typeof value === 'string' ? value : undefined;
};

/**
 * Every page of a listing, one request each (page-number pagination, in the
 * order of `params.sort`). Stops after the last page the server reports, or
 * at the first empty page.
 */
export async function* iteratePages<T>(read: PageReader<T>, params: IterateParams<T> = {}): AsyncGenerator<Paginated<T>, void, undefined> {
  const pageSize = params.pageSize ?? MAX_PAGE_SIZE;
  for (let page = params.page ?? 1; ; page++) {
    const result = await read(listQuery({ ...params, page, pageSize }));
    yield result;
    if (result.data.length === 0 || page >= result.meta.pagination.pageCount) return;
  }
}

/**
 * Every entry of a listing, page after page. Page numbers shift when entries
 * are published or removed while the iteration runs: an entry may then be
 * met twice (yielded once: duplicates by `documentId` are dropped) or missed.
 * For a complete mirror use `since`, whose cursor does not shift.
 */
export async function* iterateEntries<T>(read: PageReader<T>, params: IterateParams<T> = {}): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  for await (const page of iteratePages(read, params)) {
    for (const entry of page.data) {
      const id = documentIdOf(entry);
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      yield entry;
    }
  }
}

/**
 * The field that tells when the public version of an entry last changed.
 * Draft-and-publish types: `publishedAt` (every publish, first or not, makes a
 * new public version with a new `publishedAt`, while it keeps the `updatedAt`
 * of the draft's last edit, which may be much older). Other types: `updatedAt`.
 */
export type ChangeField = 'publishedAt' | 'updatedAt';

/** `since`'s iterator: the entries, and the cursor to resume from next time. */
export interface SinceIterator<T> extends AsyncGenerator<T, void, undefined> {
  /**
   * Where to resume: store it, pass it to `since` next time. An opaque
   * string, `<ISO time>|<documentId>` of the last entry yielded (the time
   * alone is not enough: several entries may share one change time); before
   * the first entry, the starting point (a date as ISO 8601 UTC).
   */
  readonly cursor: string;
}

/**
 * Every entry whose public version changed after `from` (strictly after a
 * date; after the time and `documentId` of a stored cursor), oldest change
 * first: sorted by the change field, then `documentId`, and read with a
 * keyset cursor (`field > last`, or `field = last and documentId > last`)
 * instead of page numbers, so that entries changing during the iteration
 * never shift the pages: a change made meanwhile shows up again at the end.
 */
export function iterateSince<T>(read: PageReader<T>, from: string | Date, params: SinceParams<T> = {}, field: ChangeField = 'updatedAt'): SinceIterator<T> {
  let cursor: SincePosition = parseSinceCursor(from);
  // The types leave them out; JavaScript callers may still pass them, and they would be silently replaced.
  for (const fixed of ['sort', 'page', 'pagination'] as const) {
    if (fixed in params) {
      throw new TypeError(`since() takes no "${fixed}": it reads every page in the order of ${field}, then documentId (the cursor depends on it).`);
    }
  }

  async function* entries(): AsyncGenerator<T, void, undefined> {
    const { filters, fields, pageSize: requested, ...rest } = params;
    // A short page ends the iteration: ask for no more than the server serves.
    const pageSize = Math.min(requested ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    // The cursor needs the change field even when the caller selects others (documentId always comes).
    const selected = fields ? [...new Set<string>([...fields, field])] : undefined;

    for (;;) {
      const after = cursor.documentId === undefined
        ? { [field]: { $gt: cursor.time } }
        : {
            $or: [
              { [field]: { $gt: cursor.time } },
              { [field]: { $eq: cursor.time }, documentId: { $gt: cursor.documentId } },
            ],
          };
      const page = await read({
        ...rest,
        ...(selected ? { fields: selected } : {}),
        filters: filters ? { $and: [filters, after] } : after,
        sort: [`${field}:asc`, 'documentId:asc'],
        pagination: { page: 1, pageSize },
      });
      for (const entry of page.data) {
        const time = (entry as Record<string, unknown>)[field];
        const documentId = documentIdOf(entry);
        if (typeof time !== 'string' || documentId === undefined) {
          throw new TypeError(`since: the entries must carry ${field} and documentId`);
        }
        cursor = { time, documentId };
        yield entry;
      }
      if (page.data.length < pageSize) return;
    }
  }

  return Object.defineProperty(entries(), 'cursor', { get: () => formatSinceCursor(cursor), enumerable: true }) as SinceIterator<T>;
}
