import { describe, expect, it } from 'vitest';
import { SEARCH_TYPES, sitePath } from '@chiudete/types';
import { searchQuerySchema } from '@chiudete/types/forms';
import { isSearchable, parseSiteSearchQuery, resultCount, searchHitPath, searchTypeFromParam, siteSearchQuery } from './search';

describe('parseSiteSearchQuery', () => {
  it('reads the query, the Italian type name and the page', () => {
    expect(parseSiteSearchQuery({ q: '  bolletta gas ', tipo: 'testimonianze', pagina: '2' }))
      .toEqual({ q: 'bolletta gas', type: 'testimony', page: 2, problem: undefined });
  });

  it('ignores an unknown type and a bad page, and takes the first of repeated values', () => {
    expect(parseSiteSearchQuery({ q: ['uno', 'due'], tipo: 'video', pagina: 'x' })).toEqual({ q: 'uno', type: undefined, page: 1, problem: undefined });
    expect(parseSiteSearchQuery({ q: 'uno', pagina: '5000' }).page).toBe(1);
  });

  it('says why a query cannot be searched', () => {
    expect(parseSiteSearchQuery({}).q).toBe('');
    expect(isSearchable(parseSiteSearchQuery({}))).toBe(false);
    expect(parseSiteSearchQuery({ q: ' a ' }).problem).toBe('too_short');
    expect(parseSiteSearchQuery({ q: 'a'.repeat(101) }).problem).toBe('too_long');
    expect(isSearchable(parseSiteSearchQuery({ q: 'ab' }))).toBe(true);
  });

  it.each([
    'ab', ' a ', '\u{62E2B}', '\u{1F600}', '\u{1F600}a', 'e\u0301', '\u200b\u200b', 'a\u00a0', '\ud800', '\ud800\ud800',
    'x'.repeat(100), 'x'.repeat(101), '\u{1F600}'.repeat(60), '\u{1F600}'.repeat(101), `${'x'.repeat(99)}\u{1F600}`,
  ])('sends %j to the CMS only if the CMS takes it (a refused query once failed the page)', (q) => {
    const site = parseSiteSearchQuery({ q });
    expect(isSearchable(site)).toBe(searchQuerySchema.safeParse({ q }).success);
  });
});

describe('search addresses', () => {
  it('writes the query string without empty values', () => {
    expect(siteSearchQuery({ q: 'disdetta', type: 'answer', page: 1 })).toEqual({ q: 'disdetta', tipo: 'risposte' });
    expect(siteSearchQuery({ q: 'disdetta', page: 3 })).toEqual({ q: 'disdetta', pagina: '3' });
    expect(siteSearchQuery({})).toEqual({});
  });

  it('maps Italian type names both ways', () => {
    expect(searchTypeFromParam('articoli')).toBe('article');
    expect(searchTypeFromParam('article')).toBeUndefined();
  });

  it('links each result to its section', () => {
    expect(searchHitPath({ type: 'article', slug: 'il-mio-primo-hater' })).toBe('/articoli/il-mio-primo-hater');
    expect(searchHitPath({ type: 'testimony', slug: 'x' })).toBe('/testimonianze/x');
    expect(searchHitPath({ type: 'answer', slug: 'y' })).toBe('/risposte/y');
  });

  it('links as the registry\'s sitePath does', () => {
    for (const type of SEARCH_TYPES) expect(searchHitPath({ type, slug: 'a b/c' }), type).toBe(sitePath(type, 'a b/c'));
  });

  it('counts in Italian', () => {
    expect(resultCount(1)).toBe('1 risultato');
    expect(resultCount(0)).toBe('0 risultati');
    expect(resultCount(1000, true)).toBe('più di 1.000 risultati');
  });
});
