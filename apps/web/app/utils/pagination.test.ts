import { describe, expect, it } from 'vitest';
import { paginationItems, type PageItem } from './pagination';

const show = (items: PageItem[]) => items.map((item) => (item.kind === 'page' ? String(item.page) : '…')).join(' ');

describe('paginationItems', () => {
  it('lists every page when there are few', () => {
    expect(show(paginationItems(1, 1))).toBe('1');
    expect(show(paginationItems(2, 4))).toBe('1 2 3 4');
  });

  it('puts gaps around the current page in a long list', () => {
    expect(show(paginationItems(6, 20))).toBe('1 … 5 6 7 … 20');
    expect(show(paginationItems(1, 20))).toBe('1 2 … 20');
    expect(show(paginationItems(20, 20))).toBe('1 … 19 20');
  });

  it('never hides a single page behind a gap', () => {
    expect(show(paginationItems(4, 20))).toBe('1 2 3 4 5 … 20');
    expect(show(paginationItems(17, 20))).toBe('1 … 16 17 18 19 20');
  });

  it('clamps an out-of-range page and handles empty lists', () => {
    expect(show(paginationItems(99, 3))).toBe('1 2 3');
    expect(paginationItems(1, 0)).toEqual([]);
  });
});
