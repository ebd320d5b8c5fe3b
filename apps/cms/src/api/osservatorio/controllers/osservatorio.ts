import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OSSERVATORIO_LICENSE, SECTORS, type FieldError, type OsservatorioAggregates, type OsservatorioResponse } from '@chiudete/types';
import { osservatorioQuerySchema, toFieldErrors } from '@chiudete/types/forms';
import { cacheControlFor, isNotModified, strongETag } from '../../../http-cache/etag';
import { downloadFileName, osservatorioCsvOnce, type OsservatorioAnswer, type OsservatorioFilters } from '../../../osservatorio';

type Context = Parameters<Core.MiddlewareHandler>[0];

interface OsservatorioService {
  aggregates(filters: OsservatorioFilters): Promise<OsservatorioAnswer>;
}

const PARAMETERS = 'sector, from, to, company';
const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** What each problem means, in English, for the error's `message` (the Italian text is in `details.errors`). */
function explain(error: FieldError): string {
  if (error.code === 'unknown_field') return `Unknown parameter "${error.field.slice(0, 40)}": use only ${PARAMETERS}.`;
  switch (error.field) {
    case 'sector': return `"sector" must be given once, one of ${SECTORS.join(', ')}.`;
    case 'from': return '"from" must be given once, a month as YYYY-MM (e.g. 2025-03) from 1900 to 2099.';
    case 'to': return error.code === 'to.before_from' ? '"to" must not be before "from".' : '"to" must be given once, a month as YYYY-MM (e.g. 2025-12) from 1900 to 2099.';
    case 'company': return '"company" must be given once, a company\'s slug from `companies` (lowercase letters, digits and hyphens).';
    default: return `Invalid parameter "${error.field}".`;
  }
}

/** Refuses a malformed request with a 400 that says what to fix; never a 500. */
function validationError(fieldErrors: FieldError[]): errors.ValidationError {
  const errorsForReaders = fieldErrors.map((error) =>
    error.code === 'unknown_field'
      ? { ...error, message: `Il parametro «${error.field.slice(0, 40)}» non è previsto: usa solo ${PARAMETERS}.` }
      : error);
  return new errors.ValidationError(`Invalid Osservatorio request: ${fieldErrors.map(explain).join(' ')}`, { errors: errorsForReaders });
}

/** The filters of the query string, or a 400. */
function filtersOf(ctx: Context): OsservatorioFilters {
  const input: unknown = ctx.query;
  const parsed = osservatorioQuerySchema.safeParse(input);
  if (!parsed.success) throw validationError(toFieldErrors(parsed.error, input));
  const { sector, from, to, company } = parsed.data;
  return { ...(sector ? { sector } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(company ? { company } : {}) };
}

/**
 * The figures, or a 404 for a company that is not named: the same answer for
 * one under the threshold and one never given. Figures answered from an
 * out-of-date cube while a new scan runs (for at most 5 s after a change)
 * say `Cache-Control: no-cache`: neither the response cache nor a browser
 * keeps them.
 */
async function figures(ctx: Context, strapi: Core.Strapi, filters: OsservatorioFilters): Promise<OsservatorioAggregates> {
  const service = strapi.service('api::osservatorio.osservatorio') as unknown as OsservatorioService;
  const { result, current } = await service.aggregates(filters);
  if (!result.found) {
    throw new errors.NotFoundError(`No company "${filters.company ?? ''}" in the Osservatorio for these filters: a company is named only with enough published testimonies (see "companies" in GET /api/osservatorio).`);
  }
  if (!current) ctx.set('Cache-Control', 'no-cache');
  return result.data;
}

/** The licence as an HTTP link (RFC 8288), on every answer. */
const LICENSE_LINK = `<${OSSERVATORIO_LICENSE.url}>; rel="license"`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/osservatorio → OsservatorioResponse */
  async find(ctx: Context) {
    const data = await figures(ctx, strapi, filtersOf(ctx));
    ctx.set('Link', LICENSE_LINK);
    ctx.body = { data } satisfies OsservatorioResponse;
  },

  /** GET /api/osservatorio/download.csv|json → the same figures as a file (attachment). */
  async findOne(ctx: Context) {
    const format = ctx.params.format as string | undefined;
    if (!FORMATS.includes(format as Format)) {
      throw new errors.NotFoundError(`No download "download.${String(format).slice(0, 20)}": use download.csv or download.json.`);
    }
    const data = await figures(ctx, strapi, filtersOf(ctx));
    ctx.set('Link', LICENSE_LINK);
    ctx.set('Content-Disposition', `attachment; filename="${downloadFileName(data.filters, format as Format)}"`);
    if (format === 'json') {
      // ETag, Cache-Control and 304 from `global::http-cache`, as for every JSON answer.
      ctx.body = { data } satisfies OsservatorioResponse;
      return;
    }
    // CSV is not JSON: its validators are set here, by the same rules as `global::http-cache`.
    const csv = osservatorioCsvOnce(data);
    const etag = strongETag(csv);
    ctx.set('ETag', etag);
    if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', cacheControlFor(Boolean(ctx.get('Authorization'))));
    ctx.vary('Origin');
    ctx.vary('Authorization');
    ctx.type = 'text/csv; charset=utf-8; header=present';
    if (isNotModified({ ifNoneMatch: ctx.get('If-None-Match') }, { etag })) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.body = csv;
  },
});
