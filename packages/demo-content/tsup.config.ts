import { defineConfig } from 'tsup';

/**
 * Three entry points, each as ESM and CommonJS (the CMS runs from a CommonJS
 * build, the tests and e2e are ESM):
 * - `.`: the demo data, its slugs and the types it writes to (plain data, for
 *   the tests and the e2e suite);
 * - `./blocks`: the helpers that write Strapi "blocks" rich text by hand
 *   (the bulk generator of `pnpm seed:scale` uses them too);
 * - `./seed`: `seedDemoContent`, which draws the images (sharp) and writes
 *   the documents through the host's Strapi. The CMS loads it only when the
 *   demo content is asked for (apps/cms/src/bootstrap/demo-content.ts).
 */
export default defineConfig({
  entry: { index: 'src/index.ts', blocks: 'src/blocks.ts', seed: 'src/seed.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  // Strapi and the shared types are the host's (types only); sharp is a dependency.
  external: [/^@strapi\//, /^@chiudete\//, 'sharp'],
});
