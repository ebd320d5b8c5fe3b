import type { LeaseLock } from './lease-lock';

export interface ExclusiveRunOptions {
  /** How long the lease lasts without renewal; renewed every third of it while the job runs. */
  leaseMs: number;
  /**
   * After the run, the name stays taken until the tick's fire time plus this
   * long, so another instance whose cron fires the same tick a moment later
   * skips it. Shorter than the job's period.
   */
  tickGraceMs: number;
}

export interface JobLogger {
  warn(message: string): void;
  error(message: string): void;
}

export type ExclusiveRunOutcome = 'ran' | 'busy' | 'unavailable';

/**
 * Runs `work` only if this instance holds the lease of `name`; otherwise
 * skips (another instance runs it, or the lock cannot be reached: then no
 * instance runs it, rather than every instance). Errors of `work` propagate
 * after the lease is given back.
 */
export async function runExclusively(
  lock: LeaseLock,
  name: string,
  fireDate: Date,
  work: () => Promise<void>,
  log: JobLogger,
  options: ExclusiveRunOptions,
): Promise<ExclusiveRunOutcome> {
  let lease;
  try {
    lease = await lock.acquire(name, options.leaseMs);
  } catch (error) {
    log.warn(`[jobs] ${name}: the ${lock.kind} lock cannot be reached (${(error as Error).message}); this run is skipped on this instance.`);
    return 'unavailable';
  }
  if (!lease) return 'busy';

  const renewal = setInterval(() => {
    lease.extend(options.leaseMs).then(
      (kept) => { if (!kept) log.error(`[jobs] ${name}: the lease expired while the job was running; another instance may start it.`); },
      (error: unknown) => log.warn(`[jobs] ${name}: could not renew the lease: ${(error as Error).message}`),
    );
  }, Math.max(1_000, Math.floor(options.leaseMs / 3)));
  renewal.unref();

  try {
    await work();
    return 'ran';
  } finally {
    clearInterval(renewal);
    const keepMs = fireDate.getTime() + options.tickGraceMs - Date.now();
    await lease.release(keepMs).catch((error: unknown) => {
      log.warn(`[jobs] ${name}: could not release the lease (it expires by itself): ${(error as Error).message}`);
    });
  }
}
