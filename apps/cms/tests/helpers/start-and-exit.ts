import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureTestSecrets } from './env';
import { createSqliteDatabase } from './database';
import { appDir } from './strapi';

/**
 * Runs the compiled CMS (`strapi start`) on a fresh SQLite file with `env`
 * (over the test secrets and nothing else of this process's environment) and
 * returns its exit code and output, or null when it is still up after 60 s.
 * For the checks that must stop a CMS at start.
 */
export async function startAndWaitForExit(env: Record<string, string>): Promise<{ code: number | null; output: string } | null> {
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
