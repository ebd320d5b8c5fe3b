import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FieldError, SearchResponse } from '@chiudete/types';
import { searchQuerySchema, toFieldErrors } from '@chiudete/types/forms';
import type { SearchRequest } from '../lib';

type Context = Parameters<Core.MiddlewareHandler>[0];

interface SearchService {
  search(request: SearchRequest): Promise<SearchResponse>;
}

const PARAMETERS = 'q, type, page, pageSize';

/** What each problem means, in English, for the error's `message` (the Italian text is in `details.errors`). */
function explain(error: FieldError): string {
  if (error.code === 'unknown_field') return `Unknown parameter "${error.field.slice(0, 40)}": use only ${PARAMETERS}.`;
  switch (error.field) {
    case 'q': return '"q" must be the text to search for, given once, 2 to 100 characters long once trimmed.';
    case 'type': return '"type" must be one of article, testimony, answer.';
    case 'page': return '"page" must be an integer from 1 to 1000.';
    case 'pageSize': return '"pageSize" must be an integer from 1 to 50.';
    default: return `Invalid parameter "${error.field}".`;
  }
}

/** Refuses malformed searches with a 400 that says what to fix; never a 500. */
function validationError(fieldErrors: FieldError[]): errors.ValidationError {
  const errorsForReaders = fieldErrors.map((error) =>
    error.code === 'unknown_field'
      ? { ...error, message: `Il parametro «${error.field.slice(0, 40)}» non è previsto: usa solo ${PARAMETERS}.` }
      : error);
  return new errors.ValidationError(`Invalid search: ${fieldErrors.map(explain).join(' ')}`, { errors: errorsForReaders });
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/search → { data: SearchHit[], meta: SearchMeta } */
  async find(ctx: Context) {
    const input: unknown = ctx.query;
    const parsed = searchQuerySchema.safeParse(input);
    if (!parsed.success) throw validationError(toFieldErrors(parsed.error, input));
    const service = strapi.service('api::search.search') as unknown as SearchService;
    ctx.body = await service.search(parsed.data) satisfies SearchResponse;
  },
});
