/**
 * The answer of a readiness probe, the same for the CMS (`/_health/ready`)
 * and the site (`/readyz`): 200 with `status: 'ok'` when every check passed;
 * 200 with `status: 'degraded'` when only checks the process can serve
 * without failed (the site without its CMS serves its cached pages); 503 with
 * `status: 'fail'` otherwise; `failed` names the checks that did not pass.
 * Only names and outcomes: never a host, an address or an error message.
 */
export type HealthCheckOutcome = 'ok' | 'fail' | 'timeout';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'fail';
  /** Each check by name (e.g. `database`, `redis`, `s3`, `cms`) and its outcome. */
  checks: Record<string, HealthCheckOutcome>;
  /** The checks that did not pass (empty when `status` is `ok`). */
  failed: string[];
}

/** A readiness check: resolves when the dependency answers, rejects otherwise. */
export type HealthCheck = () => Promise<unknown>;

/**
 * Runs the checks concurrently, each within `timeoutMs`, and reports their
 * outcomes. The failures' reasons go to `onFailure` (for the log), never into
 * the report.
 */
export async function runHealthChecks(
  checks: Readonly<Record<string, HealthCheck>>,
  { timeoutMs, onFailure, degradeOnly = [] }: {
    timeoutMs: number;
    onFailure?: (name: string, reason: unknown) => void;
    /** Checks whose failure leaves the process serving: the report says `degraded`, not `fail`. */
    degradeOnly?: readonly string[];
  },
): Promise<HealthReport> {
  const entries = await Promise.all(Object.entries(checks).map(async ([name, check]): Promise<[string, HealthCheckOutcome]> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const outcome = await Promise.race([check().then(() => 'ok' as const), timeout]);
      if (outcome === 'timeout') onFailure?.(name, new Error(`no answer within ${timeoutMs} ms`));
      return [name, outcome];
    } catch (error) {
      onFailure?.(name, error);
      return [name, 'fail'];
    } finally {
      clearTimeout(timer);
    }
  }));
  const failed = entries.filter(([, outcome]) => outcome !== 'ok').map(([name]) => name);
  const status = failed.length === 0 ? 'ok' : failed.every((name) => degradeOnly.includes(name)) ? 'degraded' : 'fail';
  return { status, checks: Object.fromEntries(entries), failed };
}
