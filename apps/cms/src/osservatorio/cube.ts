import type { Core } from '@strapi/strapi';
import { CHANNELS, OSSERVATORIO_MONTH_PATTERN, ROLES, SECTORS, osservatorioCompanySlug, type Channel, type Role, type Sector } from '@chiudete/types';

/**
 * The Osservatorio's one scan: published testimonies counted per sector,
 * channel, role, event month and company spelling (`GROUP BY` in the
 * database), read once and reduced in JavaScript for every filter
 * (aggregate.ts). A few thousand groups at 100,000 testimonies.
 */
export interface CubeCell {
  sector: Sector;
  channel: Channel;
  role: Role;
  /** `YYYY-MM`. */
  month: string;
  /** The company's slug (`osservatorioCompanySlug`), null when none is given. */
  company: string | null;
  count: number;
}

export interface Cube {
  cells: CubeCell[];
  /** Each company's display name: the spelling most testimonies use (over every published testimony). */
  companyNames: ReadonlyMap<string, string>;
  /** When the scan ran (ISO). */
  computedAt: string;
}

/** One row of the `GROUP BY`, as the drivers return it (counts are strings on PostgreSQL). */
export interface CubeRow {
  sector: unknown;
  channel: unknown;
  role: unknown;
  month: unknown;
  brand: unknown;
  n: unknown;
}

const TESTIMONY = 'api::testimony.testimony';

const sectors = new Set<string>(SECTORS);
const channels = new Set<string>(CHANNELS);
const roles = new Set<string>(ROLES);

/**
 * The cube from the grouped rows: spellings folded by slug, the display name
 * the most frequent spelling (ties: the first in code-point order, so the
 * answer never depends on the database's row order). A row outside the
 * vocabulary or with a malformed month (impossible through Strapi's
 * validation) is left out of every figure rather than guessed.
 */
export function toCube(rows: readonly CubeRow[], computedAt: Date): Cube {
  const cells: CubeCell[] = [];
  const spellings = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const { sector, channel, role, month } = row;
    const count = Number(row.n);
    if (typeof sector !== 'string' || !sectors.has(sector) || typeof channel !== 'string' || !channels.has(channel)) continue;
    if (typeof role !== 'string' || !roles.has(role) || typeof month !== 'string' || !OSSERVATORIO_MONTH_PATTERN.test(month)) continue;
    if (!Number.isInteger(count) || count <= 0) continue;
    const brand = typeof row.brand === 'string' ? row.brand.trim() : '';
    const company = brand ? osservatorioCompanySlug(brand) : null;
    if (company) {
      const forSlug = spellings.get(company) ?? new Map<string, number>();
      forSlug.set(brand, (forSlug.get(brand) ?? 0) + count);
      spellings.set(company, forSlug);
    }
    cells.push({ sector: sector as Sector, channel: channel as Channel, role: role as Role, month, company, count });
  }
  const companyNames = new Map<string, string>();
  for (const [slug, forSlug] of spellings) {
    const [name] = [...forSlug].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))[0]!;
    companyNames.set(slug, name);
  }
  return { cells, companyNames, computedAt: computedAt.toISOString() };
}

/** Runs the scan: one `GROUP BY` over the published rows (SQLite and PostgreSQL alike). */
export async function scanCube(strapi: Core.Strapi): Promise<Cube> {
  const { tableName } = strapi.db.metadata.get(TESTIMONY) as unknown as { tableName: string };
  const knex = strapi.db.connection;
  const brand = knex.raw('trim(company_brand)');
  const rows: CubeRow[] = await knex(tableName)
    .select('sector', 'channel', 'role', { month: 'event_month' }, knex.raw('trim(company_brand) AS brand'), knex.raw('count(*) AS n'))
    .whereNotNull('published_at')
    .groupBy('sector', 'channel', 'role', 'event_month', brand);
  return toCube(rows, new Date());
}
