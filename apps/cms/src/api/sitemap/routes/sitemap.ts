/**
 * The sitemap source, read-only and public (src/sitemap):
 * - `GET /api/sitemap`: per type, the published count and newest change;
 * - `GET /api/sitemap/:type?page=&pageSize=`: a page of slugs and `updatedAt`.
 * Allowed by the `api::sitemap.sitemap.find` / `.findOne` permissions, which
 * the Public role gets in src/bootstrap/public-permissions.ts (and read-only
 * API tokens accept, their names ending in find/findOne). The global
 * `read-rate-limit` and `http-cache` middlewares apply, as to every public GET.
 */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/sitemap',
      handler: 'api::sitemap.sitemap.find',
      config: {},
    },
    {
      method: 'GET' as const,
      path: '/sitemap/:type',
      handler: 'api::sitemap.sitemap.findOne',
      config: {},
    },
  ],
};
