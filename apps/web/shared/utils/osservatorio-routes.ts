import { OSSERVATORIO_COMPANY_SLUG_PATTERN, type OsservatorioParams, type Sector } from '@chiudete/types';
import { firstQueryValue, isSector, type RouteQuery } from './query';

/**
 * The Osservatorio's addresses (issue #15), in one place: the pages, the
 * partners' widget, the query strings of their filters, and the period a
 * filter stands for. Read by the pages, the page cache's canonical URLs
 * (site-routes.ts), the security headers (the widget may be framed) and
 * the sitemap.
 */
export const OSSERVATORIO_PATH = '/osservatorio';

export const osservatorioSectorPath = (sector: Sector): string => `${OSSERVATORIO_PATH}/settori/${sector}`;
export const osservatorioCompanyPath = (slug: string): string => `${OSSERVATORIO_PATH}/aziende/${encodeURIComponent(slug)}`;

/** Whether a path segment can be a company's slug (anything else is a 404 without asking the CMS). */
export const isCompanySlug = (value: string): boolean => value.length <= 80 && OSSERVATORIO_COMPANY_SLUG_PATTERN.test(value);

/** The partners' widget: small HTML pages that any site may frame. */
export const WIDGET_TESTIMONIES_PATH = '/widget/testimonianze';
export const WIDGET_OSSERVATORIO_PATH = '/widget/osservatorio';
export const WIDGET_PATHS = [WIDGET_TESTIMONIES_PATH, WIDGET_OSSERVATORIO_PATH] as const;

/** Whether a request path (raw, before canonicalisation) is the widget's: framed by anyone, nothing else is. */
export function isWidgetPath(rawPath: string): boolean {
  const path = rawPath.split('?', 1)[0]!.toLowerCase().replace(/\/+$/, '');
  return (WIDGET_PATHS as readonly string[]).includes(path);
}

/** The periods a reader may pick: every month, or the last twelve (this month included). */
export const OSSERVATORIO_PERIODS = ['tutto', '12-mesi'] as const;
export type OsservatorioPeriod = (typeof OSSERVATORIO_PERIODS)[number];
export const DEFAULT_PERIOD: OsservatorioPeriod = 'tutto';

export const PERIOD_LABELS: Record<OsservatorioPeriod, string> = {
  'tutto': 'Da sempre',
  '12-mesi': 'Ultimi 12 mesi',
};

export interface OsservatorioQuery {
  sector: Sector | undefined;
  period: OsservatorioPeriod;
}

const isPeriod = (value: string | undefined): value is OsservatorioPeriod => (OSSERVATORIO_PERIODS as readonly string[]).includes(value ?? '');

/** Reads `?settore=luce&periodo=12-mesi`; unknown values are ignored (no filter). */
export function parseOsservatorioQuery(query: RouteQuery): OsservatorioQuery {
  const sector = firstQueryValue(query.settore);
  const period = firstQueryValue(query.periodo);
  return { sector: isSector(sector) ? sector : undefined, period: isPeriod(period) ? period : DEFAULT_PERIOD };
}

/** The query string of /osservatorio, without the defaults, in the order of its links. */
export function osservatorioQuery({ sector, period }: Partial<OsservatorioQuery>): Record<string, string> {
  return {
    ...(sector ? { settore: sector } : {}),
    ...(period && period !== DEFAULT_PERIOD ? { periodo: period } : {}),
  };
}

/** The widget reads `?settore=` only. */
export function widgetQuery(query: RouteQuery): { sector: Sector | undefined } {
  const sector = firstQueryValue(query.settore);
  return { sector: isSector(sector) ? sector : undefined };
}

const monthOf = (date: Date, monthsBack: number): string => {
  const shifted = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1));
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** The event months a period covers (`YYYY-MM`, inclusive), in UTC: the last twelve are this month and the eleven before it. */
export function periodRange(period: OsservatorioPeriod, now: Date): Pick<OsservatorioParams, 'from' | 'to'> {
  if (period === 'tutto') return {};
  return { from: monthOf(now, 11), to: monthOf(now, 0) };
}

/** What an address under /osservatorio shows: the overview, a sector's page, a company's page. */
export type OsservatorioView
  = | { kind: 'overview' }
    | { kind: 'sector'; sector: Sector }
    | { kind: 'company'; slug: string };

/**
 * The view of /osservatorio/<segments> (one page file serves them all: a
 * route costs every hydrated page's router its record and the list of its
 * chunks), or null for an address that is none of them (a 404, without
 * asking the CMS).
 */
export function parseOsservatorioPath(segments: readonly string[]): OsservatorioView | null {
  if (segments.length === 0) return { kind: 'overview' };
  if (segments.length !== 2) return null;
  const [section, value] = segments as [string, string];
  if (section === 'settori') return isSector(value) ? { kind: 'sector', sector: value } : null;
  if (section === 'aziende') return isCompanySlug(value) ? { kind: 'company', slug: value } : null;
  return null;
}
