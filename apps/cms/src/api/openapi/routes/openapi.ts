/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 contract of the public API, the
 * committed apps/cms/openapi/content-api.json (scripts/openapi.ts writes it).
 * Strapi's built-in `server.openapi` endpoint stays disabled: it serves the
 * uncorrected generated document, which describes routes nobody may call.
 * Public (`auth: false`); cached like every public GET (ETag, 304) and
 * counted by the read rate limit.
 */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/openapi.json',
      handler: 'api::openapi.openapi.document',
      config: { auth: false as const },
    },
  ],
};
