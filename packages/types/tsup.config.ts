import { defineConfig } from 'tsup';

/**
 * Six entry points, each as ESM (`.js`, `.d.ts`) and CommonJS (`.cjs`,
 * `.d.cts`): `.` (types, client, errors), `./forms` (zod schemas),
 * `./webhooks` and `./preview` (signatures, node:crypto: kept out of the main
 * entry so browser bundles never see a Node built-in) and `./labels` (the
 * Italian labels of every enumeration, plain data, for the Strapi admin bundle)
 * and `./revalidation` (the zod schema of the site's revalidation body, for
 * the two servers only).
 */
export default defineConfig((options) => ({
  entry: { index: 'src/index.ts', forms: 'src/forms/index.ts', webhooks: 'src/webhooks.ts', preview: 'src/preview.ts', labels: 'src/labels.ts', revalidation: 'src/revalidation.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // The output is readable (not minified): source maps only while developing
  // (`tsup --watch`), so the package ships no `sourceMappingURL` to missing files.
  sourcemap: Boolean(options.watch),
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // Dependencies stay imports (axios, zod, node:crypto), resolved by the consumer.
  external: ['axios', 'zod', /^node:/],
  // Keep `node:crypto` as written: bundlers then know it is a Node built-in.
  removeNodeProtocol: false,
}));
