import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatPrice, toParagraphs, truncateText } from './format';

describe('formatDate', () => {
  it('formats a calendar date in Italian without shifting the day', () => {
    expect(formatDate('2019-07-20')).toBe('20 luglio 2019');
    expect(formatDate('2019-07-04')).toBe('4 luglio 2019');
    expect(formatDate('2020-01-01')).toBe('1 gennaio 2020');
  });

  it('shows a timestamp in Italian time', () => {
    // 23:30 UTC on 4 July is already 5 July in Rome.
    expect(formatDate('2019-07-04T23:30:00.000Z')).toBe('5 luglio 2019');
  });

  it('returns an empty string for missing or invalid input', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('domani')).toBe('');
  });
});

describe('formatMonth', () => {
  it('formats a year-month as Italian month and year', () => {
    expect(formatMonth('2019-07')).toBe('luglio 2019');
    expect(formatMonth('2023-12')).toBe('dicembre 2023');
  });

  it('leaves anything else as it is', () => {
    expect(formatMonth('estate 2019')).toBe('estate 2019');
  });
});

describe('formatPrice', () => {
  it('formats euro the Italian way', () => {
    expect(formatPrice(14.9)).toBe('14,90\u00A0€');
    expect(formatPrice('1250')).toBe('1250,00\u00A0€');
  });

  it('returns an empty string when there is no price', () => {
    expect(formatPrice(null)).toBe('');
    expect(formatPrice('gratis')).toBe('');
  });
});

describe('truncateText', () => {
  it('keeps short text and normalises spaces', () => {
    expect(truncateText('  Una   storia\nbreve ', 50)).toBe('Una storia breve');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    const result = truncateText('Il mio operatore mi ha detto che il contratto non si poteva disdire', 30);
    expect(result).toBe('Il mio operatore mi ha detto…');
    expect(result.length).toBeLessThanOrEqual(30);
  });
});

describe('toParagraphs', () => {
  it('splits on blank lines and drops empty paragraphs', () => {
    expect(toParagraphs('Primo.\nStessa riga.\n\n\nSecondo.\r\n\r\nTerzo.  ')).toEqual(['Primo.\nStessa riga.', 'Secondo.', 'Terzo.']);
  });
});
