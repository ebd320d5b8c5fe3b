import type { HealthReport } from '@chiudete/types';
import { checkSiteReadiness } from '../utils/health/readiness';
import { siteServices } from '../utils/site-services';

/**
 * Readiness: 200 `ok` when the CMS answers its own readiness probe and the
 * site's Redis (NUXT_REDIS_URL) answers; 200 `degraded` naming what failed
 * when one does not, since the site still serves (server/utils/health/readiness.ts);
 * 503 only for a `fail`. Past the page cache and the render limits
 * (server/plugins/page-cache.ts).
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
  setResponseStatus(event, report.status === 'fail' ? 503 : 200);
  return report;
});
