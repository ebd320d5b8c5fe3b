import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { OSSERVATORIO_LICENSE } from '@chiudete/types';
import { aggregate } from './aggregate';
import { toCube } from './cube';
import { CSV_HEADER, csvField, downloadFileName, osservatorioCsv } from './csv';
import { loadOsservatorioThreshold } from './config';

/** Reads back what was written, with a strict RFC 4180 parser of its own (csv-parse): CRLF rows, quotes, one layout. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false, bom: false }) as string[][];
}

const cube = toCube([
  { sector: 'telefonia', channel: 'chat', role: 'cliente', month: '2025-01', brand: 'Rossi, "Bianchi" & C.', n: 3 },
  { sector: 'luce', channel: 'email', role: 'operatore', month: '2025-02', brand: '=HYPERLINK("x")', n: 2 },
  { sector: 'luce', channel: 'email', role: 'operatore', month: '2025-02', brand: 'Sola', n: 1 },
], new Date('2026-02-03T04:05:06Z'));

describe('osservatorioCsv', () => {
  const result = aggregate(cube, {}, 2);
  if (!result.found) throw new Error('expected figures');
  const csv = osservatorioCsv(result.data);
  const rows = parseCsv(csv);

  it('is RFC 4180: CRLF after every row, four fields each, the header first', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.every((row) => row.length === 4)).toBe(true);
  });

  it('starts with the licence and states the filters, then the figures', () => {
    expect(rows[1]).toEqual(['license', OSSERVATORIO_LICENSE.url, `CC BY 4.0 — ${OSSERVATORIO_LICENSE.attribution}`, '']);
    expect(rows[2]).toEqual(['generated_at', '2026-02-03T04:05:06.000Z', '', '']);
    expect(rows.filter((row) => row[0] === 'filter').map((row) => row[1])).toEqual(['sector', 'from', 'to', 'company']);
    expect(rows.find((row) => row[0] === 'total')).toEqual(['total', '', '', '6']);
    expect(rows.find((row) => row[0] === 'sector' && row[1] === 'luce')).toEqual(['sector', 'luce', 'Luce', '3']);
    expect(rows.filter((row) => row[0] === 'month')).toEqual([['month', '2025-01', '', '3'], ['month', '2025-02', '', '3']]);
    expect(rows.filter((row) => row[0] === 'month_operatore').map((row) => row[3])).toEqual(['0', '3']);
    expect(rows.find((row) => row[0] === 'other_companies')).toEqual(['other_companies', '', '', '1']);
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas in readers\' words', () => {
    const companies = rows.filter((row) => row[0] === 'company');
    expect(companies).toEqual([['company', 'rossi-bianchi-c', 'Rossi, "Bianchi" & C.', '3'], ['company', 'hyperlink-x', '\'=HYPERLINK("x")', '2']]);
    expect(csv).toContain('"Rossi, ""Bianchi"" & C."');
    expect(csvField('@SUM(A1)')).toBe('\'@SUM(A1)');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(12)).toBe('12');
  });
});

describe('downloadFileName', () => {
  it('names the filters given', () => {
    expect(downloadFileName({ sector: null, from: null, to: null, company: null }, 'csv')).toBe('osservatorio-completo.csv');
    expect(downloadFileName({ sector: 'telefonia', from: '2025-01', to: '2025-12', company: { slug: 'tim', name: 'TIM', count: 9 } }, 'json'))
      .toBe('osservatorio-telefonia-da-2025-01-a-2025-12-tim.json');
  });
});

describe('loadOsservatorioThreshold', () => {
  it('defaults to 5 and accepts a whole number from 1', () => {
    expect(loadOsservatorioThreshold({})).toBe(5);
    expect(loadOsservatorioThreshold({ OSSERVATORIO_COMPANY_THRESHOLD: ' 12 ' })).toBe(12);
    expect(loadOsservatorioThreshold({ OSSERVATORIO_COMPANY_THRESHOLD: '1' })).toBe(1);
  });

  it.each(['0', '-3', '2.5', 'cinque', '1e3', '9999999'])('refuses %s, naming the variable', (value) => {
    expect(() => loadOsservatorioThreshold({ OSSERVATORIO_COMPANY_THRESHOLD: value })).toThrow(/OSSERVATORIO_COMPANY_THRESHOLD=".*" must be a whole number from 1/);
  });
});
