// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'artifacts/', 'bench-results/', 'coverage/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The core must never depend on Discord: only commands/, the bot and the sandbox may.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'discord.js',
              message: 'Keep discord.js out of the core (src/core, src/content, src/cli).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['commands/**', 'src/bot/**', 'src/sandbox/**', 'src/main.ts', 'tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  // The sandbox page's modules (JavaScript checked by TypeScript through JSDoc): linted with types too,
  // against their own tsconfig (the browser's DOM, no Node). TypeScript reports undefined names.
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: ['src/sandbox/web/**/*.js'] })),
  {
    files: ['src/sandbox/web/**/*.js'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.web.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Without a bundler the page cannot import discord-api-types' enums at run time: it compares
      // with Discord's documented numbers (message types, option types, button styles).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  prettier,
);
