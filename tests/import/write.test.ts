import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ImportError,
  importArticle,
  removeArticle,
  writeImport,
  type ImportResult,
} from '../../src/import/index.js';
import { fixture, tempContent } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempContent());
});
afterEach(async () => {
  await cleanup();
});

const importNews = async (): Promise<ImportResult> =>
  importArticle(
    { kind: 'file', name: 'news.html', bytes: await fixture('news.html') },
    { contentDir: dir, id: 'bridge' },
  );

describe('writeImport', () => {
  it('writes the article, the original byte for byte and its provenance note', async () => {
    const result = await importNews();
    const written = await writeImport(result, dir);
    expect(written).toEqual(['sources/bridge.html', 'sources/bridge.provenance.md', 'articles/bridge.md']);
    expect(await readFile(path.join(dir, 'articles/bridge.md'), 'utf8')).toBe(result.markdown);
    expect(
      (await readFile(path.join(dir, 'sources/bridge.html'))).equals(Buffer.from(await fixture('news.html'))),
    ).toBe(true);
    expect(await readFile(path.join(dir, 'sources/bridge.provenance.md'), 'utf8')).toBe(result.provenance);
  });

  it('refuses to overwrite an existing article, and leaves the folder as it was', async () => {
    const result = await importNews();
    await writeImport(result, dir);
    const before = await readdir(path.join(dir, 'sources'));
    const second = { ...result, markdown: 'changed', sourceFile: 'sources/bridge.txt' };
    await expect(writeImport(second, dir)).rejects.toThrow(/already exists/);
    expect(await readdir(path.join(dir, 'sources'))).toEqual(before);
    expect(await readFile(path.join(dir, 'articles/bridge.md'), 'utf8')).toBe(result.markdown);
  });

  it('refuses ids and file names that would leave the content folder', async () => {
    const result = await importNews();
    await expect(
      writeImport({ ...result, articleId: '../x', articleFile: 'articles/../x.md' }, dir),
    ).rejects.toBeInstanceOf(ImportError);
    await expect(writeImport({ ...result, sourceFile: 'sources/../../x.html' }, dir)).rejects.toThrow(
      /invalid source/,
    );
  });
});

describe('removeArticle', () => {
  it('removes the article, its source and its provenance note', async () => {
    await writeImport(await importNews(), dir);
    expect(await removeArticle(dir, 'bridge')).toEqual([
      'articles/bridge.md',
      'sources/bridge.html',
      'sources/bridge.provenance.md',
    ]);
    expect(existsSync(path.join(dir, 'articles/bridge.md'))).toBe(false);
    expect(await readdir(path.join(dir, 'sources'))).toEqual([]);
  });

  it('answers an unknown or malformed id with a short message', async () => {
    await expect(removeArticle(dir, 'nothing-here')).rejects.toThrow('There is no article "nothing-here".');
    await expect(removeArticle(dir, '../etc/passwd')).rejects.toThrow(/is not an article id/);
  });
});
