/** Id of the top of a paginated list: where the pagination's links take the reader (AppListTop). */
export const LIST_TOP_ID = 'elenco';

export type PageItem = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/**
 * The page numbers to show in a pagination bar: always the first and the
 * last, the current one with `siblings` on each side, and gaps (`…`) where
 * pages are left out. A gap never stands for a single page (that page is
 * shown instead). E.g. page 6 of 20 → 1 … 5 6 7 … 20.
 */
export function paginationItems(current: number, pageCount: number, siblings = 1): PageItem[] {
  if (pageCount < 1) return [];
  const page = Math.min(Math.max(current, 1), pageCount);
  const start = Math.max(2, page - siblings);
  const end = Math.min(pageCount - 1, page + siblings);

  const items: PageItem[] = [{ kind: 'page', page: 1 }];
  if (start === 3) items.push({ kind: 'page', page: 2 });
  else if (start > 3) items.push({ kind: 'gap', key: 'gap-start' });
  for (let n = start; n <= end; n++) items.push({ kind: 'page', page: n });
  if (end === pageCount - 2) items.push({ kind: 'page', page: pageCount - 1 });
  else if (end < pageCount - 2) items.push({ kind: 'gap', key: 'gap-end' });
  if (pageCount > 1) items.push({ kind: 'page', page: pageCount });
  return items;
}
