import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Stack {
  cmsUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

const secret = () => randomBytes(16).toString('base64');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, name: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function start(name: string, command: string, args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}`).join('\n');
  child.stdout?.on('data', (c: Buffer) => process.env.E2E_VERBOSE && console.log(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => console.error(prefix(c)));
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 10_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
  });
}

/**
 * Starts the BUILT CMS (`strapi start` on a fresh SQLite file, seeded with the
 * demo content) and the BUILT site (`.output/server/index.mjs`) on free ports.
 * Expects `pnpm build` (or the e2e setup) to have produced both builds.
 */
export async function startStack(): Promise<Stack> {
  const cmsDir = path.join(root, 'apps/cms');
  const webEntry = path.join(root, 'apps/web/.output/server/index.mjs');
  if (!existsSync(path.join(cmsDir, 'dist/build/index.html'))) throw new Error('The CMS admin is not built: run `pnpm build` first.');
  if (!existsSync(webEntry)) throw new Error('The site is not built: run `pnpm build` first.');

  const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-cms-'));
  mkdirSync(path.join(dataDir, 'public', 'uploads'), { recursive: true });
  const [cmsPort, webPort] = [await freePort(), await freePort()];
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;

  const cms = start('cms', process.execPath, [path.join(cmsDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], cmsDir, {
    NODE_ENV: 'production',
    SEED_DEMO_CONTENT: 'true',
    SEED_ADMIN_EMAIL: 'e2e-admin@chiudeteicallcenter.local',
    SEED_ADMIN_PASSWORD: 'E2eAdmin2019!',
    HOST: '127.0.0.1',
    PORT: String(cmsPort),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dataDir, 'data.db'),
    PUBLIC_DIR: path.join(dataDir, 'public'),
    APP_KEYS: process.env.APP_KEYS ?? `${secret()},${secret()}`,
    API_TOKEN_SALT: process.env.API_TOKEN_SALT ?? secret(),
    ADMIN_JWT_SECRET: process.env.ADMIN_JWT_SECRET ?? secret(),
    TRANSFER_TOKEN_SALT: process.env.TRANSFER_TOKEN_SALT ?? secret(),
    JWT_SECRET: process.env.JWT_SECRET ?? secret(),
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    ENV_PATH: '/dev/null',
  });
  const web = start('web', process.execPath, [webEntry], path.join(root, 'apps/web'), {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(webPort),
    NUXT_STRAPI_URL: cmsUrl,
    NUXT_PUBLIC_CMS_URL: cmsUrl,
    NUXT_PUBLIC_SITE_URL: webUrl,
  });

  const stop = async () => {
    await Promise.all([stopChild(web), stopChild(cms)]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${cmsUrl}/_health`, cms, 'cms');
    await waitFor(`${webUrl}/`, web, 'web');
  } catch (error) {
    await stop();
    throw error;
  }
  return { cmsUrl, webUrl, stop };
}
