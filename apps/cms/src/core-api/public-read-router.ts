import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';

/**
 * The content API of every public type: read-only (`find`/`findOne`), drafts
 * refused by the `global::published-only` policy, relations and media
 * populated on the server by the type's `<uid>-populate` middleware so that
 * the site and partners get the same useful shape without guessing queries.
 */
export const publicReadRouter = (uid: UID.ContentType, { populate = true } = {}) => {
  const routeConfig = {
    policies: ['global::published-only'],
    // The query checked first (src/utils/public-query.ts), then the default populate.
    middlewares: [{ name: 'global::public-query', config: { uid } }, ...(populate ? [`${uid}-populate`] : [])],
  };
  return factories.createCoreRouter(uid, {
    only: ['find', 'findOne'],
    config: { find: routeConfig, findOne: routeConfig },
  });
};
