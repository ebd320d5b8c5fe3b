import type { Core, UID } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';
import { publicQueryProblem } from '../utils/public-query';
import { refusedSortField, sortableFields, sortErrorMessage } from '../utils/sort-fields';

/** What @strapi/database throws (plain Errors) for a filter it cannot build: a value of the wrong type, operators misplaced. */
const FILTER_REFUSALS = /^(Expected a valid \w+, got |Undefined attribute level operator |Operator and non-operator keys cannot be mixed|Only one operator key is allowed|Where must be an array or an object|Operator \S+ must be an array|Only \$and, \$or and \$not can only be used as root level operators|You cannot filter on )/;
/** What knex throws for `$jsonSupersetOf` on SQLite (found by tests/fuzz-contract.test.ts): the operator is not available there. */
const JSON_SUPERSET_UNSUPPORTED = /^Json superset where clause not actually supported by /;

interface PublicQueryConfig {
  /** The route's content type (src/core-api/public-read-router.ts): its sortable fields are named when a sort is refused. */
  uid?: UID.ContentType;
}

const isSortRefusal = (error: unknown): error is InstanceType<typeof errors.ValidationError> & { details: Record<string, unknown> } =>
  error instanceof errors.ValidationError && typeof error.details === 'object' && error.details !== null && (error.details as Record<string, unknown>).param === 'sort';

/**
 * Route middleware of every public read route (src/core-api/public-read-router.ts):
 * refuses with a 400 the queries that Strapi's validation lets through and
 * its database layer fails on (see src/utils/public-query.ts), and says
 * Strapi's refusals of a sort ("Invalid key asc at createdBy") as what
 * they are: the field, and the fields the type can be sorted on.
 */
const publicQuery: Core.MiddlewareFactory<PublicQueryConfig> = (config, { strapi }) => async (ctx, next) => {
  const problem = publicQueryProblem(ctx.query);
  if (problem) throw new errors.ValidationError(problem, { source: 'query' });
  try {
    await next();
  } catch (error) {
    if (isSortRefusal(error) && config.uid) {
      const model = strapi.contentType(config.uid);
      const allowed = sortableFields(model, (name) => contentTypes.isPrivateAttribute(model, name));
      throw new errors.ValidationError(sortErrorMessage(refusedSortField(error.details), allowed), { ...error.details, allowed: allowed.fields });
    }
    // The database layer's refusals of a filter (plain Errors, so 500s): the client's mistake, said as a 400.
    if (error instanceof Error && FILTER_REFUSALS.test(error.message)) throw new errors.ValidationError(`Invalid filters: ${error.message}.`, { source: 'query' });
    if (error instanceof Error && JSON_SUPERSET_UNSUPPORTED.test(error.message)) {
      throw new errors.ValidationError('Invalid filters: $jsonSupersetOf is not supported by this CMS\'s database; use $eq, $contains or $in.', { source: 'query' });
    }
    throw error;
  }
};

export default publicQuery;
