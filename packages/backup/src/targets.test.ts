import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type databaseConfigSource from '../../../apps/cms/config/database';
import { cmsDirOf } from './env.ts';
import { databaseTarget, uploadsTarget } from './targets.ts';

// The CMS's config files are the source of truth, as Strapi runs them: compiled to apps/cms/dist (by the
// global setup; the sources resolve __dirname one folder higher) and called with Strapi's env() helper.
type Config = typeof databaseConfigSource;
const cmsRequire = createRequire(path.join(cmsDirOf({}), 'package.json'));
const { env: strapiEnv } = cmsRequire('@strapi/utils') as { env: Parameters<Config>[0]['env'] };
const databaseConfig = (cmsRequire('./dist/config/database.js') as { default: Config }).default;
const serverConfig = (cmsRequire('./dist/config/server.js') as { default: (params: Parameters<Config>[0]) => unknown }).default;

const NAMES = ['DATABASE_CLIENT', 'DATABASE_URL', 'DATABASE_HOST', 'DATABASE_PORT', 'DATABASE_NAME', 'DATABASE_USERNAME', 'DATABASE_PASSWORD', 'DATABASE_SSL', 'DATABASE_FILENAME', 'PUBLIC_DIR'];
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = saved[name];
  }
});

/** What Strapi would connect to with these variables, and what the backup reads. */
function both(vars: Record<string, string>) {
  for (const name of NAMES) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, vars);
  const cms = databaseConfig({ env: strapiEnv }) as unknown as { connection: { connection: Record<string, unknown> } };
  return { cms: cms.connection.connection, backup: databaseTarget({ ...vars }) };
}

describe('the backup reads the CMS configuration as the CMS does', () => {
  it.each([
    [{}],
    [{ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: '/var/data/cms.db' }],
    [{ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: 'data/cms.db' }],
  ])('SQLite %j', (vars) => {
    const { cms, backup } = both(vars);
    expect(backup).toEqual({ client: 'sqlite', filename: cms.filename });
  });

  it.each([
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://u:p%40ss@db:5433/cms' }],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'db', DATABASE_PORT: '6543', DATABASE_NAME: 'cms', DATABASE_USERNAME: 'cms', DATABASE_PASSWORD: 'secret', DATABASE_SSL: 'true' }],
    [{ DATABASE_CLIENT: 'postgres' }],
  ])('PostgreSQL %j', (vars) => {
    const { cms, backup } = both(vars);
    expect(backup.client).toBe('postgres');
    const { schema: _schema, ...connection } = cms;
    expect(backup.client === 'postgres' && backup.connection).toEqual(connection);
  });

  it.each([[{}], [{ PUBLIC_DIR: '/srv/public' }], [{ PUBLIC_DIR: 'var/public' }]])('uploads folder %j', (vars) => {
    for (const name of NAMES) Reflect.deleteProperty(process.env, name);
    Object.assign(process.env, vars);
    const publicDir = (serverConfig({ env: strapiEnv }) as unknown as { dirs: { public: string } }).dirs.public;
    // Strapi resolves server.dirs.public against the app's directory (@strapi/core configuration/get-dirs).
    expect(uploadsTarget({ ...vars })).toEqual({ kind: 'disk', dir: path.join(path.resolve(cmsDirOf({}), publicDir), 'uploads') });
  });

  it('rejects an unknown client as the CMS does', () => {
    expect(() => both({ DATABASE_CLIENT: 'mysql' }).backup).toThrow('Unsupported DATABASE_CLIENT "mysql": use "sqlite" or "postgres".');
  });
});
