import type { Core } from '@strapi/strapi';
import { isHealthProbe } from '../health/paths';
import { readCmsRole, servesApi } from './role';

interface KoaContext {
  path: string;
  status: number;
  body: unknown;
}

/**
 * CMS_ROLE=worker (src/jobs/role.ts): the HTTP server answers the health
 * checks only; the API and the admin answer 404 with a message saying why,
 * so a worker put behind the load balancer by mistake is obvious at once.
 */
export function registerWorkerOnlyServer(strapi: Core.Strapi, env: Record<string, string | undefined> = process.env): void {
  if (servesApi(readCmsRole(env))) return;
  strapi.server.use(async (ctx: KoaContext, next: () => Promise<void>) => {
    // Its probes (Strapi's /_health, liveness, readiness) must pass while every other request is refused.
    if (isHealthProbe(ctx.path)) return next();
    ctx.status = 404;
    ctx.body = {
      data: null,
      error: { status: 404, name: 'NotFoundError', message: 'This CMS instance is a worker (CMS_ROLE=worker): it runs the scheduled jobs and serves no API. Send requests to a web instance.', details: {} },
    };
  });
}
