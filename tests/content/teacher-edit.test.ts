/**
 * `npm test` survives a teacher's edits: the suites that depend on the shipped content are run again,
 * in a child vitest, against a copy of content/ edited as the README says (TEST_CONTENT_DIR, which
 * tests/helpers/content.ts reads and the e2e harness passes to the bot as CONTENT_DIR).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addArticle, copyContent, removeArticle, removeContent } from '../helpers/teacher.js';

const VITEST = path.resolve('node_modules/vitest/vitest.mjs');

/** The suites whose expectations come from the content under test (not this file: no recursion). */
export const CONTENT_SUITES = [
  'tests/content/check.test.ts',
  'tests/cli/run.test.ts',
  'tests/core/cite.test.ts',
  'tests/core/compare.test.ts',
  'tests/core/quote.test.ts',
  'tests/core/search/quality.test.ts',
  'tests/core/summary.test.ts',
  'tests/render/articles.test.ts',
  'tests/render/compare.test.ts',
  'tests/render/payload.test.ts',
  'tests/render/prompt.test.ts',
  'tests/render/quote.test.ts',
  'tests/e2e/commands.test.ts',
  'tests/sandbox/server.test.ts',
];

/** Runs test files in a child vitest against a content folder; resolves with its exit code and output. */
function runSuites(contentDir: string, files: string[]): Promise<{ code: number; output: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TEST_CONTENT_DIR: contentDir,
    // The parent run's global set-up has built the bot already.
    TEST_BUILT: '1',
    NO_COLOR: '1',
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [VITEST, 'run', '--reporter=dot', ...files],
      { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 280_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        // Without colours, so the summary can be read.
        resolve({ code, output: `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '') }); // eslint-disable-line no-control-regex
      },
    );
  });
}

/** The end of vitest's output: the failures and the summary. */
const tail = (output: string): string => output.split('\n').slice(-80).join('\n');

describe('the content-dependent suites, on content a teacher has edited', () => {
  const dirs: string[] = [];
  const copy = () => {
    const dir = copyContent();
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) removeContent(dir);
  });

  it('read the content under test from TEST_CONTENT_DIR (an invalid copy fails them)', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'articles', 'broken.md'), '---\nid: Not A Slug\n---\n\nText.\n');
    const r = await runSuites(dir, ['tests/render/articles.test.ts']);
    expect(r.code, tail(r.output)).not.toBe(0);
    expect(r.output).toContain('`id` must be a lowercase slug');
  });

  it('pass after a teacher adds an article as the README says', { timeout: 300_000 }, async () => {
    const dir = copy();
    addArticle(dir, 'tests/fixtures/teacher/adams-europe.md');
    const r = await runSuites(dir, CONTENT_SUITES);
    expect(r.code, tail(r.output)).toBe(0);
    expect(r.output).toMatch(new RegExp(`Test Files\\s+\\S*${String(CONTENT_SUITES.length)} passed`));
  });

  it('pass after a teacher removes an article and its pinned passages', { timeout: 300_000 }, async () => {
    const dir = copy();
    removeArticle(dir, 'sumner-riyadh');
    // The unit-level suites: the end-to-end ones take their expectations the same way.
    const suites = CONTENT_SUITES.filter((f) => !/^tests\/(e2e|sandbox)\//.test(f));
    const r = await runSuites(dir, suites);
    expect(r.code, tail(r.output)).toBe(0);
    expect(r.output).toMatch(new RegExp(`Test Files\\s+\\S*${String(suites.length)} passed`));
    // Only the tests about the removed article's own passages were skipped.
    expect(r.output).toMatch(/Tests\s+\d+ passed \| \d+ skipped/);
  });
});
