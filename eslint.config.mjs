// One flat config for the whole monorepo. @nuxt/eslint-config brings the
// TypeScript and Vue rules; formatting is ESLint's too (stylistic), so there
// is no separate formatter to drift from.
import { createConfigForNuxt } from '@nuxt/eslint-config';
import globals from 'globals';

export default createConfigForNuxt({
  features: {
    typescript: true,
    stylistic: {
      semi: true,
      quotes: 'single',
      commaDangle: 'always-multiline',
      braceStyle: '1tbs',
      arrowParens: true,
    },
  },
  dirs: { src: ['./apps/web/app'] },
})
  .prepend({
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.output/**',
      '**/.nuxt/**',
      '**/.strapi/**',
      '**/.tmp/**',
      '**/coverage/**',
      'apps/cms/types/generated/**',
      'apps/cms/public/**',
      'packages/types/src/generated/**',
      'deploy/.manifest-types-*/**',
    ],
  })
  .append({
    files: ['scripts/**', '.ci/**', '**/*.mjs', 'apps/cms/**', 'packages/types/scripts/**'],
    languageOptions: { globals: globals.node },
  })
  .append({
    files: ['**/*.ts', '**/*.vue'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  })
  .append({
    // Lean pages (issue #10): what only a form needs once the reader uses it (the typed client
    // with axios, the zod schemas) is loaded with import() from apps/web/app/lazy/ (composables/
    // lazyForms.ts), never statically into a page's chunks. Types are fine.
    files: ['apps/web/app/**/*.ts', 'apps/web/app/**/*.vue'],
    ignores: ['apps/web/app/lazy/**', 'apps/web/app/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['~/lazy/*', 'axios', '@chiudete/types/forms'],
          allowTypeImports: true,
          message: 'Load it with import() when a form needs it (composables/lazyForms.ts), not with the page.',
        }],
      }],
    },
  })
  .append({
    // Lean pages (issue #10): no client-side navigation, so a link to a page of the site is an
    // <AppLink> (a plain anchor), not a <NuxtLink>, which costs a router resolution at every render.
    files: ['apps/web/app/**/*.vue'],
    rules: {
      // …written inline in running text like the `<a>` it renders: no line break added inside it
      // (a space before a «?»). The multiline rule takes no `externalIgnores`: its default list
      // (HTML's inline elements) is written out, plus AppLink.
      'vue/singleline-html-element-content-newline': ['error', { ignoreWhenNoAttributes: true, ignoreWhenEmpty: true, externalIgnores: ['AppLink'] }],
      'vue/multiline-html-element-content-newline': ['error', {
        ignoreWhenEmpty: true,
        allowEmptyLines: false,
        ignores: ['pre', 'textarea', 'AppLink', 'a', 'abbr', 'audio', 'b', 'bdi', 'bdo', 'canvas', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'iframe', 'ins', 'kbd', 'label', 'map', 'mark', 'noscript', 'object', 'output', 'picture', 'q', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'svg', 'time', 'u', 'var', 'video'],
      }],
      'vue/no-restricted-syntax': ['error', {
        selector: 'VElement[rawName=/^(NuxtLink|nuxt-link|RouterLink|router-link)$/]',
        message: 'Link to a page of the site with <AppLink> (components/app/AppLink.vue): the site has no client-side navigation.',
      }],
    },
  })
  .append({
    rules: {
      'vue/multi-word-component-names': 'off',
      '@stylistic/max-statements-per-line': 'off',
    },
  });
