/**
 * The built bot (`node dist/src/main.js`, as `npm start` runs it) with odd files in its content
 * folder: an editor's lock file is ignored; a folder named like an article stops the start-up with
 * `file:line: problem` and exit 1, never a stack trace.
 */
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStack } from './harness.js';
import { exitOf } from './util.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

/** A copy of the repository's content folder; returns its `articles/` path. */
async function contentCopy(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-content-'));
  await cp(path.resolve('content'), dir, { recursive: true });
  return path.join(dir, 'articles');
}

describe('the bot with odd files in CONTENT_DIR', () => {
  it('starts with an Emacs lock file (a dangling link `.#x.md`) beside the articles', async () => {
    const articles = await contentCopy();
    await symlink('teacher@laptop.4242:1700000000', path.join(articles, '.#x.md'));
    const stack = await startStack({ env: { CONTENT_DIR: dir } });
    try {
      await stack.standIn.waitForReady(1);
    } finally {
      await stack.stop();
    }
    expect(stack.output().stderr).not.toMatch(/\.#x\.md|ENOENT/);
  });

  it('refuses to start on a folder named x.md: file:line: problem, exit 1, no stack trace', async () => {
    const articles = await contentCopy();
    await mkdir(path.join(articles, 'x.md'));
    const stack = await startStack({ env: { CONTENT_DIR: dir }, ready: false });
    const exit = await exitOf(stack.bot);
    await stack.stop();
    const { stdout, stderr } = stack.output();
    expect(exit.code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      'articles/x.md:1: is a folder, not a file: rename it or move it elsewhere',
      'The content is invalid, so the bot will not start. Fix the problems above (npm run content:check).',
      '',
    ]);
    expect(stdout).toBe('');
  });
});
