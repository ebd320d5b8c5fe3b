import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // The round trips boot the real CMS: compiled once, by the CMS tests' own global setup.
    globalSetup: ['../../apps/cms/tests/global-setup.ts'],
    // One Strapi per process (it is a singleton), one file at a time: two cores.
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
