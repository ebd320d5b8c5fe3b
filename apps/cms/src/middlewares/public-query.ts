import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publicQueryProblem } from '../utils/public-query';

/** What @strapi/database throws (plain Errors) for a filter it cannot build: a value of the wrong type, operators misplaced. */
const FILTER_REFUSALS = /^(Expected a valid \w+, got |Undefined attribute level operator |Operator and non-operator keys cannot be mixed|Only one operator key is allowed|Where must be an array or an object|Operator \S+ must be an array|Only \$and, \$or and \$not can only be used as root level operators|You cannot filter on )/;
/** What knex throws for `$jsonSupersetOf` on SQLite (found by tests/fuzz-contract.test.ts): the operator is not available there. */
const JSON_SUPERSET_UNSUPPORTED = /^Json superset where clause not actually supported by /;

/**
 * Route middleware of every public read route (src/utils/public-read-router.ts):
 * refuses with a 400 the queries that Strapi's validation lets through and
 * its database layer fails on (see src/utils/public-query.ts).
 */
const publicQuery: Core.MiddlewareFactory = () => async (ctx, next) => {
  const problem = publicQueryProblem(ctx.query);
  if (problem) throw new errors.ValidationError(problem, { source: 'query' });
  try {
    await next();
  } catch (error) {
    // The database layer's refusals of a filter (plain Errors, so 500s): the client's mistake, said as a 400.
    if (error instanceof Error && FILTER_REFUSALS.test(error.message)) throw new errors.ValidationError(`Invalid filters: ${error.message}.`, { source: 'query' });
    if (error instanceof Error && JSON_SUPERSET_UNSUPPORTED.test(error.message)) {
      throw new errors.ValidationError('Invalid filters: $jsonSupersetOf is not supported by this CMS\'s database; use $eq, $contains or $in.', { source: 'query' });
    }
    throw error;
  }
};

export default publicQuery;
