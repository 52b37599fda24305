/**
 * The import direction (commands → bot / render → core → content) is enforced by eslint.config.js:
 * a file that imports upward, or a renderer that imports a value from the core, fails the lint.
 */
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const RULE = '@typescript-eslint/no-restricted-imports';

/**
 * The project's own layer rules (the entries of eslint.config.js that set the rule), without the
 * type-aware rules: those need a file on disk, and these snippets exist only in memory.
 */
const configFile = new URL('../eslint.config.js', import.meta.url).href;
const projectConfig = ((await import(configFile)) as { default: Linter.Config[] }).default;
const layers = projectConfig.filter((c) => c.rules?.[RULE] !== undefined);
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { '@typescript-eslint': tseslint.plugin as unknown as ESLint.Plugin },
    },
    ...layers,
  ],
});

/** The import-direction errors ESLint reports for `code` placed at `filePath`. */
async function directionErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A snippet that does not parse would pass silently: fail instead.
  expect(messages.filter((m) => m.fatal === true)).toEqual([]);
  return messages.filter((m) => m.ruleId === RULE).map((m) => `${m.line}: ${m.message}`);
}

describe('import direction', () => {
  it('is configured for every layer', () => {
    const files = layers.flatMap((c) => c.files ?? []);
    expect(files).toEqual(
      expect.arrayContaining(['src/content/**', 'src/core/**', 'src/render/**', 'src/bot/**']),
    );
  });
  it('lets a renderer import types from the core and values from reader-text, not the search', async () => {
    const code = [
      "import type { SearchHit } from '../core/search/index.js';",
      "import { speakerLine } from '../core/reader-text.js';",
      "import { searchPassages } from '../core/search/index.js';",
      "import { findQuote } from '../core/quote.js';",
      'export const used: [SearchHit[], unknown, unknown, unknown] = [[], speakerLine, searchPassages, findQuote];',
      '',
    ].join('\n');
    const errors = await directionErrors('src/render/zz-direction-probe.ts', code);
    expect(errors).toEqual([
      expect.stringMatching(/^3: .*'\.\.\/core\/search\/index\.js'.*Rendering is pure/),
      expect.stringMatching(/^4: .*'\.\.\/core\/quote\.js'.*Rendering is pure/),
    ]);
  });
  it('keeps the core from importing render or the bot, and the content from importing the core', async () => {
    const core = [
      "import { finalize } from '../render/payload.js';",
      "import type { BotServices } from '../bot/command.js';",
      'export const used: [unknown, BotServices | undefined] = [finalize, undefined];',
      '',
    ].join('\n');
    expect(await directionErrors('src/core/zz-direction-probe.ts', core)).toEqual([
      expect.stringMatching(/^1: .*The core never renders/),
      expect.stringMatching(/^2: .*Only commands\/ and the entry points use the bot/),
    ]);
    const content = "import type { Library } from '../core/index.js';\nexport type Used = Library;\n";
    expect(await directionErrors('src/content/zz-direction-probe.ts', content)).toEqual([
      expect.stringMatching(/^1: .*without the core/),
    ]);
  });
  it('passes the imports the layers are meant to have', async () => {
    const render = [
      "import type { Article } from '../content/types.js';",
      "import type { QuoteResult } from '../core/quote.js';",
      "import { cite } from '../core/cite.js';",
      "import { finalize } from './payload.js';",
      'export const used: [Article | undefined, QuoteResult | undefined, unknown, unknown] = [undefined, undefined, cite, finalize];',
      '',
    ].join('\n');
    expect(await directionErrors('src/render/zz-direction-probe.ts', render)).toEqual([]);
  });
});
