/**
 * Same-origin, read-only door to the CMS's public REST API for the browser
 * (see CMS_PROXY_BASE in app/composables/strapi.ts). Server-side rendering
 * calls the CMS directly; this route serves the client-side navigations after
 * hydration. Only GET, only the public content types, only the query string
 * is forwarded (no cookies nor other headers of the visitor).
 */
const PUBLIC_PATH = /^(?:articles|authors|categories|book-releases|testimonies|videos|answers)(?:\/[A-Za-z0-9]+)?$|^global$|^search$/;

export default defineEventHandler((event) => {
  const path = getRouterParam(event, 'path') ?? '';
  if (!PUBLIC_PATH.test(path)) {
    throw createError({ status: 404, statusText: 'Not Found', message: `No public CMS endpoint "/api/${path}".` });
  }
  const { strapiUrl, strapiToken } = useRuntimeConfig(event);
  const query = getRequestURL(event).search;
  return sendProxy(event, `${strapiUrl.replace(/\/+$/, '')}/api/${path}${query}`, {
    headers: { accept: 'application/json', ...(strapiToken ? { authorization: `Bearer ${strapiToken}` } : {}) },
  });
});
