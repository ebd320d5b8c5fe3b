import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackupError } from './errors.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** apps/cms of this repository; CMS_DIR overrides it (e.g. /app/apps/cms in the CMS image). */
export function cmsDirOf(env: Env): string {
  return env.CMS_DIR ? path.resolve(env.CMS_DIR) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../apps/cms');
}

/**
 * Reads the CMS's env file as Strapi does (ENV_PATH, else apps/cms/.env),
 * never overriding a variable the environment already has: `pnpm backup`
 * finds the database `pnpm start` uses.
 */
export function loadCmsEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  const file = env.ENV_PATH ?? path.join(cmsDirOf(env), '.env');
  if (file !== '/dev/null' && existsSync(file)) process.loadEnvFile(file);
}

/** A variable's value, an unset or empty one (as in a generated .env: `DATABASE_HOST=`) giving the default. */
export function read(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function readBool(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name, String(fallback)).trim().toLowerCase();
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new BackupError(`${name} must be true or false (got "${value}").`);
}

export function readInt(env: Env, name: string, fallback: number): number {
  const value = read(env, name, String(fallback)).trim();
  if (!/^\d+$/.test(value)) throw new BackupError(`${name} must be a whole number (got "${value}").`);
  return Number(value);
}

/** Versions written into the manifest: this tool's, and the CMS's and Strapi's when apps/cms is at hand. */
export function cmsVersions(env: Env): { cms: string | null; strapi: string | null } {
  const file = path.join(cmsDirOf(env), 'package.json');
  if (!existsSync(file)) return { cms: null, strapi: null };
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; dependencies?: Record<string, string> };
  return { cms: manifest.version ?? null, strapi: manifest.dependencies?.['@strapi/strapi'] ?? null };
}

export function toolVersion(): string {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
