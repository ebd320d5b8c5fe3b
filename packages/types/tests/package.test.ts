import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What a partner installs: the package is built into a temp directory (never
 * touching ./dist, which the apps use), packed with `npm pack` as it would be
 * published, unpacked into a consumer's node_modules, and then loaded by
 * plain Node (CommonJS `require` and ESM `import`) and type-checked by tsc
 * with Node's own module resolution (.d.ts for import, .d.cts for require).
 */
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(packageDir, 'node_modules', '.bin', name);

let work: string;
let consumer: string;
let packed: { filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> };

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'chiudete-types-pack-'));
  const stage = path.join(work, 'package');
  mkdirSync(stage);
  for (const file of ['package.json', 'README.md', 'LICENSE']) cpSync(path.join(packageDir, file), path.join(stage, file));
  run(bin('tsup'), ['--out-dir', path.join(stage, 'dist'), '--silent'], packageDir);

  const [result] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage)) as Array<typeof packed>;
  packed = result!;

  consumer = path.join(work, 'consumer');
  const installed = path.join(consumer, 'node_modules', '@chiudete', 'types');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', path.join(work, packed.filename), '-C', installed, '--strip-components=1'], work);
  // The runtime dependencies, as npm would install them next to the package.
  for (const dependency of ['axios', 'zod']) {
    symlinkSync(realpathSync(path.join(packageDir, 'node_modules', dependency)), path.join(consumer, 'node_modules', dependency));
  }
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'partner', private: true }));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const node = (args: string[]) => run(process.execPath, args, consumer).trim();

describe('the published package', () => {
  it('contains the ESM and CommonJS builds with their types, the README and the licence, and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const entry of ['index', 'forms', 'webhooks', 'preview', 'labels']) {
      for (const ext of ['.js', '.cjs', '.d.ts', '.d.cts']) expect(files).toContain(`dist/${entry}${ext}`);
    }
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
    expect(files.filter((f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ license: 'MIT', publishConfig: { access: 'public' }, engines: { node: expect.any(String) } });
    expect(manifest.private).toBeUndefined();
  });

  it('loads with require() (CommonJS)', () => {
    const out = node(['-e', `
      const types = require('@chiudete/types');
      const webhooks = require('@chiudete/types/webhooks');
      const forms = require('@chiudete/types/forms');
      const api = types.createStrapiClient({ baseURL: 'http://cms.example' });
      const header = webhooks.signWebhookPayload({ payload: '{}', secret: 's', timestamp: 1 });
      console.log(JSON.stringify({
        client: typeof api.articles.iterate,
        since: typeof api.articles.since,
        error: new types.StrapiError({ method: 'get', url: 'u', status: 429 }).kind,
        verified: webhooks.verifyWebhookSignature({ payload: '{}', header, secret: 's', now: 1000 }),
        forms: typeof forms.testimonySubmissionSchema.safeParse,
      }));
    `]);
    expect(JSON.parse(out)).toEqual({ client: 'function', since: 'function', error: 'rate_limited', verified: true, forms: 'function' });
  });

  it('loads with import (ESM)', () => {
    const out = node(['--input-type=module', '-e', `
      import { createStrapiClient, isStrapiError, StrapiError } from '@chiudete/types';
      import { verifyWebhookSignature, signWebhookPayload } from '@chiudete/types/webhooks';
      const api = createStrapiClient({ baseURL: 'http://cms.example' });
      const header = signWebhookPayload({ payload: '{}', secret: 's', timestamp: 1 });
      console.log(JSON.stringify({
        client: typeof api.answers.listAll,
        error: isStrapiError(new StrapiError({ method: 'get', url: 'u', status: 404 }), 'not_found'),
        verified: verifyWebhookSignature({ payload: '{}', header, secret: 'x', now: 1000 }),
      }));
    `]);
    expect(JSON.parse(out)).toEqual({ client: 'function', error: true, verified: false });
  });

  it('keeps Node built-ins out of the main entry (browser bundles)', () => {
    const installed = path.join(consumer, 'node_modules', '@chiudete', 'types', 'dist');
    for (const file of ['index.js', 'index.cjs']) expect(readFileSync(path.join(installed, file), 'utf8')).not.toMatch(/node:|require\("crypto"\)/);
    expect(readFileSync(path.join(installed, 'webhooks.js'), 'utf8')).toContain('node:crypto');
  });

  it('type-checks for TypeScript consumers of both module systems (moduleResolution node16)', () => {
    writeFileSync(path.join(consumer, 'esm.mts'), `
      import { createStrapiClient, type Article, type StrapiErrorKind } from '@chiudete/types';
      import { parseWebhookEvent, type WebhookEvent } from '@chiudete/types/webhooks';
      const api = createStrapiClient({ baseURL: 'http://cms.example', retries: 1, maxRetryDelayMs: 1000 });
      export async function titles(): Promise<string[]> {
        const out: string[] = [];
        for await (const article of api.articles.since(new Date(0))) out.push((article satisfies Article).title);
        return out;
      }
      export const kind: StrapiErrorKind = 'rate_limited';
      export const parse = (body: string, header: string): WebhookEvent => parseWebhookEvent({ payload: body, header, secret: 's' });
    `);
    writeFileSync(path.join(consumer, 'cjs.cts'), `
      import types = require('@chiudete/types');
      import webhooks = require('@chiudete/types/webhooks');
      export const api = types.createStrapiClient({ baseURL: 'http://cms.example' });
      export const ok: boolean = webhooks.verifyWebhookSignature({ payload: '{}', header: 't=1,v1=00', secret: 's' });
    `);
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true,
        types: ['node'], typeRoots: [path.join(packageDir, 'node_modules', '@types')],
      },
      files: ['esm.mts', 'cjs.cts'],
    }));
    expect(() => run(bin('tsc'), ['-p', 'tsconfig.json'], consumer)).not.toThrow();
  }, 60_000);
});
