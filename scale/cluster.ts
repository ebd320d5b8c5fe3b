import { randomBytes } from 'node:crypto';
import { E2E_SITE_SECRETS, freePort, startCms, startWeb, type Service } from '../e2e/stack.ts';
import { startS3Server, type TestS3Server } from '../apps/cms/tests/helpers/s3-server.ts';
import { createScaleDatabase, type ScaleDatabase } from './database.ts';
import { startNginx, type Nginx } from './nginx.ts';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Cluster {
  /** The one public address (nginx). */
  url: string;
  cms: Service[];
  web: Service[];
  database: ScaleDatabase;
  /** The local S3 server both CMS instances keep their uploads in. */
  s3: TestS3Server;
  /** Prefix of the crons' lease keys in Redis (JOBS_REDIS_PREFIX): who ran which tick. */
  jobsRedisPrefix: string;
  /** Kills CMS instance `index` with SIGKILL; returns once it is gone. */
  killCms(index: number): Promise<void>;
  /** Starts CMS instance `index` again on its port; resolves when it answers /_health, with the time it took. */
  restartCms(index: number): Promise<number>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Extra environment of both CMS instances. */
  cmsEnv?: Record<string, string>;
  /** Extra environment of both site instances. */
  webEnv?: Record<string, string>;
}

/**
 * Two CMS and two site instances on loopback behind nginx, sharing one new
 * PostgreSQL database, the local Redis (keys under a prefix of this run) and
 * a local S3 server (s3rver) for the uploads. The first CMS creates the
 * schema and the demo content; the second starts once it has (two first boots
 * at once would both create the tables).
 */
export async function startCluster({ cmsEnv = {}, webEnv = {} }: ClusterOptions = {}): Promise<Cluster> {
  const run = `scale-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const database = await createScaleDatabase();
  const s3 = await startS3Server({ bucket: 'scale-uploads' });
  const proxyPort = await freePort();
  const url = `http://127.0.0.1:${proxyPort}`;
  const webPorts = [await freePort(), await freePort()];
  const cmsPorts = [await freePort(), await freePort()];
  const started: Service[] = [];
  const sharedCmsEnv: Record<string, string> = {
    REDIS_URL: redisUrl,
    ANTI_ABUSE_REDIS_PREFIX: `${run}:anti-abuse:`,
    API_CACHE_REDIS_PREFIX: `${run}:api-cache:`,
    JOBS_REDIS_PREFIX: `${run}:jobs:`,
    // Faster crons than production's (every minute, every 10 s): the tests watch several ticks.
    PUBLISHING_SCHEDULE_SECONDS: '2',
    PARTNER_WEBHOOKS_RETRY_SECONDS: '1',
    PUBLIC_URL: url,
    SITE_URL: url,
    // One instance of the site is told; the page cache it purges is shared in Redis.
    SITE_REVALIDATE_URL: `http://127.0.0.1:${webPorts[0]}/api/revalidate`,
    REVALIDATE_SECRET: E2E_SITE_SECRETS.revalidateSecret,
    PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true',
    ...s3.env,
    ...cmsEnv,
  };
  const cmsEnvOf = (index: number): Record<string, string> => ({ ...sharedCmsEnv, SEED_DEMO_CONTENT: index === 0 ? 'true' : 'false' });
  const webEnvShared: Record<string, string> = {
    NUXT_REDIS_URL: redisUrl,
    NUXT_PAGE_CACHE_REDIS_PREFIX: `${run}:page-cache`,
    NUXT_PUBLIC_SITE_URL: url,
    NUXT_PUBLIC_CMS_URL: url,
    NUXT_PUBLIC_S3_PUBLIC_URL: s3.publicUrl,
    ...webEnv,
  };
  let nginx: Nginx | undefined;
  const cms: Service[] = [];
  const web: Service[] = [];
  try {
    for (const [index, port] of cmsPorts.entries()) {
      const instance = await startCms(cmsEnvOf(index), { databaseUrl: database.url, port, bootTimeoutMs: 180_000 });
      cms.push(instance);
      started.push(instance);
    }
    // The sites read the CMS through nginx, like every other client: either CMS instance answers.
    nginx = await startNginx({ port: proxyPort, cms: cms.map((c) => c.url), web: webPorts.map((p) => `http://127.0.0.1:${p}`) });
    for (const port of webPorts) {
      const instance = await startWeb(url, port, webEnvShared);
      web.push(instance);
      started.push(instance);
    }
  } catch (error) {
    await nginx?.stop();
    await Promise.all(started.map((service) => service.stop()));
    await database.drop();
    await s3.stop();
    throw error;
  }
  return {
    url,
    cms,
    web,
    database,
    s3,
    jobsRedisPrefix: `${run}:jobs:`,
    async killCms(index) {
      const instance = cms[index]!;
      instance.signal('SIGKILL');
      await instance.stop();
    },
    async restartCms(index) {
      const began = performance.now();
      cms[index] = await startCms(cmsEnvOf(index), { databaseUrl: database.url, port: cmsPorts[index], bootTimeoutMs: 180_000 });
      return Math.round(performance.now() - began);
    },
    async stop() {
      await nginx?.stop();
      await Promise.all([...web, ...cms].map((service) => service.stop()));
      await database.drop();
      await s3.stop();
    },
  };
}
