/**
 * `GET /api/search?q=&type=&page=&pageSize=`: read-only, public. Allowed by
 * the `api::search.search.find` permission, which the Public role gets in
 * src/bootstrap/public-permissions.ts (and read-only API tokens accept, being
 * a `find`). The global `read-rate-limit` and `http-cache` middlewares apply,
 * as to every public GET.
 */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/search',
      handler: 'api::search.search.find',
      config: {},
    },
  ],
};
