import type { ApiDeprecation } from '../src/deprecations';

/**
 * Routes and fields of the public API being retired (src/deprecations):
 * their answers carry `Deprecation`, `Sunset` and `Link` until the sunset,
 * at least six months after the announcement, which CHANGELOG.md records;
 * the served OpenAPI document marks them `deprecated` with `x-sunset`.
 * Nothing is being retired today.
 */
const deprecations: ApiDeprecation[] = [];

export default deprecations;
