import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { mainLayerConfigs } from './eslint.layers.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', 'build/**/*.mjs', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['build/**/*.cjs', 'test/**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    // CommonJS files load modules with require(); that is what they are for.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Playwright fixtures must destructure their (empty) dependencies: `async ({}, use) => ...`.
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  // Layering (after VS Code): see eslint.layers.mjs.
  ...mainLayerConfigs(),
  // The renderer is the untrusted side: it sees the contract's types, never main's code.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', 'electron', 'electron/*', 'node:*'],
              message: 'The renderer talks to main only through the bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/contract.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportNamedDeclaration[declaration.type="VariableDeclaration"]',
          message: 'The contract is types only.',
        },
        { selector: 'ImportDeclaration[importKind!="type"]', message: 'The contract is types only.' },
      ],
    },
  },
);
