import type { Channel, Role, Sector } from './vocabulary';

/**
 * The Osservatorio (issue #15): approved, published testimonies counted by
 * sector, channel, role, month and company. The contract between the CMS
 * (`GET /api/osservatorio`, its CSV and JSON downloads), the site's
 * /osservatorio pages and widget, and partners. Only published testimonies
 * count; nothing else (submissions, drafts, private fields) enters a figure.
 */

/** A company is named only with at least this many testimonies (the CMS's `OSSERVATORIO_COMPANY_THRESHOLD` may raise it). */
export const OSSERVATORIO_COMPANY_THRESHOLD_DEFAULT = 5;
/** The month filters' and the months' format (a testimony's `eventMonth`). */
export const OSSERVATORIO_MONTH_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
/** A company's slug: lowercase letters, digits and single hyphens. */
export const OSSERVATORIO_COMPANY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The open data's licence, stated on the page, in the API's answer and in the downloads. */
export const OSSERVATORIO_LICENSE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.it',
  attribution: 'Osservatorio di «Chiudete i Call Center in outsourcing»',
} as const;

/**
 * What `GET /api/osservatorio` accepts (all optional, combined with AND):
 * `sector`, a period of event months `from`..`to` (inclusive, `YYYY-MM`),
 * and `company` (a slug from `companies`; a company under the threshold is
 * a 404, never a figure).
 */
export interface OsservatorioParams {
  sector?: Sector;
  from?: string;
  to?: string;
  company?: string;
}

export interface OsservatorioCount<K extends string> {
  key: K;
  count: number;
}

export interface OsservatorioMonth {
  /** `YYYY-MM`, every month from the first to the last with a testimony (zeros included), oldest first. */
  month: string;
  count: number;
  cliente: number;
  operatore: number;
}

export interface OsservatorioCompany {
  slug: string;
  /** The spelling most testimonies use. */
  name: string;
  count: number;
}

export interface OsservatorioAggregates {
  /** The filters applied, normalised (`null` where not given). */
  filters: { sector: Sector | null; from: string | null; to: string | null; company: OsservatorioCompany | null };
  /** Testimonies counted. */
  total: number;
  /** Every sector, channel and role of the vocabulary, zeros included, in the vocabulary's order. */
  bySector: Array<OsservatorioCount<Sector>>;
  byChannel: Array<OsservatorioCount<Channel>>;
  byRole: Array<OsservatorioCount<Role>>;
  byMonth: OsservatorioMonth[];
  /** Companies with at least `companyThreshold` testimonies (in the filtered set), most named first, then by name. */
  companies: OsservatorioCompany[];
  /** Testimonies whose company is not named (below the threshold, or none given). */
  otherCompanies: number;
  companyThreshold: number;
  /** When the figures were computed (ISO date-time). */
  generatedAt: string;
  license: typeof OSSERVATORIO_LICENSE;
}

export interface OsservatorioResponse {
  data: OsservatorioAggregates;
}

/**
 * A company's slug, from the name a testimony gives (`companyBrand`): accents
 * dropped, lowercase, every run of other characters one hyphen: «TIM»,
 * «Tim » and «tim» are one company (`tim`), «T.I.M.» another (`t-i-m`).
 * `null` when nothing is left.
 */
export function osservatorioCompanySlug(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug.slice(0, 80).replace(/-+$/, '') : null;
}
