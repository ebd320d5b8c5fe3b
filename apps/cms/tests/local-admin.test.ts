import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDatabase, type TestDatabase } from './helpers/database';
import { startStrapi, type RunningStrapi } from './helpers/strapi';
import { DEV_ADMIN_DEFAULTS, ensureLocalAdmin } from '../src/bootstrap/local-admin';

describe('local admin', () => {
  let database: TestDatabase;
  let cms: RunningStrapi;
  const admins = () => cms.strapi.db.query('admin::user').findMany({ populate: ['roles'] }) as Promise<
    Array<{ email: string; isActive: boolean; roles: Array<{ code: string }> }>
  >;

  beforeAll(async () => {
    delete process.env.SEED_ADMIN_EMAIL;
    delete process.env.SEED_ADMIN_PASSWORD;
    database = createSqliteDatabase();
    cms = await startStrapi(database); // NODE_ENV=test: development defaults apply
  });

  afterEach(async () => {
    process.env.NODE_ENV = 'test';
    delete process.env.SEED_ADMIN_EMAIL;
    delete process.env.SEED_ADMIN_PASSWORD;
  });

  afterAll(async () => {
    await cms?.stop();
    await database?.drop();
  });

  it('creates an active Super Admin with the local defaults on first start in development', async () => {
    const users = await admins();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: DEV_ADMIN_DEFAULTS.email, isActive: true });
    expect(users[0]!.roles.map((r) => r.code)).toContain('strapi-super-admin');
    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEV_ADMIN_DEFAULTS.email, password: DEV_ADMIN_DEFAULTS.password }),
    });
    expect(login.status).toBe(200);
  });

  it('never touches an existing admin', async () => {
    process.env.SEED_ADMIN_EMAIL = 'other@example.org';
    process.env.SEED_ADMIN_PASSWORD = 'Another2019!';
    await ensureLocalAdmin(cms.strapi);
    expect((await admins()).map((u) => u.email)).toEqual([DEV_ADMIN_DEFAULTS.email]);
  });

  it('creates nobody in production without explicit credentials', async () => {
    await cms.strapi.db.query('admin::user').deleteMany({});
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

  it('creates the admin from SEED_ADMIN_* in production', async () => {
    process.env.NODE_ENV = 'production';
    process.env.SEED_ADMIN_EMAIL = 'capo@chiudeteicallcenter.eu';
    process.env.SEED_ADMIN_PASSWORD = 'Produzione2019!';
    await ensureLocalAdmin(cms.strapi);
    expect((await admins()).map((u) => u.email)).toEqual(['capo@chiudeteicallcenter.eu']);
  });
});
