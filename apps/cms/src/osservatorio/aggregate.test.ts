import { describe, expect, it } from 'vitest';
import { OSSERVATORIO_LICENSE } from '@chiudete/types';
import { aggregate, nextMonth } from './aggregate';
import { toCube, type CubeRow } from './cube';

const row = (sector: string, channel: string, role: string, month: string, brand: string | null, n: number | string): CubeRow => ({ sector, channel, role, month, brand, n });

const cube = toCube([
  row('telefonia', 'chat', 'cliente', '2025-01', 'TIM', 2),
  row('telefonia', 'chat', 'cliente', '2025-01', 'Tim ', '1'),
  row('telefonia', 'email', 'operatore', '2025-03', 'tim', 1),
  row('luce', 'negozio', 'cliente', '2025-03', 'Enel', 2),
  row('luce', 'negozio', 'operatore', '2025-04', null, 3),
  row('gas', 'altro', 'cliente', '2025-04', '  ', 1),
  // Outside the vocabulary or malformed: in no figure.
  row('acqua', 'chat', 'cliente', '2025-04', 'X', 9),
  row('gas', 'chat', 'cliente', '2025-13', 'X', 9),
], new Date('2026-01-01T00:00:00Z'));

describe('toCube', () => {
  it('folds spellings by slug and names each company by its most frequent spelling', () => {
    expect(cube.companyNames.get('tim')).toBe('TIM');
    expect(cube.companyNames.get('enel')).toBe('Enel');
    expect(cube.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(10);
    expect(cube.cells.filter((cell) => cell.company === null).map((cell) => cell.count)).toEqual([3, 1]);
  });
});

describe('aggregate', () => {
  it('counts every key of the vocabulary, zeros included, and the months between the first and the last', () => {
    const result = aggregate(cube, {}, 3);
    if (!result.found) throw new Error('expected figures');
    const { data } = result;
    expect(data.total).toBe(10);
    expect(data.bySector.map(({ key, count }) => [key, count])).toEqual([['telefonia', 4], ['luce', 5], ['gas', 1], ['pay_tv', 0], ['e_commerce', 0], ['banche_assicurazioni', 0], ['altro', 0]]);
    expect(data.byRole).toEqual([{ key: 'cliente', count: 6 }, { key: 'operatore', count: 4 }]);
    expect(data.byChannel.find(({ key }) => key === 'negozio')!.count).toBe(5);
    expect(data.byMonth).toEqual([
      { month: '2025-01', count: 3, cliente: 3, operatore: 0 },
      { month: '2025-02', count: 0, cliente: 0, operatore: 0 },
      { month: '2025-03', count: 3, cliente: 2, operatore: 1 },
      { month: '2025-04', count: 4, cliente: 1, operatore: 3 },
    ]);
    expect(data.companies).toEqual([{ slug: 'tim', name: 'TIM', count: 4 }]);
    expect(data.otherCompanies).toBe(6);
    expect(data.companyThreshold).toBe(3);
    expect(data.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(data.license).toEqual(OSSERVATORIO_LICENSE);
    expect(data.filters).toEqual({ sector: null, from: null, to: null, company: null });
  });

  it('applies the threshold in the filtered set: a company named overall may not be named for a period', () => {
    const period = aggregate(cube, { from: '2025-02', to: '2025-04' }, 3);
    if (!period.found) throw new Error('expected figures');
    expect(period.data.total).toBe(7);
    expect(period.data.companies).toEqual([]);
    expect(period.data.otherCompanies).toBe(7);
    expect(aggregate(cube, { from: '2025-02', company: 'tim' }, 3)).toEqual({ found: false, reason: 'unknown-company' });
    expect(aggregate(cube, { company: 'enel' }, 3)).toEqual({ found: false, reason: 'unknown-company' });
    expect(aggregate(cube, { company: 'nessuna' }, 1)).toEqual({ found: false, reason: 'unknown-company' });
  });

  it('answers a named company with its own figures', () => {
    const result = aggregate(cube, { sector: 'telefonia', company: 'tim' }, 4);
    if (!result.found) throw new Error('expected figures');
    expect(result.data.filters).toEqual({ sector: 'telefonia', from: null, to: null, company: { slug: 'tim', name: 'TIM', count: 4 } });
    expect(result.data.total).toBe(4);
    expect(result.data.companies).toEqual([{ slug: 'tim', name: 'TIM', count: 4 }]);
    expect(result.data.otherCompanies).toBe(0);
  });

  it('names companies with exactly the threshold, most named first, then by name', () => {
    const result = aggregate(cube, {}, 2);
    if (!result.found) throw new Error('expected figures');
    expect(result.data.companies.map(({ slug, count }) => [slug, count])).toEqual([['tim', 4], ['enel', 2]]);
  });

  it('answers an empty set with zeros and no months', () => {
    const result = aggregate(cube, { sector: 'pay_tv' }, 1);
    if (!result.found) throw new Error('expected figures');
    expect(result.data.total).toBe(0);
    expect(result.data.byMonth).toEqual([]);
    expect(result.data.bySector.every(({ count }) => count === 0)).toBe(true);
  });
});

describe('nextMonth', () => {
  it('crosses a year', () => {
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(nextMonth('2025-09')).toBe('2025-10');
  });
});
