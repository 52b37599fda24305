/**
 * Whatever is in a content folder, loading answers with content or `file:line` problems and never
 * throws: editors' files are ignored, everything else that cannot be read as content is a problem.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadContent, type LoadResult } from '../../src/content/load.js';
import { isEditorFile, MAX_CONTENT_FILE_BYTES } from '../../src/content/read.js';
import { articleFile, TINY_TOPICS } from '../helpers/content.js';

const REPO = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

/** A valid content folder with one article, `a`; returns its `articles/` path. */
async function validFolder(): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'content-read-'));
  await mkdir(path.join(dir, 'articles'));
  await writeFile(path.join(dir, 'articles', 'a.md'), articleFile({ id: 'a', body: 'About gas.' }));
  await writeFile(path.join(dir, 'topics.yaml'), TINY_TOPICS);
  return path.join(dir, 'articles');
}

const problems = (result: LoadResult): string[] => (result.ok ? [] : result.problems.map(formatProblem));

/** The ids of the articles loaded, or the problems. */
const articleIds = (result: LoadResult): string[] =>
  result.ok ? result.content.articles.map((a) => a.id) : result.problems.map(formatProblem);

describe('loading a content folder', () => {
  it("ignores editors' and systems' files, silently", async () => {
    const articles = await validFolder();
    // Emacs's lock file: a dangling link, created on the first unsaved keystroke.
    await symlink('teacher@laptop.4242:1700000000', path.join(articles, '.#a.md'));
    const binary = Buffer.from([0x00, 0x05, 0x16, 0x07, 0xff, 0xfe, 0x80]);
    const leftovers: Record<string, string | Buffer> = {
      'a.md~': 'Emacs backup',
      '#a.md#': 'Emacs auto-save',
      '.a.md.swp': binary, // vim's swap
      'a.md.swp': binary,
      '4913': '', // vim checks it can write the folder with this name
      '._a.md': binary, // macOS's resource fork on a shared drive
      '.DS_Store': binary,
      'a.md___jb_tmp___': 'JetBrains temporary',
      '~$a.md': binary,
    };
    for (const [name, data] of Object.entries(leftovers)) await writeFile(path.join(articles, name), data);
    await writeFile(path.join(dir, '.topics.yaml.swp'), binary);
    for (const name of [...Object.keys(leftovers), '.#a.md']) expect(isEditorFile(name), name).toBe(true);

    expect(articleIds(await loadContent(dir))).toEqual(['a']);
  });

  it('reports a folder named x.md', async () => {
    const articles = await validFolder();
    await mkdir(path.join(articles, 'x.md'));
    expect(problems(await loadContent(dir))).toEqual([
      'articles/x.md:1: is a folder, not a file: rename it or move it elsewhere',
    ]);
  });

  it('reports a dangling link named x.md, and one that leads back to itself, naming the target', async () => {
    const articles = await validFolder();
    await symlink('gone.md', path.join(articles, 'x.md'));
    await symlink('y.md', path.join(articles, 'y.md'));
    expect(problems(await loadContent(dir))).toEqual([
      'articles/x.md:1: is a link to "gone.md", which does not exist: remove the link or restore the file',
      'articles/y.md:1: is a link that leads back to itself: remove the link',
    ]);
  });

  it('reports a named pipe without waiting for a writer', async () => {
    const articles = await validFolder();
    const made = spawnSync('mkfifo', [path.join(articles, 'x.md')]);
    expect(made.status, made.stderr.toString()).toBe(0);
    expect(problems(await loadContent(dir))).toEqual([
      'articles/x.md:1: is not a regular file (a pipe, socket or device): remove it',
    ]);
  });

  it('reports an unreadable file (chmod 000), through content:check', async () => {
    const articles = await validFolder();
    await writeFile(path.join(articles, 'x.md'), articleFile({ id: 'x', body: 'Secret.' }));
    await chmod(path.join(articles, 'x.md'), 0o000);
    // Root reads any file whatever its mode, so as root the check runs as the unprivileged `nobody`.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) for (const d of [dir, articles]) await chmod(d, 0o755);
    const r = spawnSync(path.join(REPO, 'node_modules', '.bin', 'tsx'), ['src/content/check.ts', dir], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 15_000,
      ...(asNobody && { uid: 65534, gid: 65534 }),
    });
    expect(r.stderr).toBe(
      `${path.relative(REPO, dir)}/articles/x.md:1: cannot be read: permission denied (make the file readable, e.g. chmod 644)\n` +
        `1 problem(s) in ${path.relative(REPO, dir)}/\n`,
    );
    expect(r.status).toBe(1);
  });

  it('reports a file that is not UTF-8 on the line of its first bad byte', async () => {
    const articles = await validFolder();
    const latin1 = Buffer.from(articleFile({ id: 'x', body: 'Fine.\n\nCaf\u00e9 au lait.' }), 'latin1');
    await writeFile(path.join(articles, 'x.md'), latin1);
    // A correct multi-byte character on an earlier line is no problem.
    await writeFile(
      path.join(dir, 'topics.yaml'),
      Buffer.concat([Buffer.from('# Caf\u00e9 topics\n'), Buffer.from(TINY_TOPICS)]),
    );
    expect(problems(await loadContent(dir))).toEqual([
      'articles/x.md:15: is not UTF-8 text (the first bad byte is on this line): save it as UTF-8',
    ]);
  });

  it('admits a 5 MB article and reports a file over the 8 MB limit without reading it', async () => {
    expect(MAX_CONTENT_FILE_BYTES).toBe(8 * 1024 * 1024);
    const articles = await validFolder();
    const paragraph = 'Gas flows through the pipeline while the talks go on and on. '.repeat(16);
    const body = Array.from({ length: 5000 }, () => paragraph).join('\n\n');
    await writeFile(path.join(articles, 'big.md'), articleFile({ id: 'big', body }));
    const loaded = await loadContent(dir);
    expect(articleIds(loaded)).toEqual(['a', 'big']);
    expect(loaded.ok && loaded.content.articleById.get('big')?.file).toBe('articles/big.md');

    // Sparse: 4 GB that take no room on disk, and more than Node could read into one buffer.
    await truncate(path.join(articles, 'big.md'), 4 * 1024 ** 3);
    expect(problems(await loadContent(dir))).toEqual([
      'articles/big.md:1: is 4096 MB, over the 8 MB limit for a content file: split it',
    ]);
  });

  it('reports topics.yaml being a folder, and only that', async () => {
    await validFolder();
    await rm(path.join(dir, 'topics.yaml'));
    await mkdir(path.join(dir, 'topics.yaml'));
    expect(problems(await loadContent(dir))).toEqual([
      'topics.yaml:1: is a folder, not a file: rename it or move it elsewhere',
    ]);
  });

  it('reports topics.yaml missing', async () => {
    await validFolder();
    await rm(path.join(dir, 'topics.yaml'));
    expect(problems(await loadContent(dir))).toEqual(['topics.yaml:1: file is missing']);
  });

  it('reports `articles` being a file', async () => {
    await validFolder();
    await rm(path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'articles'), 'not a folder');
    expect(problems(await loadContent(dir))).toEqual([
      'articles:1: is a file, not a folder: articles go in a folder `articles`',
    ]);
  });
});
