import { describe, expect, it } from 'vitest';
import { isValidSlug, parsePage, parseTestimonyQuery, routeParam, testimonyQuery } from './query';

describe('parsePage', () => {
  it('reads a positive integer', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(['2', '5'])).toBe(2);
  });

  it.each([undefined, null, '', '0', '-1', '1.5', 'abc', '9999999'])('falls back to 1 for %j', (value) => {
    expect(parsePage(value)).toBe(1);
  });
});

describe('parseTestimonyQuery', () => {
  it('reads known role and sector values', () => {
    expect(parseTestimonyQuery({ ruolo: 'cliente', settore: 'luce', pagina: '2' })).toEqual({ page: 2, role: 'cliente', sector: 'luce' });
  });

  it('ignores unknown or empty values', () => {
    expect(parseTestimonyQuery({ ruolo: 'admin', settore: '' })).toEqual({ page: 1, role: undefined, sector: undefined });
  });
});

describe('testimonyQuery', () => {
  it('leaves out empty filters and page 1', () => {
    expect(testimonyQuery({ role: 'operatore', sector: undefined, page: 1 })).toEqual({ ruolo: 'operatore' });
    expect(testimonyQuery({ sector: 'gas', page: 3 })).toEqual({ settore: 'gas', pagina: '3' });
  });
});

describe('slugs and params', () => {
  it('accepts Strapi uid characters only', () => {
    expect(isValidSlug('il-mio-primo-hater')).toBe(true);
    expect(isValidSlug('<script>')).toBe(false);
    expect(isValidSlug('')).toBe(false);
  });

  it('reads a route param as one string', () => {
    expect(routeParam(['a', 'b'])).toBe('a');
    expect(routeParam(undefined)).toBe('');
  });
});
