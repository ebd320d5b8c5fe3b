import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureTestSecrets } from './helpers/env';
import { createSqliteDatabase } from './helpers/database';
import { appDir } from './helpers/strapi';

/** Runs the compiled CMS (`strapi start`) with `env` and returns its exit code and output, or null when it is still up after 60 s. */
async function startAndWait(env: Record<string, string>): Promise<{ code: number | null; output: string } | null> {
  ensureTestSecrets();
  const database = createSqliteDatabase();
  const keep = ['PATH', 'HOME', 'APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
  const base = Object.fromEntries(keep.map((name) => [name, process.env[name] ?? '']));
  const child = spawn(process.execPath, [path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: appDir,
    env: { ...base, ...database.env, ENV_PATH: '/dev/null', HOST: '127.0.0.1', PORT: '0', STRAPI_TELEMETRY_DISABLED: 'true', SEED_DEMO_CONTENT: 'false', CRON_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  await database.drop();
  return code === null ? null : { code, output };
}

/** SITE_API_TOKEN fails closed: the CMS does not start in production without a usable one. */
describe('SITE_API_TOKEN at start', () => {
  it.each([
    ['missing', {}, /SITE_API_TOKEN is required in production/],
    ['too short', { SITE_API_TOKEN: 'short-token' }, /SITE_API_TOKEN must be at least 32 characters/],
    ['equal to PREVIEW_API_TOKEN', { SITE_API_TOKEN: 'x'.repeat(40), PREVIEW_API_TOKEN: 'x'.repeat(40) }, /SITE_API_TOKEN must differ from PREVIEW_API_TOKEN/],
  ])('stops a production CMS when %s, naming the variable', async (_name, env, message) => {
    const result = await startAndWait({ NODE_ENV: 'production', ...env });
    expect(result?.code).toBe(1);
    expect(result?.output).toMatch(message);
  }, 90_000);
});
