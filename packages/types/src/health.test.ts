import { describe, expect, it } from 'vitest';
import { runHealthChecks } from './health';

describe('runHealthChecks', () => {
  it('is ok when every check passes', async () => {
    const report = await runHealthChecks({ database: async () => 1, redis: async () => 'PONG' }, { timeoutMs: 100 });
    expect(report).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' }, failed: [] });
  });

  it('names the checks that failed or hung, and keeps their reasons out of the report', async () => {
    const reasons: string[] = [];
    const started = Date.now();
    const report = await runHealthChecks({
      database: async () => 1,
      redis: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:6379')),
      s3: () => new Promise(() => {}),
    }, { timeoutMs: 100, onFailure: (name, reason) => reasons.push(`${name}: ${(reason as Error).message}`) });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report).toEqual({ status: 'fail', checks: { database: 'ok', redis: 'fail', s3: 'timeout' }, failed: ['redis', 's3'] });
    expect(JSON.stringify(report)).not.toContain('10.0.0.7');
    expect(reasons.sort()).toEqual(['redis: connect ECONNREFUSED 10.0.0.7:6379', 's3: no answer within 100 ms']);
  });
});

describe('runHealthChecks with checks the process can serve without', () => {
  const failing = () => Promise.reject(new Error('down'));

  it('is degraded when only those failed, and fails when another one did too', async () => {
    const options = { timeoutMs: 100, degradeOnly: ['cms', 'redis'] };
    expect(await runHealthChecks({ cms: failing, redis: async () => 'PONG' }, options))
      .toEqual({ status: 'degraded', checks: { cms: 'fail', redis: 'ok' }, failed: ['cms'] });
    expect(await runHealthChecks({ cms: failing, disk: failing }, options))
      .toEqual({ status: 'fail', checks: { cms: 'fail', disk: 'fail' }, failed: ['cms', 'disk'] });
    expect(await runHealthChecks({ cms: async () => 1 }, options)).toMatchObject({ status: 'ok' });
  });
});
