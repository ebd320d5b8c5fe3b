import { randomBytes } from 'node:crypto';

/**
 * The Super Admin every test Strapi creates at its first boot, through
 * SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD (startStrapi sets them): the CMS
 * has no built-in credentials. A fresh password per test process.
 */
export const TEST_ADMIN = {
  email: 'admin@chiudeteicallcenter.test',
  password: `Prova-${randomBytes(12).toString('hex')}-A1`,
} as const;
