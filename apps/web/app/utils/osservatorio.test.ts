import { describe, expect, it } from 'vitest';
import { formatMonth } from './format';
import { barLengths, categorySummary, formatCount, formatShare, joinItalian, leadingRows, monthSummary, shortMonth } from './osservatorio';

const SECTOR_WORDS = { one: 'Il settore più citato è', many: 'I settori più citati sono' };

describe('figures in Italian', () => {
  it('groups thousands from four digits and rounds shares', () => {
    expect(formatCount(1024)).toBe('1.024');
    expect(formatCount(7)).toBe('7');
    expect(formatShare(412, 1024)).toBe('40\u00A0%');
    expect(formatShare(0, 0)).toBe('0\u00A0%');
  });

  it('joins names as Italian does', () => {
    expect(joinItalian(['a'])).toBe('a');
    expect(joinItalian(['a', 'b', 'c'])).toBe('a, b e c');
    expect(joinItalian([])).toBe('');
  });
});

describe('categorySummary', () => {
  it('names the leader with its count and share', () => {
    const rows = [
      { key: 'telefonia', label: 'Telefonia fissa e mobile', count: 412 },
      { key: 'luce', label: 'Luce', count: 300 },
      { key: 'gas', label: 'Gas', count: 0 },
    ];
    expect(categorySummary(rows, 1024, SECTOR_WORDS)).toBe('Il settore più citato è «Telefonia fissa e mobile»: 412 testimonianze su 1.024, il 40\u00A0%.');
  });

  it('names every leader of a tie, and says when nothing is counted', () => {
    const rows = [{ key: 'luce', label: 'Luce', count: 12 }, { key: 'gas', label: 'Gas', count: 12 }, { key: 'altro', label: 'Altro', count: 1 }];
    expect(categorySummary(rows, 100, SECTOR_WORDS)).toBe('I settori più citati sono «Luce» e «Gas»: 12 testimonianze ciascuno su 100, il 12\u00A0% ciascuno.');
    expect(categorySummary(rows.map((row) => ({ ...row, count: 0 })), 0, SECTOR_WORDS)).toBe('Nessuna testimonianza nel periodo scelto.');
    expect(leadingRows([{ count: 0 }])).toEqual([]);
    expect(categorySummary([{ key: 'a', label: 'Alfa', count: 5 }, { key: 'b', label: 'Beta', count: 5 }], 10, { one: 'L\'azienda più nominata è', many: 'Le aziende più nominate sono', each: 'ciascuna' }))
      .toBe('Le aziende più nominate sono «Alfa» e «Beta»: 5 testimonianze ciascuna su 10, il 50\u00A0% ciascuna.');
  });

  it('says one testimony in the singular', () => {
    expect(categorySummary([{ key: 'gas', label: 'Gas', count: 1 }], 1, SECTOR_WORDS)).toBe('Il settore più citato è «Gas»: 1 testimonianza su 1, il 100\u00A0%.');
  });
});

describe('barLengths', () => {
  it('is proportional to the counts, the largest at full length', () => {
    expect(barLengths([50, 25, 0, 100], 200)).toEqual([100, 50, 0, 200]);
    expect(barLengths([0, 0], 200)).toEqual([0, 0]);
    expect(barLengths([], 200)).toEqual([]);
  });
});

describe('monthSummary', () => {
  it('says the span, the total and the busiest month', () => {
    const months = [{ month: '2025-01', count: 3 }, { month: '2025-02', count: 0 }, { month: '2025-03', count: 45 }];
    expect(monthSummary(months, formatMonth)).toBe('Da gennaio 2025 a marzo 2025, 48 testimonianze; il mese con più testimonianze è marzo 2025, con 45.');
  });

  it('handles ties, a single month and no testimonies', () => {
    expect(monthSummary([{ month: '2025-01', count: 2 }, { month: '2025-02', count: 2 }], formatMonth))
      .toBe('Da gennaio 2025 a febbraio 2025, 4 testimonianze; i mesi con più testimonianze sono gennaio 2025 e febbraio 2025, con 2 ciascuno.');
    expect(monthSummary([{ month: '2025-06', count: 1 }], formatMonth)).toBe('A giugno 2025, 1 testimonianza.');
    const even = ['2025-01', '2025-02', '2025-03', '2025-04'].map((month) => ({ month, count: 1 }));
    expect(monthSummary([{ month: '2025-08', count: 2 }], formatMonth)).toBe('Ad agosto 2025, 2 testimonianze.');
    expect(monthSummary(even, formatMonth)).toBe('Da gennaio 2025 ad aprile 2025, 4 testimonianze; al massimo 1 in un mese, in 4 mesi diversi.');
    expect(monthSummary([], formatMonth)).toBe('Nessuna testimonianza nel periodo scelto.');
  });

  it('shortens a month for the axis', () => {
    expect(shortMonth('2026-03')).toBe('mar 2026');
    expect(shortMonth('x')).toBe('x');
  });
});
