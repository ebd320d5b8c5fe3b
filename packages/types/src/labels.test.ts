import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, REJECTION_REASONS, SECTOR_LABELS, enumLabel, enumLabelsFor } from './labels';

describe('enumeration labels', () => {
  it('finds a vocabulary by its whole set of values, in any order', () => {
    expect(enumLabelsFor(Object.keys(SECTOR_LABELS).reverse())).toBe(SECTOR_LABELS);
    expect(enumLabelsFor(['telefonia', 'luce'])).toBeUndefined();
    expect(enumLabelsFor([...Object.keys(SECTOR_LABELS), 'acqua'])).toBeUndefined();
  });

  it('labels each value in its own vocabulary, and leaves unknown values as they are', () => {
    expect(enumLabel(Object.keys(SECTOR_LABELS), 'e_commerce')).toBe('E-commerce');
    expect(enumLabel([...REJECTION_REASONS], 'altro')).toBe('Altro (spiega nella nota)');
    expect(enumLabel(Object.keys(SECTOR_LABELS), 'altro')).toBe('Altro');
    expect(enumLabel(['draft', 'published'], 'draft')).toBe('draft');
    expect(enumLabel(Object.keys(SECTOR_LABELS), 'toString')).toBe('toString');
  });

  it('has no two vocabularies with the same values', () => {
    const keys = ENUM_LABELS.map((labels) => Object.keys(labels).sort().join(','));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
