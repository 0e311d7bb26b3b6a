import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench/results.json', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use browser from wxt/browser.' }],
    },
  },
  {
    files: ['utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/entrypoints/**', '**/components/**', '@/entrypoints/*', '@/components/*'], message: 'utils/ never imports from entrypoints/ or components/.' }] },
      ],
    },
  },
  {
    // Components draw what they are given: no extension APIs, no database, no settings storage.
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt/browser', 'webextension-polyfill', 'idb', '@/utils/db/*', '!@/utils/db/schema', '@/utils/storage', '**/utils/db/*', '!**/utils/db/schema', '**/utils/storage'],
              allowTypeImports: true,
              message: 'Components take data as props: the entrypoint reads the browser, the database and storage.',
            },
          ],
        },
      ],
    },
  },
);
