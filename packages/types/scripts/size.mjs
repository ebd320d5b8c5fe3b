#!/usr/bin/env node
// Sizes of the published package (`pnpm --filter @chiudete/types size`, after
// a build): the npm tarball, and what the client entry adds to a browser
// bundle, minified and gzipped, without and with axios.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// esbuild comes with tsup (a devDependency): no dependency of its own.
const require = createRequire(import.meta.url);
const esbuild = createRequire(require.resolve('tsup'))('esbuild');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
console.log(`npm tarball: ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${pack.entryCount} files`);

async function bundle(label, contents, external) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  console.log(`${label}: ${kb(code.length)} minified, ${kb(gzipSync(code, { level: 9 }).length)} min+gz`);
}

// What a partner's bundle gets for the client: createStrapiClient and the errors.
const client = `export { createStrapiClient, StrapiError, isStrapiError } from './dist/index.js';`;
await bundle('client entry (dist/index.js), axios external', client, ['axios']);
await bundle('client entry (dist/index.js), with axios', client, []);
const webhooks = `export { verifyWebhookSignature, parseWebhookEvent } from './dist/webhooks.js';`;
await bundle('webhooks entry (dist/webhooks.js), Node', webhooks, ['node:crypto']);
