import { describe, expect, it } from 'vitest';
import { deprecationHeaders, validateDeprecations, type ApiDeprecation } from './index';

const videos: ApiDeprecation = { path: '/api/videos', deprecatedAt: '2027-01-15', sunset: '2027-08-01', link: 'https://chiudeteicallcenter.eu/changelog#videos' };
const excerpt: ApiDeprecation = { path: '/api/articles', field: 'excerpt', deprecatedAt: '2027-02-01', sunset: '2027-09-01', link: 'https://chiudeteicallcenter.eu/changelog#excerpt' };

describe('deprecationHeaders', () => {
  it('marks the path and every path below it, in the RFCs\' formats', () => {
    for (const path of ['/api/videos', '/api/videos/abc']) {
      expect(deprecationHeaders([videos], path)).toEqual({
        Deprecation: `@${Date.parse('2027-01-15') / 1000}`,
        Sunset: 'Sun, 01 Aug 2027 00:00:00 GMT',
        Link: '<https://chiudeteicallcenter.eu/changelog#videos>; rel="deprecation"; type="text/html"',
      });
    }
  });

  it('leaves other paths alone, a shared prefix included', () => {
    expect(deprecationHeaders([videos, excerpt], '/api/videosx')).toBeUndefined();
    expect(deprecationHeaders([videos, excerpt], '/api/answers')).toBeUndefined();
    expect(deprecationHeaders([], '/api/videos')).toBeUndefined();
  });

  it('gives the earliest dates and every link when several entries apply', () => {
    const later = { ...excerpt, field: 'cover', deprecatedAt: '2027-03-01', sunset: '2027-12-01', link: 'https://chiudeteicallcenter.eu/changelog#cover' };
    const headers = deprecationHeaders([later, excerpt], '/api/articles/x')!;
    expect(headers.Sunset).toBe('Wed, 01 Sep 2027 00:00:00 GMT');
    expect(headers.Link.split(', ')).toHaveLength(2);
  });
});

describe('validateDeprecations', () => {
  it('accepts well-formed entries', () => {
    expect(() => validateDeprecations([videos, excerpt])).not.toThrow();
  });

  it.each([
    [{ ...videos, path: '/videos' }, /path must start with \/api\//],
    [{ ...videos, sunset: 'presto' }, /must be ISO dates/],
    [{ ...videos, sunset: '2027-03-01' }, /at least six months after/],
    [{ ...videos, link: 'http://x' }, /https:\/\//],
  ])('refuses %o, naming the entry', (entry, message) => {
    expect(() => validateDeprecations([entry])).toThrow(message);
    expect(() => validateDeprecations([entry])).toThrow(/^config\/deprecations\.ts, \/\S+/);
  });
});
