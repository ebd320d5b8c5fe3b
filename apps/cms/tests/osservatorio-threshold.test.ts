import { describe, expect, it } from 'vitest';
import { startAndWaitForExit } from './helpers/start-and-exit';

/** OSSERVATORIO_COMPANY_THRESHOLD fails closed: a wrong value never names companies on too few testimonies. */
describe('OSSERVATORIO_COMPANY_THRESHOLD at start', () => {
  it('stops the CMS on a value that is not a whole number from 1, naming the variable', async () => {
    const result = await startAndWaitForExit({ OSSERVATORIO_COMPANY_THRESHOLD: '0' });
    expect(result?.code).toBe(1);
    expect(result?.output).toMatch(/OSSERVATORIO_COMPANY_THRESHOLD="0" must be a whole number from 1/);
  }, 90_000);
});
