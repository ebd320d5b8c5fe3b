import { describe, expect, it } from 'vitest';
import { pickRelated, rankByScore, sharedCategories, testimonyAffinity } from './related';

const item = (documentId: string) => ({ documentId });
const article = (documentId: string, ...categories: string[]) => ({ documentId, categories: categories.map((slug) => ({ slug })) });
const testimony = (documentId: string, sector: string, role: string) => ({ documentId, sector, role });

describe('pickRelated', () => {
  it('takes the best group first, fills from the next, skips the current item and duplicates', () => {
    const sameCategory = [item('current'), item('a'), item('b')];
    const latest = [item('current'), item('b'), item('c'), item('d')];
    expect(pickRelated([sameCategory, latest], 'current', 3).map((x) => x.documentId)).toEqual(['a', 'b', 'c']);
  });

  it('returns fewer when there is not enough, and nothing for count 0', () => {
    expect(pickRelated([[item('current'), item('a')]], 'current', 3)).toEqual([item('a')]);
    expect(pickRelated([[item('a')]], 'current', 0)).toEqual([]);
  });
});

describe('rankByScore', () => {
  it('puts the closest first and keeps the date order among equals', () => {
    const articles = [
      article('newest', 'telemarketing'),
      article('middle', 'telemarketing', 'diritti'),
      article('oldest', 'diritti'),
      article('unrelated', 'libro'),
    ];
    const ranked = rankByScore(articles, (candidate) => sharedCategories(candidate, ['telemarketing', 'diritti']));
    expect(ranked.map((x) => x.documentId)).toEqual(['middle', 'newest', 'oldest']);
  });

  it('ranks testimonies by sector, then role', () => {
    const current = { sector: 'luce', role: 'cliente' };
    const testimonies = [
      testimony('same-role', 'gas', 'cliente'),
      testimony('same-sector', 'luce', 'operatore'),
      testimony('both', 'luce', 'cliente'),
      testimony('neither', 'gas', 'operatore'),
    ];
    const ranked = rankByScore(testimonies, (candidate) => testimonyAffinity(candidate, current));
    expect(ranked.map((x) => x.documentId)).toEqual(['both', 'same-sector', 'same-role']);
  });
});
