/**
 * Loads generated, realistic Italian content in bulk into the database the
 * CMS is configured with, to measure and test it at scale:
 *
 *   pnpm seed:scale --testimonies 100000 --articles 10000 [--seed 1] [--batch 500] [--no-compile]
 *
 * The database is the one Strapi itself would use: this script boots the app
 * (without its HTTP server) from apps/cms, so Strapi reads apps/cms/.env and
 * the environment (DATABASE_CLIENT, DATABASE_URL or DATABASE_*,
 * DATABASE_FILENAME) exactly as `strapi start` does. Stop the CMS first when
 * it runs on SQLite (one writer at a time).
 *
 * Deterministic and idempotent per seed: document `i` of seed `s` is always
 * the same, and documents already in the database are skipped, so a rerun
 * with the same seed adds nothing and changes nothing, a larger count adds
 * the difference, and another seed adds another set. The search index of
 * what is added is written in the same transactions (scripts/scale-seed/load.ts).
 *
 * Node 24 strips the types; a resolve hook adds ".ts" (or "/index.ts") to
 * extensionless relative imports (the CommonJS build needs them extensionless).
 */
import { registerHooks } from 'node:module';
import type * as StrapiTypes from '@strapi/strapi';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) {
        try {
          return nextResolve(`${specifier}.ts`, context);
        } catch {
          return nextResolve(`${specifier}/index.ts`, context);
        }
      }
      throw error;
    }
  },
});

const USAGE = 'Usage: pnpm seed:scale --testimonies <n> --articles <n> [--seed <n>] [--batch <n>] [--no-compile]';

async function main(): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  const { readFileSync } = await import('node:fs');

  const { values } = parseArgs({
    options: {
      'testimonies': { type: 'string', default: '0' },
      'articles': { type: 'string', default: '0' },
      'seed': { type: 'string', default: '1' },
      'batch': { type: 'string', default: '500' },
      'no-compile': { type: 'boolean', default: false },
      'help': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const whole = (name: string, text: string) => {
    if (!/^\d+$/.test(text.trim())) throw new Error(`--${name} must be a whole number >= 0 (got "${text}").\n${USAGE}`);
    return Number(text);
  };
  const options = {
    testimonies: whole('testimonies', values.testimonies),
    articles: whole('articles', values.articles),
    seed: whole('seed', values.seed),
    batchSize: Math.max(1, whole('batch', values.batch)),
  };

  // Strapi reads <cwd>/.env: run from apps/cms, as `pnpm seed:scale` does.
  const appDir = process.cwd();
  const manifest = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { name?: string };
  if (manifest.name !== '@chiudete/cms') throw new Error(`Run from apps/cms (pnpm seed:scale, or pnpm --filter @chiudete/cms seed:scale), not ${appDir}.`);
  // No scheduled jobs in this short-lived process; the rest of the configuration is the app's.
  process.env.CRON_ENABLED = 'false';
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';

  const require = createRequire(path.join(appDir, 'package.json'));
  const strapiModule = require('@strapi/strapi') as typeof StrapiTypes;
  const { SingleBar, Presets } = await import('cli-progress');
  const { loadScaleContent } = await import('./scale-seed');
  const { ensureSearchIndex, indexPublishedBatch, searchEngineOf } = await import('../src/api/search/lib');
  const { analyzeScaleTables } = await import('./scale-seed/analyze');

  if (!values['no-compile']) {
    console.log('Compiling the CMS (skip with --no-compile)...');
    await strapiModule.compileStrapi({ appDir });
  }
  const booted = Date.now();
  const strapi = strapiModule.createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'warn';
  try {
    await strapi.load();
    // A stale index is brought up to date first, so that what follows only adds to a current one.
    await ensureSearchIndex(strapi);
    const client = strapi.db.dialect.client;
    console.log(`Database: ${client}${client === 'sqlite' ? ` (${strapi.config.get<string>('database.connection.connection.filename', '')})` : ''}; search index: ${searchEngineOf(strapi)}; Strapi ready in ${((Date.now() - booted) / 1000).toFixed(1)} s.`);
    console.log(`Seed ${options.seed}: ${options.testimonies} testimonies, ${options.articles} articles, ${options.batchSize} per transaction.`);

    // Without a terminal (CI, logs), a line every 5 s instead of a redrawn bar.
    const bar = new SingleBar({ format: ' {type} [{bar}] {percentage}% | {value}/{total} | added {inserted} | {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 }, Presets.shades_classic);
    let current = '';
    const result = await loadScaleContent(strapi, {
      ...options,
      indexBatch: (trx, documents) => indexPublishedBatch(strapi, trx, documents),
      onProgress: ({ type, done, total, inserted }) => {
        const label = type === 'testimony' ? 'testimonies' : 'articles   ';
        if (current !== type) {
          if (current) bar.stop();
          bar.start(total, 0, { type: label, inserted: 0 });
          current = type;
        }
        bar.update(done, { type: label, inserted });
      },
    });
    if (current) bar.stop();

    const analyzed = Date.now();
    await analyzeScaleTables(strapi);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log([
      `Testimonies: ${result.testimonies.inserted} added, ${result.testimonies.existing} already there.`,
      `Articles:    ${result.articles.inserted} added, ${result.articles.existing} already there.`,
      `Each added document: a draft row and a published row, with their links (articles: author and categories) and the published version in the search index.`,
      `Loaded in ${seconds(result.milliseconds)}; planner statistics refreshed in ${seconds(Date.now() - analyzed)}.`,
    ].join('\n'));
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
