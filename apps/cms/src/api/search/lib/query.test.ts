import { describe, expect, it } from 'vitest';
import { stem } from './analysis';
import { applyCorrections, correctedText, editDistance, maxTypoDistance, parseQuery, pickCorrection, queryTerms, type QueryGroup } from './query';

const describeGroup = (group: QueryGroup) => (group.kind === 'term' ? group.term.stem : `"${group.terms.map((t) => t.stem).join(' ')}"`);

describe('parseQuery', () => {
  it('drops stop words and duplicates, and stems the rest', () => {
    const parsed = parseQuery('Le bollette della luce e la bolletta');
    expect(parsed.groups.map(describeGroup)).toEqual(['bollett', 'luc']);
  });

  it('keeps quoted phrases whole, stop words included (straight and Italian quotes)', () => {
    expect(parseQuery('"per amore e per denaro" romanzo').groups.map(describeGroup)).toEqual(['"per amor e per denar"', 'romanz']);
    expect(parseQuery('«numero verde»').groups.map(describeGroup)).toEqual(['"numer verd"']);
    // A one-word phrase is a word; an unclosed quote is ignored.
    expect(parseQuery('"contatore"').groups.map(describeGroup)).toEqual(['contator']);
    expect(parseQuery('"contatore gas').groups.map(describeGroup)).toEqual(['contator', 'gas']);
  });

  it('records where each word is in the query', () => {
    const query = 'Il «numero verde» sempre occupato';
    for (const term of queryTerms(parseQuery(query))) expect(query.slice(term.start, term.end)).toBe(term.text);
  });

  it('ignores punctuation-only and stop-word-only queries', () => {
    expect(parseQuery('?! --').groups).toEqual([]);
    expect(parseQuery('il la di').groups).toEqual([]);
  });

  it('bounds the number of words used', () => {
    const words = Array.from({ length: 30 }, (_, i) => `parola${String.fromCharCode(97 + (i % 26))}${i}`);
    expect(parseQuery(words.join(' ')).groups).toHaveLength(12);
  });
});

describe('typo correction', () => {
  it('measures edits, counting a swap of two adjacent letters as one', () => {
    expect(editDistance('contatroe', 'contatore')).toBe(1);
    expect(editDistance('bolleta', 'bolletta')).toBe(1);
    expect(editDistance('raccomandta', 'raccomandata')).toBe(1);
    expect(editDistance('gatto', 'cane')).toBe(4);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });

  it('allows one edit up to 6 letters, two from 7, none under 4', () => {
    expect([3, 4, 6, 7, 12].map(maxTypoDistance)).toEqual([0, 1, 1, 2, 2]);
  });

  it('picks the closest word, then the same first letter, then the commonest', () => {
    const candidates = [
      { word: 'contatore', display: 'contatore', documents: 1 },
      { word: 'contratto', display: 'contratto', documents: 9 },
      { word: 'ontatore', display: 'ontatore', documents: 50 },
    ];
    expect(pickCorrection('contatroe', candidates)?.word).toBe('contatore');
    expect(pickCorrection('contatore', candidates)).toBeNull();
    expect(pickCorrection('xyz', candidates)).toBeNull();
    expect(pickCorrection('bolletta', [{ word: 'bollette', display: 'bollette', documents: 2 }, { word: 'bolletto', display: 'bolletto', documents: 5 }])?.word).toBe('bolletto');
    expect(pickCorrection('ciotta', [{ word: 'citta', display: 'città', documents: 1 }, { word: 'giotta', display: 'giotta', documents: 9 }])?.display).toBe('città');
  });

  it('rewrites the query with the corrections, keeping the rest and an initial capital', () => {
    const query = 'Contatroe del gas: letura';
    const [contatroe, , letura] = queryTerms(parseQuery(query));
    const corrections = [
      { term: contatroe!, replacement: { word: 'contatore', display: 'contatore' } },
      { term: letura!, replacement: { word: 'lettura', display: 'lettura' } },
    ];
    expect(correctedText(query, corrections)).toBe('Contatore del gas: lettura');
    const corrected = applyCorrections(parseQuery(query), corrections);
    expect(queryTerms(corrected).map((t) => t.stem)).toEqual([stem('contatore'), 'gas', stem('lettura')]);
  });
});
