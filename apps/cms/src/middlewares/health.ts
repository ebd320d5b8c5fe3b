import type { Core } from '@strapi/strapi';
import { LIVENESS_PATH, READINESS_PATH } from '../health/paths';
import { checkReadiness } from '../health/readiness';

/**
 * Health endpoints for a load balancer or an orchestrator, answered before
 * the read limits, the caches and the router (so never counted, cached or
 * routed), for GET and HEAD:
 * - `/_health/live`: 200 while the process serves HTTP (no dependency is
 *   asked: a database outage must not get every instance restarted);
 * - `/_health/ready`: 200 when the database (and Redis, S3 when configured)
 *   answer, 503 naming the failed checks otherwise (src/health/readiness.ts).
 * Both JSON, never stored by a cache. Strapi's `/_health` (204) stays.
 */
const health: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  if ((ctx.path !== LIVENESS_PATH && ctx.path !== READINESS_PATH) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
  ctx.set('Cache-Control', 'no-store');
  if (ctx.path === LIVENESS_PATH) {
    ctx.status = 200;
    ctx.body = { status: 'ok' };
    return;
  }
  const report = await checkReadiness(strapi);
  ctx.status = report.status === 'ok' ? 200 : 503;
  ctx.body = report;
};

export default health;
