import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
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

/** Whether something answers on Redis' port at `url` (no Redis client needed for that). */
export async function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port || 6379), hostname);
    socket.setTimeout(1_000, () => { socket.destroy(); resolve(false); });
    socket.once('connect', () => { socket.end(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

export async function freePort(): Promise<number> {
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

/** How much of a process's recent output a test may read (Service.output). */
const OUTPUT_KEPT_CHARS = 1_000_000;

/**
 * The last `kept` characters a process printed (on both streams, or on
 * stderr alone), as the chunks they arrived in: appending costs the chunk,
 * not a copy of everything kept (a site under `pnpm bench` prints 25,000
 * request lines a second, and copying the kept megabyte at each chunk took
 * a whole core from the servers measured).
 */
class RecentOutput {
  private chunks: string[] = [];
  private length = 0;
  private readonly kept: number;

  constructor(kept: number) {
    this.kept = kept;
  }

  append(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
    while (this.chunks.length > 1 && this.length - this.chunks[0]!.length >= this.kept) this.length -= this.chunks.shift()!.length;
  }

  text(): string {
    return this.chunks.join('').slice(-this.kept);
  }
}

/**
 * How much of a process's stderr a test may read (Service.errors): all of it
 * in practice. Request lines go to stdout, so a fuzz run of thousands of
 * requests does not push an early error out of what a test checks.
 */
const ERRORS_KEPT_CHARS = 20_000_000;

const outputs = new WeakMap<ChildProcess, { all: RecentOutput; errors: RecentOutput }>();

function start(name: string, command: string, args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { all: new RecentOutput(OUTPUT_KEPT_CHARS), errors: new RecentOutput(ERRORS_KEPT_CHARS) };
  outputs.set(child, output);
  const keep = (chunk: Buffer) => output.all.append(chunk.toString());
  const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}`).join('\n');
  child.stdout?.on('data', (c: Buffer) => {
    keep(c);
    if (process.env.E2E_VERBOSE) console.log(prefix(c));
  });
  child.stderr?.on('data', (c: Buffer) => {
    keep(c);
    output.errors.append(c.toString());
    console.error(prefix(c));
  });
  return child;
}

/** The process's recent output (the last OUTPUT_KEPT_CHARS characters) and its stderr. */
const outputOf = (child: ChildProcess) => () => outputs.get(child)?.all.text() ?? '';
const errorsOf = (child: ChildProcess) => () => outputs.get(child)?.errors.text() ?? '';

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // A process a test paused (SIGSTOP) must run again to hear SIGTERM.
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 10_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
  });
}

/** The Super Admin the test CMS creates at first boot. */
export const E2E_ADMIN = { email: 'e2e-admin@chiudeteicallcenter.local', password: 'E2eAdmin2019!' } as const;

/**
 * The secrets the test CMS and site share (preview links, the «Anteprima sito»
 * API token, the site's own «Sito pubblico» read token, revalidation calls):
 * fixed, so that tests can sign links and call the site like the CMS does,
 * and check that none reaches the browser.
 */
export const E2E_SITE_SECRETS = {
  previewSecret: 'e2e-preview-secret-0123456789abcdefghijklmnop',
  previewToken: 'e2e0preview0token0123456789abcdef0123456789abcdef0123456789abcdef',
  siteToken: 'e2e0site0token0123456789abcdef0123456789abcdef0123456789abcdef01',
  revalidateSecret: 'e2e-revalidate-secret-0123456789abcdefghijkl',
} as const;

export interface Service {
  url: string;
  stop(): Promise<void>;
  /** Sends a signal to the process (SIGSTOP: it hangs; SIGCONT: it goes on; SIGKILL: it dies). */
  signal(name: NodeJS.Signals): void;
  /** The process id (benchmarks read its memory). */
  pid: number;
  /** What the process printed lately (stdout and stderr, the last OUTPUT_KEPT_CHARS characters), e.g. its request lines. */
  output(): string;
  /** Everything the process wrote to stderr (its errors and warnings; up to ERRORS_KEPT_CHARS), e.g. to check that it logged no error. */
  errors(): string;
}

export interface CmsDatabaseOptions {
  /** Run on this PostgreSQL database (created and dropped by the caller) instead of a fresh SQLite file. */
  databaseUrl?: string;
  /** How long the CMS may take to answer /_health (default 90 s). */
  bootTimeoutMs?: number;
  /** Listen on this port (a restarted instance takes its predecessor's place behind a proxy). */
  port?: number;
}

/**
 * Starts the BUILT CMS (`strapi start`) on a fresh SQLite file (or the given
 * PostgreSQL database) and a temp uploads folder, seeded with the demo
 * content when the database is empty. `env` overrides the defaults
 * (benchmarks loosen or tighten the anti-abuse limits with it).
 */
export async function startCms(env: Record<string, string> = {}, { databaseUrl, bootTimeoutMs, port: fixedPort }: CmsDatabaseOptions = {}): Promise<Service> {
  const cmsDir = path.join(root, 'apps/cms');
  if (!existsSync(path.join(cmsDir, 'dist/build/index.html'))) throw new Error('The CMS admin is not built: run `pnpm build` first.');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cms-run-'));
  mkdirSync(path.join(dataDir, 'public', 'uploads'), { recursive: true });
  const port = fixedPort ?? await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cms = start('cms', process.execPath, [path.join(cmsDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], cmsDir, {
    NODE_ENV: 'production',
    SEED_DEMO_CONTENT: 'true',
    // Many tests log into the admin of one CMS within minutes.
    ADMIN_LOGIN_RATE_LIMIT_MAX: '100',
    SEED_ADMIN_EMAIL: E2E_ADMIN.email,
    SEED_ADMIN_PASSWORD: E2E_ADMIN.password,
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(databaseUrl
      // The test server trusts local connections: no password (src/production-secrets needs the explicit flag).
      ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl, DATABASE_ALLOW_EMPTY_PASSWORD: 'true' }
      : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dataDir, 'data.db') }),
    PUBLIC_DIR: path.join(dataDir, 'public'),
    APP_KEYS: process.env.APP_KEYS ?? `${secret()},${secret()}`,
    API_TOKEN_SALT: process.env.API_TOKEN_SALT ?? secret(),
    ADMIN_JWT_SECRET: process.env.ADMIN_JWT_SECRET ?? secret(),
    TRANSFER_TOKEN_SALT: process.env.TRANSFER_TOKEN_SALT ?? secret(),
    JWT_SECRET: process.env.JWT_SECRET ?? secret(),
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    ENV_PATH: '/dev/null',
    // A reader fills the form in a few seconds; the browser solves the real challenge.
    FORM_MIN_FILL_SECONDS: '2',
    PREVIEW_SECRET: E2E_SITE_SECRETS.previewSecret,
    PREVIEW_API_TOKEN: E2E_SITE_SECRETS.previewToken,
    // The site's server reads with its own token (not limited); the tests' own reads are anonymous.
    SITE_API_TOKEN: E2E_SITE_SECRETS.siteToken,
    ...env,
  });
  const stop = async () => {
    await stopChild(cms);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${url}/_health`, cms, 'cms', bootTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, signal: (name) => cms.kill(name), pid: cms.pid!, output: outputOf(cms), errors: errorsOf(cms) };
}

/** Starts the BUILT site (`.output/server/index.mjs`) against the given CMS; `env` overrides the defaults. */
export async function startWeb(cmsUrl: string, port?: number, env: Record<string, string> = {}): Promise<Service> {
  const webEntry = path.join(root, 'apps/web/.output/server/index.mjs');
  if (!existsSync(webEntry)) throw new Error('The site is not built: run `pnpm build` first.');
  const webPort = port ?? await freePort();
  const url = `http://127.0.0.1:${webPort}`;
  const web = start('web', process.execPath, [webEntry], path.join(root, 'apps/web'), {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(webPort),
    NUXT_STRAPI_URL: cmsUrl,
    NUXT_PUBLIC_CMS_URL: cmsUrl,
    NUXT_PUBLIC_SITE_URL: url,
    NUXT_PREVIEW_SECRET: E2E_SITE_SECRETS.previewSecret,
    NUXT_PREVIEW_TOKEN: E2E_SITE_SECRETS.previewToken,
    NUXT_STRAPI_TOKEN: E2E_SITE_SECRETS.siteToken,
    NUXT_REVALIDATE_SECRET: E2E_SITE_SECRETS.revalidateSecret,
    // The tests and their browser are one address acting as many readers: no render budget,
    // except where a test measures it (e2e/resilience.e2e.ts).
    NUXT_RENDER_LIMIT_POINTS: '0',
    ...env,
  });
  const stop = () => stopChild(web);
  try {
    await waitFor(`${url}/`, web, 'web');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, signal: (name) => web.kill(name), pid: web.pid!, output: outputOf(web), errors: errorsOf(web) };
}

/** The site's address in the CMS's preview links: the same server as `webUrl`, named `localhost` (another site than the admin's 127.0.0.1). */
export const previewSiteUrl = (webUrl: string): string => webUrl.replace('//127.0.0.1:', '//localhost:');

/** The built CMS and site together (the site relays the public forms to the CMS). */
export async function startStack(): Promise<Stack> {
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const cms = await startCms({
    // Preview links go to the site under another host name than the admin's
    // (the admin is opened at 127.0.0.1, the site configured as localhost): two
    // sites for the browser, as in production (cms.example.org / example.org).
    SITE_URL: previewSiteUrl(webUrl),
    // Revalidation calls go to the site.
    SITE_REVALIDATE_URL: `${webUrl}/api/revalidate`,
    REVALIDATE_SECRET: E2E_SITE_SECRETS.revalidateSecret,
    // The admin's test ping reaches a partner's endpoint played by a local server (admin-editor.e2e.ts).
    PARTNER_WEBHOOKS_ALLOW_LOCAL_URLS: 'true',
  });
  try {
    const web = await startWeb(cms.url, webPort);
    return {
      cmsUrl: cms.url,
      webUrl: web.url,
      stop: async () => {
        await web.stop();
        await cms.stop();
      },
    };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}
