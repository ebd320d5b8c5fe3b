import { describe, expect, it } from 'vitest';
import { MAX_FILTER_RELATIONS, publicQueryProblem } from './public-query';

/** The queries tests/fuzz-contract.test.ts found Strapi failing on (500s, a CMS kept busy), as qs parses them. */
describe('publicQueryProblem', () => {
  it('lets ordinary queries through', () => {
    for (const query of [
      {},
      { _q: 'call center' },
      { fields: 'title,slug', sort: 'author.name:asc,publicationDate:desc', populate: ['author', 'categories'] },
      { filters: { slug: { $eq: 'x' }, author: { slug: { $eq: 'candy-larsson' } }, title: { $not: { $contains: 'x' } } } },
      { filters: { $or: [{ updatedAt: { $gt: '2019-01-01' } }, { publishedAt: { $gt: '2019-01-01' } }], publicationDate: { $between: ['2019-01-01', '2019-12-31'] } } },
      { pagination: { page: '2', pageSize: '100' } },
      { filters: { articles: { author: { articles: { slug: { $eq: 'x' } } } } } },
    ]) {
      expect(publicQueryProblem(query), JSON.stringify(query)).toBeUndefined();
    }
  });

  it.each([
    ['_q as a list', { _q: ['a', 'b'] }, /_q/],
    ['_q without value', { _q: null }, /_q/],
    ['a prototype key as a field', { fields: 'constructor' }, /Invalid key constructor/],
    ['a prototype key in a list of fields', { fields: ['slug', 'toString'] }, /Invalid key toString/],
    ['a prototype key as a sort', { sort: 'valueOf:asc' }, /Invalid key valueOf/],
    ['a prototype key as a filter', { filters: { hasOwnProperty: { $eq: '1' } } }, /Invalid key hasOwnProperty/],
    ['an empty field', { fields: '' }, /empty/],
    ['a comma too many in sort', { sort: 'slug:asc,' }, /empty/],
    ['$between with one value', { filters: { pages: { $between: '1' } } }, /\$between/],
    ['$between with three values', { filters: { pages: { $between: ['1', '2', '3'] } } }, /\$between/],
    ['filters as a list', { filters: [['a', 'b'], [null]] }, /not as a list/],
    ['a numeric key for an attribute', { filters: { title: { 150: 'x' } } }, /Invalid key 150/],
    ['$not of attributes under a relation', { filters: { author: { $not: { slug: { $notNull: 'true' } } } } }, /\$not here takes operators/],
    ['a huge page', { pagination: { page: '18446744073709551616' } }, /pagination\[page\]/],
    ['a huge start', { pagination: { start: '1e20' } }, /pagination\[start\]/],
    [`filters through more than ${MAX_FILTER_RELATIONS} relations`, { filters: { articles: { author: { articles: { author: { slug: { $eq: 'x' } } } } } } }, /at most 3 relations/],
  ])('refuses %s', (_what, query, message) => {
    expect(publicQueryProblem(query)).toMatch(message);
  });
});
