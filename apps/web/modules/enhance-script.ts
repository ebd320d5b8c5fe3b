import { rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { addTemplate, addTypeTemplate, defineNuxtModule, updateTemplates } from 'nuxt/kit';
import { build } from 'rolldown';

/** Where browsers fetch the script: a content hash in its name, so it is cached for a year. */
export const ENHANCE_SCRIPT_BASE = '/_enhance/';
const TEMPLATE = 'enhance-script.mjs';

/**
 * The enhancement script of the pages that ship no Vue (app/enhance/main.ts,
 * issue #10), bundled on its own with Rolldown (Vite's bundler): a few kB of
 * plain TypeScript that shares nothing with the Vue app's chunks, so a page
 * that needs it downloads only it. Nitro serves it from /_enhance/ like the
 * other build assets (pre-compressed, `immutable`); the app learns its file
 * name from `#build/enhance-script.mjs` (useEnhancement).
 */
export default defineNuxtModule({
  meta: { name: 'enhance-script' },
  async setup(_options, nuxt) {
    const appDir = nuxt.options.srcDir;
    const enhanceDir = join(appDir, 'enhance');
    // Under `cache/`: the one part of the build directory that `nuxt build` keeps when it clears it after the modules ran.
    const outDir = join(nuxt.options.buildDir, 'cache', 'enhance-script');

    /** One script, bundled on its own: its file name. */
    async function bundleOne(entry: string, name: string): Promise<string> {
      const { output } = await build({
        input: join(enhanceDir, entry),
        platform: 'browser',
        // Relative imports only: the app's tsconfig extends `.nuxt/`, which a fresh clone's `nuxt prepare` has not written yet.
        tsconfig: false,
        transform: { target: 'es2020' },
        output: { dir: outDir, format: 'esm', minify: !nuxt.options.dev, entryFileNames: `${name}.[hash].js` },
        write: true,
      });
      if (output.length !== 1) throw new Error(`[enhance-script] expected one file, Rolldown wrote ${output.map((file) => file.fileName).join(', ')}`);
      return output[0].fileName;
    }

    /**
     * The enhancement script, and the newsletter form's code, which the
     * script loads only when a reader first uses the form (enhance/newsletter.ts).
     */
    async function bundle(): Promise<{ main: string; newsletter: string }> {
      await rm(outDir, { recursive: true, force: true });
      return { main: await bundleOne('main.ts', 'enhance'), newsletter: await bundleOne('newsletter-form.ts', 'newsletter') };
    }

    let fileName = await bundle();

    addTemplate({
      filename: TEMPLATE,
      getContents: () => `export const enhanceScriptSrc = ${JSON.stringify(`${ENHANCE_SCRIPT_BASE}${fileName.main}`)};\nexport const newsletterScriptSrc = ${JSON.stringify(`${ENHANCE_SCRIPT_BASE}${fileName.newsletter}`)};\n`,
    });
    addTypeTemplate({
      filename: 'types/enhance-script.d.ts',
      getContents: () => `declare module '#build/${TEMPLATE}' {\n  /** Path of the enhancement script, below the app's base URL. */\n  export const enhanceScriptSrc: string;\n  /** Path of the newsletter form's code, loaded by the enhancement script on first use. */\n  export const newsletterScriptSrc: string;\n}\nexport {};\n`,
    });

    nuxt.hook('nitro:config', (config) => {
      config.publicAssets ||= [];
      config.publicAssets.push({ dir: outDir, baseURL: ENHANCE_SCRIPT_BASE, maxAge: 60 * 60 * 24 * 365 });
    });

    if (nuxt.options.dev) {
      // The script and what it imports from the app (app/utils) are rebuilt when they change.
      nuxt.hook('builder:watch', async (_event, path) => {
        const changed = relative(appDir, resolve(nuxt.options.rootDir, path));
        if (!changed.startsWith('enhance/') && !changed.startsWith('utils/')) return;
        fileName = await bundle();
        await updateTemplates({ filter: (template) => template.filename === TEMPLATE });
      });
    }
  },
});
