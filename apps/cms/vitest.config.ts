import { defineConfig } from 'vitest/config';

/**
 * Two projects on two workers. `unit`: the small tests beside the code, each
 * file in a process of its own (some mock Node modules). `strapi`: the suites
 * that boot the real CMS (one Strapi per file, each on a database of its own:
 * a temp SQLite file or a new PostgreSQL database, random ports and Redis
 * prefixes, so two files never share state). Their worker processes are
 * reused from file to file, so Strapi's modules load once per worker rather
 * than once per file; tests/helpers/restore-env.ts puts the environment back
 * after each file.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'strapi', include: ['tests/**/*.test.ts'], isolate: false, setupFiles: ['tests/helpers/restore-env.ts'] },
      },
    ],
  },
});
