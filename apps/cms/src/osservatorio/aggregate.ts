import { CHANNELS, OSSERVATORIO_LICENSE, ROLES, SECTORS, type OsservatorioAggregates, type OsservatorioCompany, type OsservatorioMonth, type Sector } from '@chiudete/types';
import type { Cube, CubeCell } from './cube';

/** The filters, validated (src/api/osservatorio/controllers): each one optional. */
export interface OsservatorioFilters {
  sector?: Sector;
  from?: string;
  to?: string;
  company?: string;
}

/** The answer to a filter, or `unknown-company` when the company is not named (under the threshold in this set, or never given). */
export type AggregateResult = { found: true; data: OsservatorioAggregates } | { found: false; reason: 'unknown-company' };

const countBy = <K extends string>(keys: readonly K[], cells: readonly CubeCell[], keyOf: (cell: CubeCell) => K) => {
  const counts = new Map<K, number>(keys.map((key) => [key, 0]));
  for (const cell of cells) counts.set(keyOf(cell), (counts.get(keyOf(cell)) ?? 0) + cell.count);
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
};

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
}

/** Every month from the first to the last with a testimony, zeros included, oldest first. */
function byMonth(cells: readonly CubeCell[]): OsservatorioMonth[] {
  const months = new Map<string, OsservatorioMonth>();
  for (const cell of cells) {
    const month = months.get(cell.month) ?? { month: cell.month, count: 0, cliente: 0, operatore: 0 };
    month.count += cell.count;
    month[cell.role] += cell.count;
    months.set(cell.month, month);
  }
  const keys = [...months.keys()].sort();
  if (keys.length === 0) return [];
  const series: OsservatorioMonth[] = [];
  const last = keys[keys.length - 1]!;
  for (let month = keys[0]!; month <= last; month = nextMonth(month)) {
    series.push(months.get(month) ?? { month, count: 0, cliente: 0, operatore: 0 });
  }
  return series;
}

/** Companies with at least `threshold` testimonies among `cells`, most named first, then by name. */
function namedCompanies(cube: Cube, cells: readonly CubeCell[], threshold: number): OsservatorioCompany[] {
  const counts = new Map<string, number>();
  for (const cell of cells) if (cell.company) counts.set(cell.company, (counts.get(cell.company) ?? 0) + cell.count);
  return [...counts]
    .filter(([, count]) => count >= threshold)
    .map(([slug, count]) => ({ slug, name: cube.companyNames.get(slug) ?? slug, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'it') || (a.slug < b.slug ? -1 : 1));
}

/**
 * The aggregates of one filter, from the cube: pure, so a filter costs a pass
 * over the cube's cells and never a query. The threshold holds in the
 * filtered set: a company is named (and may be asked for by slug) only when
 * it has at least `threshold` testimonies for that sector and period.
 */
export function aggregate(cube: Cube, filters: OsservatorioFilters, threshold: number): AggregateResult {
  const { sector, from, to, company } = filters;
  const inSet = cube.cells.filter((cell) =>
    (sector === undefined || cell.sector === sector) && (from === undefined || cell.month >= from) && (to === undefined || cell.month <= to));

  let cells = inSet;
  let chosen: OsservatorioCompany | null = null;
  if (company !== undefined) {
    chosen = namedCompanies(cube, inSet, threshold).find((named) => named.slug === company) ?? null;
    if (!chosen) return { found: false, reason: 'unknown-company' };
    cells = inSet.filter((cell) => cell.company === company);
  }

  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const companies = namedCompanies(cube, cells, threshold);
  return {
    found: true,
    data: {
      filters: { sector: sector ?? null, from: from ?? null, to: to ?? null, company: chosen },
      total,
      bySector: countBy(SECTORS, cells, (cell) => cell.sector),
      byChannel: countBy(CHANNELS, cells, (cell) => cell.channel),
      byRole: countBy(ROLES, cells, (cell) => cell.role),
      byMonth: byMonth(cells),
      companies,
      otherCompanies: total - companies.reduce((sum, named) => sum + named.count, 0),
      companyThreshold: threshold,
      generatedAt: cube.computedAt,
      license: OSSERVATORIO_LICENSE,
    },
  };
}
