import type { Core } from '@strapi/strapi';
import { deprecationHeaders, validateDeprecations, type ApiDeprecation } from '../deprecations';

/**
 * The deprecation headers of the public API (src/deprecations): every answer
 * of a route being retired, 304s and cached answers included, says so.
 * The entries are config/deprecations.ts, checked when the CMS starts.
 */
const deprecations: Core.MiddlewareFactory = (_config, { strapi }) => {
  validateDeprecations(strapi.config.get<ApiDeprecation[]>('deprecations', []));
  return async (ctx, next) => {
    const headers = ctx.path.startsWith('/api/') ? deprecationHeaders(strapi.config.get<ApiDeprecation[]>('deprecations', []), ctx.path) : undefined;
    if (headers) ctx.set(headers);
    await next();
  };
};

export default deprecations;
