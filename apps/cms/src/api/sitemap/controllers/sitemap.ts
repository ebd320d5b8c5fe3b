import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SITEMAP_PAGE_MAX, SITEMAP_PAGE_SIZE_MAX, SITEMAP_TYPES, type FieldError, type SitemapIndexResponse, type SitemapPageResponse, type SitemapType } from '@chiudete/types';
import { sitemapPageQuerySchema, sitemapTypeSchema, toFieldErrors } from '@chiudete/types/forms';

type Context = Parameters<Core.MiddlewareHandler>[0];

interface SitemapService {
  index(): Promise<SitemapIndexResponse>;
  page(type: SitemapType, page: number, pageSize: number): Promise<SitemapPageResponse>;
}

/** Query parameters each route accepts, as the messages name them. */
const ACCEPTED = { index: 'no parameter', page: 'page and pageSize' } as const;
const ACCEPTED_IT = { index: 'nessun parametro', page: 'solo page e pageSize' } as const;
type Route = keyof typeof ACCEPTED;

/** What each problem means, in English, for the error's `message` (the Italian text is in `details.errors`). */
function explain(error: FieldError, route: Route): string {
  if (error.code === 'unknown_field') return `Unknown parameter "${error.field.slice(0, 40)}": this route takes ${ACCEPTED[route]}.`;
  switch (error.field) {
    case 'type': return `The type must be one of ${SITEMAP_TYPES.join(', ')}.`;
    case 'page': return `"page" must be an integer from 1 to ${SITEMAP_PAGE_MAX}.`;
    case 'pageSize': return `"pageSize" must be an integer from 1 to ${SITEMAP_PAGE_SIZE_MAX}.`;
    default: return `Invalid parameter "${error.field}".`;
  }
}

/** Refuses a malformed request with a 400 that says what to fix; never a 500. */
function validationError(route: Route, fieldErrors: FieldError[]): errors.ValidationError {
  const errorsForReaders = fieldErrors.map((error) =>
    error.code === 'unknown_field' ? { ...error, message: `Il parametro «${error.field.slice(0, 40)}» non è previsto: usa ${ACCEPTED_IT[route]}.` } : error);
  const what = route === 'index' ? 'Invalid sitemap request' : 'Invalid sitemap page';
  return new errors.ValidationError(`${what}: ${fieldErrors.map((error) => explain(error, route)).join(' ')}`, { errors: errorsForReaders });
}

const service = (strapi: Core.Strapi) => strapi.service('api::sitemap.sitemap') as unknown as SitemapService;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/sitemap → { data: SitemapTypeSummary[] } */
  async find(ctx: Context) {
    const input: unknown = ctx.query;
    const parsed = sitemapPageQuerySchema.pick({}).safeParse(input);
    if (!parsed.success) throw validationError('index', toFieldErrors(parsed.error, input));
    ctx.body = await service(strapi).index() satisfies SitemapIndexResponse;
  },

  /** GET /api/sitemap/:type?page=&pageSize= → { data: SitemapEntry[], meta: { pagination } } */
  async findOne(ctx: Context) {
    const type = sitemapTypeSchema.safeParse(ctx.params.type);
    const input: unknown = ctx.query;
    const query = sitemapPageQuerySchema.safeParse(input);
    const fieldErrors = [
      ...(type.success ? [] : [{ field: 'type', code: 'type.invalid', message: type.error.issues[0]?.message ?? '' }]),
      ...(query.success ? [] : toFieldErrors(query.error, input)),
    ];
    if (!type.success || !query.success) throw validationError('page', fieldErrors);
    ctx.body = await service(strapi).page(type.data, query.data.page, query.data.pageSize) satisfies SitemapPageResponse;
  },
});
