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
    rules: {
      'vue/multi-word-component-names': 'off',
      '@stylistic/max-statements-per-line': 'off',
    },
  });
