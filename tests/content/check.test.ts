import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realLibrary, TEST_CONTENT_DIR } from '../helpers/content.js';

const REPO = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');

function check(dir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['src/content/check.ts', dir], { cwd: REPO, encoding: 'utf8', timeout: 15_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BROKEN_ARTICLE = [
  '---', //                                  1
  'id: x', //                                2
  'title: Broken', //                        3
  'authors: [Ann Writer]', //                4
  'outlet: The Paper', //                    5
  'kind: opinion', //                        6
  'perspective: Worried', //                 7
  'summary: S.', //                          8
  '---', //                                  9
  '', //                                     10
  'A fine paragraph.', //                    11
  '', //                                     12
  '[Q] Who asks, with no interviewer?', //   13
  '', //                                     14
  '[Note] Not a tag.', //                    15
  '',
].join('\n');

const TOPICS = `topics:
  - id: t
    title: T
    terms: [fine]
    prompts: { understand: U?, analyze: A?, evaluate: E? }
`;

describe('content:check (src/content/check.ts)', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'content-check-'));
    mkdirSync(path.join(dir, 'articles'));
    writeFileSync(path.join(dir, 'articles', 'x.md'), BROKEN_ARTICLE);
    writeFileSync(path.join(dir, 'topics.yaml'), TOPICS);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 on the repository content and counts what the loader loads', async () => {
    const { content } = await realLibrary();
    const shown = path.relative(REPO, TEST_CONTENT_DIR);
    const r = check(shown);
    // Nothing but warnings (a teacher's edit may leave a topic term no article uses, and says so).
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/:\d+: warning: /);
    expect(r.status).toBe(0);
    const prompts = content.topics.reduce((n, t) => n + t.prompts.length, 0);
    // Articles without a source are noted on lines of their own; the summary is the last line.
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${shown}/ is valid: ${String(content.articles.length)} articles, ${String(content.passages.size)} passages, ` +
        `${String(content.topics.length)} topics, ${String(prompts)} prompts.`,
    );
  });

  it('exits 1 and prints each problem as <dir>/<file>:<line>: <message>', () => {
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    // Paths are shown relative to the working directory.
    const shown = path.relative(REPO, dir);
    expect(r.stderr.split('\n')).toEqual([
      `${shown}/articles/x.md:13: [Q] needs \`interviewer\` in the front matter`,
      `${shown}/articles/x.md:15: unknown tag [Note]: use [caption], [credit], [editors], [Q], [A], [author] or [quote: Name], or write \\[ for a literal bracket`,
      `2 problem(s) in ${shown}/`,
      '',
    ]);
  });
});
