/**
 * What this CMS instance does (CMS_ROLE), so a deployment can split the
 * traffic from the scheduled jobs:
 * - `all` (default): serves the API and the admin, and runs the crons (under
 *   the job lock, so several `all` instances still run each job once);
 * - `web`: serves the API and the admin, never runs a cron;
 * - `worker`: runs the crons only; its HTTP server answers the health checks
 *   and nothing else.
 */
export const CMS_ROLES = ['all', 'web', 'worker'] as const;
export type CmsRole = (typeof CMS_ROLES)[number];

export function readCmsRole(env: Record<string, string | undefined> = process.env): CmsRole {
  const value = env.CMS_ROLE?.trim().toLowerCase() || 'all';
  if (!(CMS_ROLES as readonly string[]).includes(value)) {
    throw new Error(`CMS_ROLE="${env.CMS_ROLE}" is not a role: use all (API and crons, the default), web (API only) or worker (crons only).`);
  }
  return value as CmsRole;
}

/** Whether this role runs the scheduled jobs (config/server.ts `cron.enabled`). */
export const runsCrons = (role: CmsRole): boolean => role !== 'web';
/** Whether this role serves the API and the admin panel. */
export const servesApi = (role: CmsRole): boolean => role !== 'worker';
