/**
 * Liveness: 200 while this server answers HTTP. Asks nothing else: a CMS or
 * Redis outage must not get every site instance restarted (the page cache
 * serves what it has). Past the page cache and the render limits
 * (server/plugins/page-cache.ts).
 */
export default defineEventHandler((event) => {
  setResponseHeader(event, 'cache-control', 'no-store');
  return { status: 'ok' as const };
});
