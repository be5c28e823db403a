// ESLint flat config (issue 17): typescript-eslint's type-checked recommended rules over every
// TypeScript file tsc checks, the type-unaware recommended rules over the JavaScript scripts.
// `npm run lint` runs it with --max-warnings 0, and `npm test` runs that.
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'coverage/', 'var/', 'test-artifacts/', 'docs/'],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The code's convention: a name that starts with _ is unused on purpose (the fourth parameter
      // that makes an Express error handler, the fields a rest destructuring leaves out).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    extends: [js.configs.recommended],
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Plain browser scripts, served as they are (no bundler, no modules).
    files: ['adapters/support/assets/*.js', 'adapters/webchat/page/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
