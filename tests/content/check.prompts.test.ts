/** content:check warns, without failing, about a prompt that names an author with nothing to show. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFile } from '../helpers/content.js';

const REPO = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');

const TOPICS = [
  'topics:', //                                             1
  '  - id: gas', //                                         2
  '    title: Gas', //                                      3
  '    terms: [gas pipeline]', //                           4
  '    prompts:', //                                        5
  '      understand: What does Author say about gas?', //   6
  '      analyze: How does Author reason?', //              7
  '      evaluate: Is Author right, or Baker?', //          8
  '',
].join('\n');

describe('content:check on a prompt naming an author whose article does not address its topic', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'content-check-prompts-'));
    mkdirSync(path.join(dir, 'articles'));
    writeFileSync(
      path.join(dir, 'articles', 'alpha.md'),
      articleFile({ id: 'alpha', body: 'The gas pipeline.' }),
    );
    const beta = articleFile({ id: 'beta', body: 'Bread is baked daily.' });
    writeFileSync(path.join(dir, 'articles', 'beta.md'), beta.replace('[Ann Author]', '[Bob Baker]'));
    writeFileSync(path.join(dir, 'topics.yaml'), TOPICS);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints file:line: warning: … and still exits 0', () => {
    const r = spawnSync(TSX, ['src/content/check.ts', dir], { cwd: REPO, encoding: 'utf8', timeout: 15_000 });
    if (r.error) throw r.error;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/is valid: 2 articles/);
    const shown = path.relative(REPO, dir);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${path.join(shown, 'topics.yaml')}:8: warning: prompt gas:evaluate names Baker, but beta does not address “Gas”: pin a passage of theirs in this topic, or reword the question`,
    ]);
  });
});
