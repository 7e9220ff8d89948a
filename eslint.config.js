// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Dependency direction: domain ← collab ← apps. A package never imports an app, apps never
 * import each other, and the domain stays pure (no Yjs, no React, no I/O).
 */
const forbid = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map(([group, message]) => ({ group, message })) }],
});

const APPS = [['@cocrea/server', '@cocrea/web', '**/apps/**'], 'packages never import apps'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'e2e/artifacts/**', 'e2e/test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/domain/**'],
    rules: forbid([
      APPS,
      [['@cocrea/collab', '**/packages/collab/**'], 'domain is the bottom layer: it never imports collab'],
      [['yjs', 'react', 'react-dom', '@hocuspocus/*', 'node:*', 'fs', 'path'], 'domain is pure: no Yjs, React, sync or I/O'],
    ]),
  },
  {
    files: ['packages/collab/**'],
    rules: forbid([APPS, [['react', 'react-dom', 'node:*', 'fs', 'path'], 'collab runs in browsers and servers alike']]),
  },
  {
    files: ['apps/server/**'],
    rules: forbid([[['@cocrea/web', '**/apps/web/**'], 'apps never import each other']]),
  },
  {
    files: ['apps/web/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([[['@cocrea/server', '**/apps/server/**', 'node:*'], 'apps never import each other; the web app runs in browsers']]),
    },
  },
  {
    files: ['**/*.test.ts', 'apps/server/test/**', 'e2e/**', 'bench/**', 'scripts/**', 'docs/examples/**'],
    rules: { 'no-console': 'off' },
  },
);
