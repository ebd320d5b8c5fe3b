import { ROLES, SECTORS, type Role, type Sector } from '@chiudete/types';
/** A query string as the router or h3 hands it over: each name with one value, several, or none. */
export type RouteQueryValue = string | null | undefined | Array<string | null>;
export type RouteQuery = Record<string, RouteQueryValue>;

/** Longest list any page accepts: a guard against absurd `?pagina=` values. */
const MAX_PAGE = 10_000;

/** The first value of a query parameter (`?a=1&a=2` → `1`), or undefined. */
export function firstQueryValue(value: RouteQueryValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** `?pagina=N` → N, a positive integer; anything else (missing, `abc`, `0`, `1.5`) → 1. */
export function parsePage(value: RouteQueryValue): number {
  const raw = firstQueryValue(value);
  if (!raw || !/^\d{1,6}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

export function isRole(value: string | undefined): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}

export function isSector(value: string | undefined): value is Sector {
  return (SECTORS as readonly string[]).includes(value ?? '');
}

export interface TestimonyQuery {
  page: number;
  role: Role | undefined;
  sector: Sector | undefined;
}

/** Reads `?ruolo=cliente&settore=luce&pagina=2`; unknown values are ignored (no filter). */
export function parseTestimonyQuery(query: RouteQuery): TestimonyQuery {
  const role = firstQueryValue(query.ruolo);
  const sector = firstQueryValue(query.settore);
  return {
    page: parsePage(query.pagina),
    role: isRole(role) ? role : undefined,
    sector: isSector(sector) ? sector : undefined,
  };
}

/** The query string of a testimonies listing, without empty filters (page 1 has no `pagina`). */
export function testimonyQuery({ page, role, sector }: Partial<TestimonyQuery>): Record<string, string> {
  return {
    ...(role ? { ruolo: role } : {}),
    ...(sector ? { settore: sector } : {}),
    ...(page && page > 1 ? { pagina: String(page) } : {}),
  };
}

/** Strapi's uid fields accept `A-Za-z0-9-_.~`; anything else cannot be a slug, so it is a 404 without asking the CMS. */
export function isValidSlug(value: string): boolean {
  return /^[A-Za-z0-9._~-]{1,200}$/.test(value);
}

/** A route param as one string (`[slug]` params are never arrays, but the router's type allows it). */
export function routeParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
