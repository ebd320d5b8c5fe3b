import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // tests/package.test.ts builds and packs the package first.
    hookTimeout: 120_000,
  },
});
