import { describe, expect, it } from 'vitest';
import { toQueryString } from './query';

describe('toQueryString', () => {
  it('writes nested filters in bracket notation with explicit indices', () => {
    expect(
      toQueryString({
        filters: { $or: [{ role: { $eq: 'cliente' } }, { sector: { $in: ['luce', 'gas'] } }] },
        sort: ['publicationDate:desc'],
        pagination: { page: 2, pageSize: 9 },
      }),
    ).toBe(
      'filters[$or][0][role][$eq]=cliente&filters[$or][1][sector][$in][0]=luce&filters[$or][1][sector][$in][1]=gas'
      + '&sort[0]=publicationDate%3Adesc&pagination[page]=2&pagination[pageSize]=9',
    );
  });

  it('encodes values and skips undefined ones', () => {
    expect(toQueryString({ filters: { title: { $containsi: 'perché & come?' } }, page: undefined })).toBe(
      'filters[title][$containsi]=perch%C3%A9%20%26%20come%3F',
    );
  });

  it('keeps null as an empty value and booleans as text', () => {
    expect(toQueryString({ a: null, b: true })).toBe('a=&b=true');
  });
});
