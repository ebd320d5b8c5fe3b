/**
 * The OpenAPI 3.1 contract of the public API, apps/cms/openapi/content-api.json:
 * boots this Strapi app on a throwaway SQLite database, runs Strapi's own
 * generator (`strapi openapi generate` calls the same `generate()` of
 * @strapi/openapi), then corrects the result (scripts/openapi/document.ts
 * says what and why) and writes it.
 *
 *   pnpm --filter @chiudete/cms openapi:generate   # write the file
 *   pnpm --filter @chiudete/cms openapi:check      # fail if the committed file is stale
 *
 * `--no-compile` uses dist/ as it is instead of compiling the app first.
 *
 * Node 24 strips the types; a resolve hook adds ".ts" to extensionless
 * relative imports (the CommonJS build needs them extensionless).
 */
import { registerHooks } from 'node:module';
import type * as StrapiTypes from '@strapi/strapi';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) {
        return nextResolve(`${specifier}.ts`, context);
      }
      throw error;
    }
  },
});

const OUTPUT = 'openapi/content-api.json';

interface OpenApiModule {
  generate(strapi: unknown, options: { type: 'content-api' }): { document: Record<string, unknown> };
}

/** The first lines where two texts differ, for the check's message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const index = a.findIndex((line, i) => line !== b[i]);
  const at = index === -1 ? Math.min(a.length, b.length) : index;
  return [
    `first difference at line ${at + 1}:`,
    ...a.slice(at, at + 3).map((line) => `  committed: ${line}`),
    ...b.slice(at, at + 3).map((line) => `  generated: ${line}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const { createRequire } = await import('node:module');
  const { randomBytes } = await import('node:crypto');
  const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');

  const appDir = process.cwd();
  const manifest = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { name?: string };
  if (manifest.name !== '@chiudete/cms') throw new Error(`Run from apps/cms (pnpm --filter @chiudete/cms openapi:generate), not ${appDir}`);
  const check = process.argv.includes('--check');

  // A throwaway app instance: fresh secrets, no seed, no cron, no .env; its own database and uploads (below).
  const secret = () => randomBytes(16).toString('base64');
  Object.assign(process.env, {
    ENV_PATH: '/dev/null',
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_BANNER: 'false',
    SEED_DEMO_CONTENT: 'false',
    CRON_ENABLED: 'false',
    PREVIEW_API_TOKEN: '',
    SITE_API_TOKEN: '',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  });

  const require = createRequire(path.join(appDir, 'package.json'));
  const strapiModule = require('@strapi/strapi') as typeof StrapiTypes;
  const openapi = createRequire(require.resolve('@strapi/strapi'))('@strapi/openapi') as OpenApiModule;
  const { readAppModel } = await import('./openapi/model');
  const { buildContract } = await import('./openapi/document');
  const { compileFresh } = await import('./compile-fresh');
  const { PUBLIC_READABLE_TYPES } = await import('../src/bootstrap/public-permissions');

  // compileStrapi exits the process on a type error: compile before creating anything to clean up.
  if (!process.argv.includes('--no-compile')) await compileFresh(strapiModule.compileStrapi, appDir);
  const workDir = mkdtempSync(path.join(tmpdir(), 'cms-openapi-'));
  mkdirSync(path.join(workDir, 'public', 'uploads'), { recursive: true });
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(workDir, 'data.db'), PUBLIC_DIR: path.join(workDir, 'public') });
  const strapi = strapiModule.createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'error';
  let text: string;
  let excluded: string[];
  try {
    await strapi.load();
    // As `strapi openapi generate` does: mount the routes, then generate.
    strapi.server.mount();
    const raw = openapi.generate(strapi, { type: 'content-api' }).document;
    const model = await readAppModel(strapi);
    const contract = buildContract(raw, model, PUBLIC_READABLE_TYPES);
    text = `${JSON.stringify(contract.document, null, 2)}\n`;
    excluded = contract.excluded;
  } finally {
    await strapi.destroy();
    rmSync(workDir, { recursive: true, force: true });
  }

  const target = path.join(appDir, OUTPUT);
  if (check) {
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (committed !== text) {
      console.error(`apps/cms/${OUTPUT} is out of date with the app (routes, content types or populate middlewares changed).\n${firstDifference(committed, text)}\nRun \`pnpm --filter @chiudete/cms openapi:generate\` and commit the result.`);
      process.exitCode = 1;
      return;
    }
    console.log(`apps/cms/${OUTPUT} is up to date.`);
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`Wrote apps/cms/${OUTPUT} (${Math.round(text.length / 1024)} KB). Left out (not public):\n  ${excluded.join('\n  ')}`);
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
