import { describe, expect, it } from 'vitest';
import { startAndWaitForExit } from './helpers/start-and-exit';

/** A usable site token: the cases below are about the other variables. */
const SITE = { NODE_ENV: 'production', SITE_API_TOKEN: 's'.repeat(40) };

/**
 * A production CMS refuses to start with a missing or example secret, a
 * default database password or a known admin seed password, naming the
 * variable (src/production-secrets). The real process, as a server runs it.
 */
describe('production secrets at start', () => {
  it.each([
    ['a missing JWT_SECRET', { JWT_SECRET: '' }, /JWT_SECRET is missing/],
    ['Strapi\'s example APP_KEYS', { APP_KEYS: 'toBeModified1,toBeModified2' }, /APP_KEYS is an example value/],
    ['the placeholder "changeme" as ADMIN_JWT_SECRET', { ADMIN_JWT_SECRET: 'changeme' }, /ADMIN_JWT_SECRET is an example value/],
    ['the default database password "strapi"', { DATABASE_CLIENT: 'postgres', DATABASE_PASSWORD: 'strapi' }, /DATABASE_PASSWORD is a default password/],
    ['an empty database password', { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://strapi@127.0.0.1:1/strapi' }, /The password in DATABASE_URL is empty/],
    ['the old published admin password', { SEED_ADMIN_EMAIL: 'capo@example.org', SEED_ADMIN_PASSWORD: 'Redazione2019!' }, /SEED_ADMIN_PASSWORD is a known password/],
  ])('stops with %s, naming the variable', async (_name, env, message) => {
    const result = await startAndWaitForExit({ ...SITE, ...env });
    expect(result?.code).toBe(1);
    expect(result?.output).toMatch(message);
    expect(result?.output).toMatch(/The CMS refuses to start in production/);
  }, 90_000);

  // A production CMS with real values starts: tests/health.test.ts runs one.
});
