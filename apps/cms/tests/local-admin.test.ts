import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestStrapi, type TestStrapi } from './helpers/strapi';
import { LOCAL_ADMIN_DEFAULTS, adminPasswordProblems, ensureLocalAdmin, generateAdminPassword } from '../src/bootstrap/local-admin';

/** The password Strapi used to be seeded with, published in the README: it must never open an account again. */
const OLD_PUBLISHED_PASSWORD = 'Redazione2019!';

describe('local admin (fail closed outside development)', () => {
  let cms: TestStrapi;
  const admins = () => cms.strapi.db.query('admin::user').findMany({ populate: ['roles'] }) as Promise<
    Array<{ email: string; isActive: boolean; roles: Array<{ code: string }> }>
  >;
  const removeAdmins = () => cms.strapi.db.query('admin::user').deleteMany({});
  const login = (email: string, password: string) =>
    fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }).then((res) => res.status);
  /** Every line the CMS logged at warn or info level while `run` ran. */
  const logged = async (run: () => Promise<void>): Promise<string> => {
    const warn = vi.spyOn(cms.strapi.log, 'warn');
    const info = vi.spyOn(cms.strapi.log, 'info');
    try {
      await run();
      return [...warn.mock.calls, ...info.mock.calls].map((call) => String(call[0])).join('\n');
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  };
  const printedPassword = (log: string) => /password:\s+(\S+)/.exec(log)?.[1];

  beforeAll(async () => {
    // No SEED_ADMIN_*, no CMS_DEVELOPMENT, NODE_ENV=test: like `strapi start` on a server without NODE_ENV.
    cms = await startTestStrapi('sqlite', { SEED_ADMIN_EMAIL: '', SEED_ADMIN_PASSWORD: '', CMS_DEVELOPMENT: '' });
  });

  afterEach(() => {
    process.env.NODE_ENV = 'test';
    delete process.env.CMS_DEVELOPMENT;
    delete process.env.SEED_ADMIN_EMAIL;
    delete process.env.SEED_ADMIN_PASSWORD;
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('creates no admin when NODE_ENV is simply not production, and the old published password opens nothing', async () => {
    expect(await admins()).toHaveLength(0);
    expect(await login(LOCAL_ADMIN_DEFAULTS.email, OLD_PUBLISHED_PASSWORD)).not.toBe(200);
    for (const nodeEnv of ['development', 'test']) {
      process.env.NODE_ENV = nodeEnv;
      const log = await logged(() => ensureLocalAdmin(cms.strapi));
      expect(await admins()).toHaveLength(0);
      expect(log).toMatch(/set both SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD/);
    }
  });

  it('with CMS_DEVELOPMENT=true, creates a Super Admin with a random password printed once', async () => {
    process.env.CMS_DEVELOPMENT = 'true';
    const log = await logged(() => ensureLocalAdmin(cms.strapi));
    const users = await admins();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: LOCAL_ADMIN_DEFAULTS.email, isActive: true });
    expect(users[0]!.roles.map((r) => r.code)).toContain('strapi-super-admin');

    const password = printedPassword(log);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(password).not.toBe(OLD_PUBLISHED_PASSWORD);
    expect(log).toMatch(/stored nowhere/);
    expect(await login(LOCAL_ADMIN_DEFAULTS.email, password!)).toBe(200);
    expect(await login(LOCAL_ADMIN_DEFAULTS.email, OLD_PUBLISHED_PASSWORD)).not.toBe(200);

    // Printed once: the next start finds the admin and says nothing of a password.
    const again = await logged(() => ensureLocalAdmin(cms.strapi));
    expect(again).not.toContain(password);

    // Another database gets another password.
    await removeAdmins();
    const other = printedPassword(await logged(() => ensureLocalAdmin(cms.strapi)));
    expect(other).toBeDefined();
    expect(other).not.toBe(password);
  });

  it('with CMS_DEVELOPMENT=true, uses the password setup-env stored in apps/cms/.env (SEED_ADMIN_PASSWORD)', async () => {
    await removeAdmins();
    process.env.CMS_DEVELOPMENT = 'true';
    process.env.SEED_ADMIN_PASSWORD = 'LocaleDaSetupEnv2026';
    const log = await logged(() => ensureLocalAdmin(cms.strapi));
    expect(printedPassword(log)).toBe('LocaleDaSetupEnv2026');
    expect(log).toMatch(/SEED_ADMIN_PASSWORD of apps\/cms\/\.env/);
    expect(await login(LOCAL_ADMIN_DEFAULTS.email, 'LocaleDaSetupEnv2026')).toBe(200);
  });

  it('never touches an existing admin', async () => {
    const before = (await admins()).map((u) => u.email);
    expect(before).toHaveLength(1);
    process.env.SEED_ADMIN_EMAIL = 'other@example.org';
    process.env.SEED_ADMIN_PASSWORD = 'Another2019!';
    await ensureLocalAdmin(cms.strapi);
    expect((await admins()).map((u) => u.email)).toEqual(before);
  });

  it('refuses the development flag together with NODE_ENV=production, creating nobody', async () => {
    await removeAdmins();
    process.env.NODE_ENV = 'production';
    process.env.CMS_DEVELOPMENT = 'true';
    await expect(ensureLocalAdmin(cms.strapi)).rejects.toThrow(/cannot be combined with NODE_ENV=production/);
    expect(await admins()).toHaveLength(0);
  });

  it('creates nobody in production without explicit credentials', async () => {
    await removeAdmins();
    process.env.NODE_ENV = 'production';
    await ensureLocalAdmin(cms.strapi);
    expect(await admins()).toHaveLength(0);
  });

  it('refuses a weak SEED_ADMIN_PASSWORD with a message that says what is missing', async () => {
    process.env.NODE_ENV = 'production';
    process.env.SEED_ADMIN_EMAIL = 'capo@chiudeteicallcenter.eu';
    process.env.SEED_ADMIN_PASSWORD = 'password';
    await expect(ensureLocalAdmin(cms.strapi)).rejects.toThrow(/an uppercase letter, a number/);
    expect(await admins()).toHaveLength(0);
  });

  it('creates the admin from SEED_ADMIN_* in production, without printing the password', async () => {
    process.env.NODE_ENV = 'production';
    process.env.SEED_ADMIN_EMAIL = 'capo@chiudeteicallcenter.eu';
    process.env.SEED_ADMIN_PASSWORD = 'Produzione2019!';
    const log = await logged(() => ensureLocalAdmin(cms.strapi));
    expect((await admins()).map((u) => u.email)).toEqual(['capo@chiudeteicallcenter.eu']);
    expect(log).toContain('capo@chiudeteicallcenter.eu');
    expect(log).not.toContain('Produzione2019!');
  });
});

describe('generateAdminPassword', () => {
  it('always gives a password Strapi accepts, never the same twice', () => {
    const passwords = Array.from({ length: 200 }, generateAdminPassword);
    for (const password of passwords) expect(adminPasswordProblems(password)).toEqual([]);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
