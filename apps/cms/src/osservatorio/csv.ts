import { CHANNEL_LABELS, ROLE_LABELS, SECTOR_LABELS, type OsservatorioAggregates } from '@chiudete/types';

/**
 * The Osservatorio's CSV download: one long ("tidy") table, RFC 4180 (UTF-8
 * without BOM, CRLF line ends, fields quoted when they hold a comma, a quote
 * or a line break, quotes doubled), under the header
 * `dimension,key,label,count`. Rows, in this order (docs/partners.md):
 *
 * | dimension | key | label | count |
 * |---|---|---|---|
 * | `license` | the licence's URL | «CC BY 4.0 — <attribution>» | |
 * | `generated_at` | ISO date-time of the figures | | |
 * | `filter` | `sector`, `from`, `to`, `company` | the value (empty: none) | |
 * | `company_threshold` | | | the threshold |
 * | `total` | | | testimonies counted |
 * | `sector`, `channel`, `role` | the vocabulary's key | its Italian label | count (every key, zeros too) |
 * | `month` | `YYYY-MM` | | count |
 * | `month_cliente`, `month_operatore` | `YYYY-MM` | | count for that role |
 * | `company` | slug | name | count (named companies only) |
 * | `other_companies` | | | testimonies whose company is not named |
 *
 * A text that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading apostrophe: company
 * names are readers' words.
 */
export const CSV_HEADER = ['dimension', 'key', 'label', 'count'] as const;

type Cell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted as RFC 4180 asks, defused against spreadsheet formulas. */
export function csvField(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

export function osservatorioCsv(data: OsservatorioAggregates): string {
  const { filters, license } = data;
  const rows: Cell[][] = [
    ['license', license.url, `${license.name} — ${license.attribution}`, ''],
    ['generated_at', data.generatedAt, '', ''],
    ['filter', 'sector', filters.sector ?? '', ''],
    ['filter', 'from', filters.from ?? '', ''],
    ['filter', 'to', filters.to ?? '', ''],
    ['filter', 'company', filters.company?.slug ?? '', ''],
    ['company_threshold', '', '', data.companyThreshold],
    ['total', '', '', data.total],
    ...data.bySector.map(({ key, count }) => ['sector', key, SECTOR_LABELS[key], count]),
    ...data.byChannel.map(({ key, count }) => ['channel', key, CHANNEL_LABELS[key], count]),
    ...data.byRole.map(({ key, count }) => ['role', key, ROLE_LABELS[key], count]),
    ...data.byMonth.map(({ month, count }) => ['month', month, '', count]),
    ...data.byMonth.map(({ month, cliente }) => ['month_cliente', month, '', cliente]),
    ...data.byMonth.map(({ month, operatore }) => ['month_operatore', month, '', operatore]),
    ...data.companies.map(({ slug, name, count }) => ['company', slug, name, count]),
    ['other_companies', '', '', data.otherCompanies],
  ];
  return [CSV_HEADER, ...rows].map(line).join('');
}

/** The CSV of figures already computed (the same object for the same cube and filter, see index.ts). */
const written = new WeakMap<OsservatorioAggregates, string>();

export function osservatorioCsvOnce(data: OsservatorioAggregates): string {
  let csv = written.get(data);
  if (csv === undefined) {
    csv = osservatorioCsv(data);
    written.set(data, csv);
  }
  return csv;
}

/**
 * The download's file name: `osservatorio` and the filters given, e.g.
 * `osservatorio-telefonia-2025-01-2025-12.csv`, `osservatorio-completo.json`.
 * Every part is a validated enum, month or slug: nothing to escape.
 */
export function downloadFileName(filters: OsservatorioAggregates['filters'], extension: 'csv' | 'json'): string {
  const parts = [filters.sector, filters.from ? `da-${filters.from}` : null, filters.to ? `a-${filters.to}` : null, filters.company?.slug].filter((part): part is string => Boolean(part));
  return `osservatorio-${parts.length > 0 ? parts.join('-') : 'completo'}.${extension}`;
}
