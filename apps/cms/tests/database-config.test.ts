import { createRequire } from 'node:module';
import type * as StrapiUtils from '@strapi/utils';
import { afterEach, describe, expect, it } from 'vitest';
import databaseConfig from '../config/database';

// Strapi's own env() helper, loaded like Strapi loads it (its ESM build imports lodash/fp directories).
const { env } = createRequire(import.meta.url)('@strapi/utils') as typeof StrapiUtils;

const NAMES = ['DATABASE_CLIENT', 'DATABASE_URL', 'DATABASE_PASSWORD', 'DATABASE_USERNAME'] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

/** The PostgreSQL connection settings config/database.ts gives Strapi for this environment. */
function postgresConnection(vars: Partial<Record<(typeof NAMES)[number], string>>): Record<string, unknown> {
  for (const name of NAMES) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, { DATABASE_CLIENT: 'postgres' }, vars);
  const config = databaseConfig({ env }) as { connection: { connection: Record<string, unknown> } };
  return config.connection.connection;
}

afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = saved[name];
  }
});

describe('config/database.ts', () => {
  it('has no default PostgreSQL password (it used to be `strapi`)', () => {
    expect(postgresConnection({}).password).toBe('');
    expect(postgresConnection({ DATABASE_PASSWORD: '' }).password).toBe('');
  });

  it('uses DATABASE_PASSWORD, or the URL, when given', () => {
    expect(postgresConnection({ DATABASE_PASSWORD: 'segreta-e-lunga' }).password).toBe('segreta-e-lunga');
    expect(postgresConnection({ DATABASE_URL: 'postgres://cms:pw@db:5432/cms' }).connectionString).toBe('postgres://cms:pw@db:5432/cms');
  });
});
