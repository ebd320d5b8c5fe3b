import { describe, expect, it } from 'vitest';
import { assertProductionSecrets, productionSecretProblems } from './check';

const strong = (n: number) => `Zq8${'k'.repeat(20)}${n}`;
const GOOD = {
  NODE_ENV: 'production',
  APP_KEYS: `${strong(1)},${strong(2)}`,
  API_TOKEN_SALT: strong(3),
  ADMIN_JWT_SECRET: strong(4),
  TRANSFER_TOKEN_SALT: strong(5),
  JWT_SECRET: strong(6),
  ENCRYPTION_KEY: strong(7),
};

describe('productionSecretProblems', () => {
  it('accepts a production environment with real secrets, and never checks outside production', () => {
    expect(productionSecretProblems(GOOD)).toEqual([]);
    expect(productionSecretProblems({ NODE_ENV: 'development' })).toEqual([]);
    expect(productionSecretProblems({ NODE_ENV: 'test', APP_KEYS: 'toBeModified1,toBeModified2' })).toEqual([]);
  });

  it.each([
    ['a missing secret', { JWT_SECRET: undefined }, /JWT_SECRET is missing/],
    ['an empty secret', { ENCRYPTION_KEY: '  ' }, /ENCRYPTION_KEY is missing/],
    ['Strapi\'s example APP_KEYS', { APP_KEYS: 'toBeModified1,toBeModified2' }, /APP_KEYS is an example value/],
    ['one example key among real ones', { APP_KEYS: `${strong(1)},tobemodified2` }, /APP_KEYS is an example value/],
    ['Strapi\'s example salt', { API_TOKEN_SALT: 'tobemodified' }, /API_TOKEN_SALT is an example value/],
    ['changeme', { ADMIN_JWT_SECRET: 'changeme' }, /ADMIN_JWT_SECRET is an example value/],
    ['change-me', { TRANSFER_TOKEN_SALT: 'Change-Me' }, /TRANSFER_TOKEN_SALT is an example value/],
    ['a short secret', { JWT_SECRET: 'abc123' }, /JWT_SECRET is too short/],
    ['an optional secret left as an example', { REVALIDATE_SECRET: 'changeme' }, /REVALIDATE_SECRET is an example value/],
    ['an empty database password', { DATABASE_CLIENT: 'postgres', DATABASE_PASSWORD: '' }, /DATABASE_PASSWORD is empty/],
    ['the database password "strapi"', { DATABASE_CLIENT: 'postgres', DATABASE_PASSWORD: 'strapi' }, /DATABASE_PASSWORD is a default password/],
    ['the database password "postgres" in DATABASE_URL', { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://app:postgres@db:5432/app' }, /The password in DATABASE_URL is a default password/],
    ['the example DATABASE_URL', { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://strapi:change-me@127.0.0.1:5432/strapi' }, /DATABASE_URL is a default password/],
    ['no password in DATABASE_URL', { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://strapi@db:5432/strapi' }, /The password in DATABASE_URL is empty/],
    ['the username as password', { DATABASE_CLIENT: 'postgres', DATABASE_USERNAME: 'cms', DATABASE_PASSWORD: 'cms' }, /DATABASE_PASSWORD is a default password/],
    ['the old published admin password', { SEED_ADMIN_PASSWORD: 'Redazione2019!' }, /SEED_ADMIN_PASSWORD is a known password/],
    ['a common admin password', { SEED_ADMIN_PASSWORD: 'Password123' }, /SEED_ADMIN_PASSWORD is a known password/],
  ])('refuses %s, naming the variable', (_name, change, message) => {
    const env = { ...GOOD, ...change };
    const problems = productionSecretProblems(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(() => assertProductionSecrets(env)).toThrow(message);
  });

  it('accepts a strong database password, and an empty one only with the explicit flag', () => {
    expect(productionSecretProblems({ ...GOOD, DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://cms:8f2Kq0Zr7uVx1Lw3@db:5432/cms' })).toEqual([]);
    expect(productionSecretProblems({ ...GOOD, DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1/x', DATABASE_ALLOW_EMPTY_PASSWORD: 'true' })).toEqual([]);
  });

  it('lists every problem at once, and never repeats a value', () => {
    expect(() => assertProductionSecrets({ NODE_ENV: 'production', APP_KEYS: 'toBeModified1,toBeModified2', SEED_ADMIN_PASSWORD: 'Admin1234' }))
      .toThrow(/APP_KEYS is an example[\s\S]*API_TOKEN_SALT is missing[\s\S]*ENCRYPTION_KEY is missing[\s\S]*SEED_ADMIN_PASSWORD is a known password/);
    const problems = productionSecretProblems({ ...GOOD, SEED_ADMIN_PASSWORD: 'Admin1234', JWT_SECRET: 'short1' }).join('\n');
    expect(problems).not.toContain('Admin1234');
    expect(problems).not.toContain('short1');
  });
});
