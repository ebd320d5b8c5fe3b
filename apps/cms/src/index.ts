import type { Core } from '@strapi/strapi';
import { registerCoreApis } from './core-api';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { syncAdminViews } from './bootstrap/admin-views';
import { syncAdminRoles } from './bootstrap/admin-roles';
import { restrictDefaultRoles } from './bootstrap/default-roles';
import { ensureLocalAdmin } from './bootstrap/local-admin';
import { seedDemoContent, shouldSeedDemoContent } from './bootstrap/demo-content';
import { registerModerationAdminRoutes } from './api/testimony-submission/admin-routes';
import { registerModerationGuard } from './api/testimony-submission/moderation-guard';
import { deleteTestimoniesOfRefusedSubmissions, registerTestimonyPublicationGuard } from './api/testimony-submission/publication-guard';
import { registerMediaAltTextGuard } from './media-alt-text';
import { ensurePreviewToken } from './preview/token';
import { registerSiteRevalidation } from './site-revalidation';
import { registerSearchIndex, startSearchIndexMaintenance, stopSearchIndexMaintenance } from './api/search/lib';
import { registerPartnerWebhooks } from './api/partner-webhook/lib';
import { registerPartnerWebhookAdminRoutes } from './api/partner-webhook/admin-routes';
import { registerNewsletterAdminRoutes } from './api/newsletter-issue/admin-routes';
import { stopNewsletterSends } from './api/newsletter-issue/lib';
import { ensureSiteToken } from './site-token';
import { closeApiCache, registerApiCache } from './api-cache';
import { registerDeepPages } from './deep-pages';
import { registerContentApiBodyLimit } from './body-limits/content-api-body';
import { closeReadiness, registerReadiness } from './health/readiness';
import { closeJobLock, describeJobs } from './jobs';
import { registerWorkerOnlyServer } from './jobs/worker-only';
import { registerOsservatorio, subscribeOsservatorio } from './osservatorio';
import { registerAdminLoginLimit } from './admin-login-limit';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Every registry type's core service, controller and (public types) read-only routes, unless its room writes its own.
    registerCoreApis(strapi);
    // Before Strapi builds its middleware stack: the public API's body limit counts the stream itself.
    registerContentApiBodyLimit(strapi);
    // CMS_ROLE=worker: the HTTP server answers the health checks only (src/jobs/role.ts).
    registerWorkerOnlyServer(strapi);
    registerModerationAdminRoutes(strapi);
    registerPartnerWebhookAdminRoutes(strapi);
    registerNewsletterAdminRoutes(strapi);
    registerModerationGuard(strapi);
    registerTestimonyPublicationGuard(strapi);
    registerMediaAltTextGuard(strapi);
    // Scale (issue #10): deep pages of the public lists read in two steps.
    registerDeepPages(strapi);
    // The readiness probe's checks (src/health): a bad HEALTH_CHECK_TIMEOUT_MS stops the boot.
    registerReadiness(strapi);
    // The Osservatorio's figures (issue #15): a bad OSSERVATORIO_COMPANY_THRESHOLD stops the boot; testimony writes forget the figures.
    registerOsservatorio(strapi);
    // Admin login attempts counted in the anti-abuse store (Redis when set), not in a per-process object.
    registerAdminLoginLimit(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncPublicPermissions(strapi);
    await syncAdminViews(strapi);
    await syncAdminRoles(strapi);
    await restrictDefaultRoles(strapi);
    await ensureLocalAdmin(strapi);
    await deleteTestimoniesOfRefusedSubmissions(strapi);
    registerSearchIndex(strapi);
    if (shouldSeedDemoContent()) {
      await seedDemoContent(strapi);
    }
    // Never waits for a rebuild: a stale index is rebuilt in the background (src/api/search/lib/rebuild.ts).
    startSearchIndexMaintenance(strapi);
    await ensurePreviewToken(strapi);
    await ensureSiteToken(strapi);
    // After the seed: loading the demo content is not news for the site.
    registerSiteRevalidation(strapi);
    await registerPartnerWebhooks(strapi);
    await registerApiCache(strapi);
    subscribeOsservatorio(strapi);
    describeJobs(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // The newsletter worker stops after the e-mail in hand (src/api/newsletter-issue/lib/worker.ts).
    stopNewsletterSends(strapi);
    // A background rebuild of the search index stops after its current batch, before the database closes.
    await stopSearchIndexMaintenance(strapi);
    await closeApiCache(strapi);
    closeReadiness(strapi);
    await closeJobLock(strapi);
  },
};
