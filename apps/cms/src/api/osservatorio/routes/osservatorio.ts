/**
 * The Osservatorio's open data (issue #15), read-only and public:
 * - `GET /api/osservatorio?sector=&from=&to=&company=`: the aggregates (JSON);
 * - `GET /api/osservatorio/download.csv` and `/download.json`, same
 *   parameters: the same figures as a file to download (src/osservatorio/csv.ts).
 * Allowed by the `api::osservatorio.osservatorio.find` / `.findOne`
 * permissions, which the Public role gets in src/bootstrap/public-permissions.ts
 * (and read-only API tokens accept, their names being find/findOne). The
 * global `read-rate-limit`, `api-cache` and `http-cache` middlewares apply,
 * as to every public GET.
 */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/osservatorio',
      handler: 'api::osservatorio.osservatorio.find',
      config: {},
    },
    {
      method: 'GET' as const,
      path: '/osservatorio/download.:format',
      handler: 'api::osservatorio.osservatorio.findOne',
      config: {},
    },
  ],
};
