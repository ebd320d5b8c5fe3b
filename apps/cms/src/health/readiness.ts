import { runHealthChecks, type HealthCheck, type HealthReport } from '@chiudete/types';
import type { Core } from '@strapi/strapi';
import { RedisPing } from './redis-check';
import { S3BucketCheck, readS3CheckConfig } from './s3-check';

/**
 * Whether this CMS instance can serve: its database answers a trivial
 * query, and Redis (REDIS_URL) and the uploads bucket (S3_BUCKET) answer
 * when they are configured. Each check within HEALTH_CHECK_TIMEOUT_MS
 * (default 1500: a probe's own timeout should be 2 s or more).
 * The report names the checks and their outcomes only; the reasons of
 * failures go to the log.
 */
export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 1500;

interface Readiness {
  timeoutMs: number;
  checks: Record<string, HealthCheck>;
  close(): void;
}

const instances = new WeakMap<Core.Strapi, Readiness>();

function healthCheckTimeout(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.HEALTH_CHECK_TIMEOUT_MS?.trim();
  if (!raw) return DEFAULT_HEALTH_CHECK_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 30_000) {
    throw new Error(`HEALTH_CHECK_TIMEOUT_MS="${raw}" must be a whole number of milliseconds between 100 and 30000.`);
  }
  return value;
}

function createReadiness(strapi: Core.Strapi, env: Readonly<Record<string, string | undefined>>): Readiness {
  const timeoutMs = healthCheckTimeout(env);
  const checks: Record<string, HealthCheck> = {
    database: () => strapi.db.connection.raw('select 1'),
  };
  const redisUrl = env.REDIS_URL?.trim();
  const redis = redisUrl ? new RedisPing(redisUrl) : undefined;
  if (redis) checks.redis = () => redis.ping();
  const s3Config = readS3CheckConfig(env);
  const s3 = s3Config ? new S3BucketCheck(s3Config) : undefined;
  if (s3) checks.s3 = () => s3.head(timeoutMs);
  return {
    timeoutMs,
    checks,
    close() {
      redis?.close();
      s3?.close();
    },
  };
}

/** Checked at boot (src/index.ts), so that a bad HEALTH_CHECK_TIMEOUT_MS stops the CMS at once. */
export function registerReadiness(strapi: Core.Strapi): void {
  instances.set(strapi, createReadiness(strapi, process.env));
}

export async function checkReadiness(strapi: Core.Strapi): Promise<HealthReport> {
  let readiness = instances.get(strapi);
  if (!readiness) {
    readiness = createReadiness(strapi, process.env);
    instances.set(strapi, readiness);
  }
  return runHealthChecks(readiness.checks, {
    timeoutMs: readiness.timeoutMs,
    onFailure: (name, reason) => strapi.log.warn(`[health] readiness check "${name}" failed: ${reason instanceof Error ? reason.message : String(reason)}`, { check: name }),
  });
}

export function closeReadiness(strapi: Core.Strapi): void {
  instances.get(strapi)?.close();
  instances.delete(strapi);
}
