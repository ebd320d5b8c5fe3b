import type { HealthReport } from '@chiudete/types';
import { checkSiteReadiness } from '../utils/health/readiness';
import { siteServices } from '../utils/site-services';

/**
 * Readiness: 200 when the CMS answers its own readiness probe and the site's
 * Redis (NUXT_REDIS_URL) answers, 503 naming what failed otherwise
 * (server/utils/health/readiness.ts). Past the page cache and the render
 * limits (server/plugins/page-cache.ts).
 */
export default defineEventHandler(async (event): Promise<HealthReport> => {
  const { strapiUrl, healthCheckTimeoutMs } = useRuntimeConfig(event);
  const report = await checkSiteReadiness({
    cmsUrl: strapiUrl,
    redis: siteServices().redis,
    timeoutMs: healthCheckTimeoutMs,
    requestId: event.context.requestId,
    onFailure: (name, reason) => console.warn(`[readyz] check "${name}" failed: ${reason instanceof Error ? reason.message : String(reason)}`),
  });
  setResponseHeader(event, 'cache-control', 'no-store');
  setResponseStatus(event, report.status === 'ok' ? 200 : 503);
  return report;
});
