import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import type * as StrapiTypes from '@strapi/strapi';
import { TEST_ADMIN } from './admin';
import { ensureTestSecrets } from './env';
import { createPostgresDatabase, createSqliteDatabase, type DatabaseKind, type TestDatabase } from './database';

// A plain ESM import of @strapi/strapi fails on lodash/fp directory imports.
const require = createRequire(import.meta.url);
type StrapiModule = typeof StrapiTypes;

export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = path.join(appDir, 'dist');

export interface RunningStrapi {
  strapi: Core.Strapi;
  /** Origin of the in-process HTTP server, e.g. http://127.0.0.1:40123 */
  url: string;
  stop(): Promise<void>;
}

/**
 * Boots the real Strapi app in-process on the given database, with the code
 * compiled once by the global setup (tests/global-setup.ts), and serves it
 * over HTTP on a free loopback port.
 */
/** `require('@strapi/strapi')`, typed. */
export const loadStrapiModule = () => require('@strapi/strapi') as StrapiModule;

export async function startStrapi(database: TestDatabase, env: Record<string, string> = {}): Promise<RunningStrapi> {
  ensureTestSecrets();
  // The demo content and the test admin are asked for explicitly: the CMS creates neither by default.
  const defaults = { NODE_ENV: 'test', SEED_DEMO_CONTENT: 'true', SEED_ADMIN_EMAIL: TEST_ADMIN.email, SEED_ADMIN_PASSWORD: TEST_ADMIN.password };
  Object.assign(process.env, defaults, database.env, env);

  // strapi.destroy() removes every process listener: Vitest's own, and Node's
  // 'newListener'/'removeListener' hooks that keep the IPC channel referenced.
  // Restore those hooks first, then the rest.
  const emitter: NodeJS.EventEmitter = process;
  const isHook = (event: string | symbol) => event === 'newListener' || event === 'removeListener';
  const events = [...emitter.eventNames().filter(isHook), ...emitter.eventNames().filter((e) => !isHook(e))];
  const listeners = events.map((event) => [event, emitter.listeners(event)] as const);

  const { createStrapi } = loadStrapiModule();
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  // server.listen mounts the routes first, then listens.
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;

  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await strapi.destroy();
      for (const [event, handlers] of listeners) {
        for (const handler of handlers) {
          if (!emitter.listeners(event).includes(handler)) emitter.on(event, handler as (...args: unknown[]) => void);
        }
      }
    },
  };
}

export interface TestStrapi extends RunningStrapi {
  /** The database of its own it runs on (queries beside Strapi, e.g. to check what was stored). */
  database: TestDatabase;
}

/**
 * The boot of a suite: the CMS on a new database of `kind` (a temp SQLite
 * file, or a new PostgreSQL database on TEST_POSTGRES_URL); `stop()` stops
 * it and drops the database.
 */
export async function startTestStrapi(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestStrapi> {
  const database = kind === 'sqlite' ? createSqliteDatabase() : await createPostgresDatabase();
  let running: RunningStrapi;
  try {
    running = await startStrapi(database, env);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    strapi: running.strapi,
    url: running.url,
    database,
    async stop() {
      try {
        await running.stop();
      } finally {
        await database.drop();
      }
    },
  };
}
