import type { Core } from '@strapi/strapi';

type Populate = Record<string, unknown>;

/**
 * A route middleware that applies the type's default `populate` when the
 * request names none. Requests that name their own `populate` keep it (it is
 * still validated and sanitized by Strapi against the public permissions).
 */
export const defaultPopulate
  = (populate: Populate): Core.MiddlewareFactory =>
    () =>
      async (ctx, next) => {
        if (ctx.query.populate === undefined) {
          ctx.query.populate = populate;
        }
        await next();
      };
