import { addVitePlugin, defineNuxtModule } from 'nuxt/kit';
import type { Plugin } from 'rolldown';

/** A package's files, installed flat or by pnpm (`node_modules/.pnpm/<name>@<version>/node_modules/<name>/`). */
const inPackage = (name: string) => String.raw`[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?${name}[\\/]`;

/**
 * The browser bundle of the hydrated pages (the forms), issue #10. Three
 * adjustments of Rolldown (Vite's bundler), for the client build only:
 *
 * - What a form loads once the reader uses it (app/lazy/: the typed client
 *   with axios, the zod schemas) gets chunks of its own holding nothing
 *   else. Left to itself the bundler put small modules that every page
 *   shares (Vue's SFC helper) into the chunk of axios, so every form page
 *   downloaded axios. The client of @chiudete/types (dist/index.js) goes with
 *   axios, its schemas (dist/forms.js) with zod; what they import from the
 *   package's shared labels stays outside (no recursive capture).
 * - What every hydrated page runs before anything else (the entry's static
 *   imports: Vue, its router, unhead, Nuxt's runtime, the app's frame) is
 *   one chunk. Left to itself the bundler cut it into ten or so chunks by
 *   which lazy chunks share them, all loaded by every form page anyway:
 *   one chunk compresses better and is fewer requests (/testimonianze/stato
 *   90.0 → 83.7 kB gzip, 16 → 5 script requests).
 * - Nuxt's `composables/asyncData.js` and `fetch.js` create `useAsyncData`
 *   and `useFetch` at module level, and `components/nuxt-link.js` its
 *   component: reached through the `#app` barrel of modules' plugins, they
 *   stayed in the entry although no browser code of this app calls them
 *   (content is read on the server: composables/strapi.ts; the hydrated
 *   components link with plain `<a>`). Declared free of side effects, they
 *   are dropped where unused and kept where used.
 *
 * And one adjustment of what the server's render links: no render-blocking
 * `<link rel="stylesheet">` for the CSS of shared chunks (ArticleList.css,
 * the forms' fields…), which Nuxt links when a chunk holds more than one
 * component. Every component rendered on the server has its styles inlined
 * (`features.inlineStyles`, per component); a component that appears later
 * in a hydrated page comes with its chunk, whose CSS Vite's preload helper
 * adds when the chunk is imported. The entry's CSS is Nuxt's to handle.
 */
const plugin: Plugin = {
  name: 'lean-client-bundle',
  outputOptions(options) {
    return {
      ...options,
      codeSplitting: {
        groups: [
          { name: 'cms-client', test: new RegExp(`${inPackage('axios')}|[\\\\/]packages[\\\\/]types[\\\\/]dist[\\\\/]index\\.js$`), includeDependenciesRecursively: false },
          { name: 'form-schemas', test: new RegExp(`${inPackage('zod')}|[\\\\/]packages[\\\\/]types[\\\\/]dist[\\\\/]forms\\.js$`), includeDependenciesRecursively: false },
          { name: 'app', tags: ['$initial'] },
        ],
      },
    };
  },
  transform: {
    filter: { id: /[\\/]nuxt[\\/]dist[\\/]app[\\/](?:composables[\\/](?:asyncData|fetch)|components[\\/]nuxt-link)\.js$/ },
    handler: (code) => ({ code, moduleSideEffects: false }),
  },
};

export default defineNuxtModule({
  meta: { name: 'lean-client-bundle' },
  setup(_options, nuxt) {
    if (nuxt.options.dev) return;
    // A Rolldown plugin is a Vite plugin (Vite 8); Nuxt's kit types still describe Vite's older plugin shape.
    addVitePlugin(plugin as Parameters<typeof addVitePlugin>[0], { server: false });
    nuxt.hook('build:manifest', (manifest) => {
      for (const chunk of Object.values(manifest)) {
        if (!chunk.isEntry && chunk.css?.length) chunk.css = [];
      }
    });
  },
});
