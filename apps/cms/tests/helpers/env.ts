import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(16).toString('base64');

/**
 * Strapi reads its secrets from the environment; CI has no `.env`. Fresh
 * random values per test process, unless the environment already has them.
 */
export function ensureTestSecrets(): void {
  process.env.APP_KEYS ??= [secret(), secret()].join(',');
  process.env.API_TOKEN_SALT ??= secret();
  process.env.ADMIN_JWT_SECRET ??= secret();
  process.env.TRANSFER_TOKEN_SALT ??= secret();
  process.env.JWT_SECRET ??= secret();
  process.env.ENCRYPTION_KEY ??= secret();
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.STRAPI_STARTUP_BANNER = 'false';
  // Keep the real `.env` of a developer's machine out of the tests.
  process.env.ENV_PATH = '/dev/null';
}
