import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';
import { readCmsRole, runsCrons } from '../src/jobs/role';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Public URL of the CMS (behind a proxy in production); used for absolute links.
  url: env('PUBLIC_URL', ''),
  // Behind a proxy, trust exactly PROXY_MAX_IPS_COUNT hops of X-Forwarded-For
  // (the rightmost ones): a client cannot forge its IP to dodge rate limits.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_MAX_IPS_COUNT', 1) },
  // Uploads go to <public>/uploads with the local provider (a volume in Docker,
  // a temp directory in tests).
  dirs: { public: env('PUBLIC_DIR', './public') },
  app: {
    keys: env.array('APP_KEYS')!,
  },
  // Scheduled jobs (config/cron-tasks.ts), e.g. the daily erasure of expired submission data. Each runs on
  // one instance at a time (a lease lock, src/jobs); CMS_ROLE=web instances run none.
  cron: { enabled: env.bool('CRON_ENABLED', true) && runsCrons(readCmsRole()), tasks: cronTasks({ env }) },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
  },
});

export default config;
