import { defineConfig } from 'vitest/config';
import { defineVitestProject } from '@nuxt/test-utils/config';

// Two projects, like nuxt.com: `unit` for plain TypeScript next to the code
// (node, fast), `nuxt` for components mounted in a Nuxt runtime (happy-dom).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // app/enhance: the enhancement script of the pages without Vue, in happy-dom (`@vitest-environment` in each file).
          include: ['app/utils/**/*.test.ts', 'app/composables/**/*.test.ts', 'app/enhance/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts'],
          environment: 'node',
        },
      },
      await defineVitestProject({
        test: {
          name: 'nuxt',
          include: ['test/nuxt/**/*.test.ts'],
          environment: 'nuxt',
          environmentOptions: {
            nuxt: {
              domEnvironment: 'happy-dom',
              overrides: {
                runtimeConfig: { public: { siteUrl: 'https://chiudeteicallcenter.eu', cmsUrl: 'https://cms.example.test', s3PublicUrl: 'https://media.example.test/uploads' } },
              },
            },
          },
        },
      }),
    ],
  },
});
