// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * The direction of imports: commands → bot / render → core → content. Each layer lists what it
 * must not import (`regex` on the import path); a layer may import anything below it.
 */
const above = {
  commands: { regex: '(^|/)commands/', message: 'Only the bot wires up commands/.' },
  bot: { regex: '(^|/)bot/', message: 'Only commands/ and the entry points use the bot (src/bot).' },
  render: {
    regex: '(^|/)render/',
    message: 'The core never renders: render imports the core, not the other way round.',
  },
  core: { regex: '(^|/)core/', message: 'The content is read and checked without the core (src/core).' },
  edges: {
    regex: '(^|/)(cli|sandbox)/|(^|/)main\\.js$',
    message: 'Only entry points import the CLI, the sandbox or main.',
  },
};
/** What a layer's files must not import. */
const layer = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

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
  // src/content/check.ts is `npm run content:check`, an entry point that also runs the core's checks.
  layer(
    ['src/content/**'],
    [above.core, above.render, above.bot, above.commands, above.edges],
    ['src/content/check.ts'],
  ),
  layer(['src/core/**'], [above.render, above.bot, above.commands, above.edges]),
  // The importer (content:add, and /article add through commands/) is core-side too.
  layer(['src/import/**'], [above.render, above.bot, above.commands, above.edges]),
  layer(
    ['src/render/**'],
    [
      above.bot,
      above.commands,
      above.edges,
      {
        // A renderer receives results and returns payloads: from the core it takes types, and the
        // words a reader sees (reader-text, cite) and where text may be cut (graphemes), never
        // searching or picking.
        regex: '(^|/)core/(?!(reader-text|cite|graphemes)\\.js$)',
        allowTypeImports: true,
        message: 'Rendering is pure: import only types from the core (the edge, commands/, calls the core).',
      },
    ],
  ),
  // src/bot/client.ts starts the bot with the command list: the one arrow up, from the entry point.
  layer(['src/bot/**'], [above.commands, above.edges], ['src/bot/client.ts']),
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
  // Files small enough to read in one sitting, functions small enough to hold in mind.
  {
    files: ['src/**/*.{ts,js}', 'commands/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  prettier,
);
