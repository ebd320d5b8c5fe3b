import type { Core } from '@strapi/strapi';
import { createLocalLeaseLock, type LeaseLock } from './lease-lock';
import { createPostgresLeaseLock, type RawSql } from './postgres-lease-lock';
import { createRedisLeaseLock } from './redis-lease-lock';
import { runExclusively, type ExclusiveRunOutcome } from './exclusive-task';
import { readCmsRole, runsCrons } from './role';

export { readCmsRole, runsCrons, servesApi, CMS_ROLES, type CmsRole } from './role';
export type { Lease, LeaseLock } from './lease-lock';
export { runExclusively, type ExclusiveRunOutcome } from './exclusive-task';

type Env = Record<string, string | undefined>;

/** The lock backend for this deployment: Redis when REDIS_URL is set, else PostgreSQL, else this process (SQLite). */
export function createJobLock(strapi: Core.Strapi, env: Env = process.env): LeaseLock {
  const redisUrl = env.REDIS_URL?.trim();
  if (redisUrl) return createRedisLeaseLock({ url: redisUrl, keyPrefix: env.JOBS_REDIS_PREFIX?.trim() || 'chiudete:jobs:' });
  if (strapi.db.dialect.client === 'postgres') {
    return createPostgresLeaseLock(strapi.db.connection as unknown as RawSql, strapi.db.getSchemaName() ?? 'public');
  }
  return createLocalLeaseLock();
}

const locks = new WeakMap<Core.Strapi, LeaseLock>();

/** This Strapi's job lock, made on first use. */
export function jobLock(strapi: Core.Strapi): LeaseLock {
  let lock = locks.get(strapi);
  if (!lock) {
    lock = createJobLock(strapi);
    locks.set(strapi, lock);
  }
  return lock;
}

export async function closeJobLock(strapi: Core.Strapi): Promise<void> {
  const lock = locks.get(strapi);
  locks.delete(strapi);
  await lock?.close();
}

/** Logs the role and the lock once at boot, so an operator sees who runs the crons. */
export function describeJobs(strapi: Core.Strapi): void {
  const role = readCmsRole();
  const crons = runsCrons(role) && strapi.config.get<boolean>('server.cron.enabled', true);
  strapi.log.info(`[jobs] CMS_ROLE=${role}: ${crons ? `runs the crons, each on one instance at a time (${jobLock(strapi).kind} lease lock)` : 'runs no cron'}`);
}

/** Lease of every job: renewed every 20 s while it runs, so a dead instance holds a job for at most a minute. */
const LEASE_MS = 60_000;
/** A tick is claimed for 10 s past its fire time, or half the period of a faster cron (src/jobs/cadence.ts). */
const TICK_GRACE_MS = 10_000;

type TaskFn = (context: { strapi: Core.Strapi }) => Promise<void>;

/**
 * A cron task that runs on one instance at a time: Strapi calls it on every
 * instance whose crons are on, and only the holder of the job's lease does
 * the work (config/cron-tasks.ts).
 */
export function exclusiveTask(name: string, work: TaskFn, periodMs = Number.POSITIVE_INFINITY) {
  const tickGraceMs = Math.min(TICK_GRACE_MS, periodMs / 2);
  // Strapi's cron passes the tick's nominal fire time second (the same on every instance).
  return async ({ strapi }: { strapi: Core.Strapi }, fireDate?: unknown): Promise<ExclusiveRunOutcome> =>
    runExclusively(jobLock(strapi), `cron:${name}`, fireDate instanceof Date ? fireDate : new Date(), () => work({ strapi }), strapi.log, {
      leaseMs: LEASE_MS,
      tickGraceMs,
    });
}
