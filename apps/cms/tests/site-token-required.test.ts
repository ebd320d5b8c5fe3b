import { describe, expect, it } from 'vitest';
import { startAndWaitForExit } from './helpers/start-and-exit';

/** SITE_API_TOKEN fails closed: the CMS does not start in production without a usable one. */
describe('SITE_API_TOKEN at start', () => {
  it.each([
    ['missing', {}, /SITE_API_TOKEN is required in production/],
    ['too short', { SITE_API_TOKEN: 'short-token' }, /SITE_API_TOKEN must be at least 32 characters/],
    ['equal to PREVIEW_API_TOKEN', { SITE_API_TOKEN: 'a1'.repeat(20), PREVIEW_API_TOKEN: 'a1'.repeat(20) }, /SITE_API_TOKEN must differ from PREVIEW_API_TOKEN/],
  ])('stops a production CMS when %s, naming the variable', async (_name, env, message) => {
    const result = await startAndWaitForExit({ NODE_ENV: 'production', ...env });
    expect(result?.code).toBe(1);
    expect(result?.output).toMatch(message);
  }, 90_000);
});
