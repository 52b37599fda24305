import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLibraryCached, CACHE_MIN_PASSAGES } from '../../src/core/index.js';
import { searchPassages } from '../../src/core/search/index.js';
import { tinyContent } from '../helpers/content.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function cacheDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'index-cache-'));
  dirs.push(d);
  return d;
}

/** One article with `n` passages, each with a distinct word. */
function content(n: number, extra = '') {
  const body = Array.from({ length: n }, (_, i) => `Paragraph number ${i} about word${i}${extra}.`).join(
    '\n\n',
  );
  return tinyContent([{ id: 'big', body }]);
}

describe('buildLibraryCached', () => {
  it('saves the index of a large corpus once ready, and restores it on the next start', () => {
    const dir = cacheDir();
    const first = buildLibraryCached(content(CACHE_MIN_PASSAGES), dir);
    expect(first.cache.loaded).toBe(false);
    expect(readdirSync(dir)).toEqual([]); // nothing is written until save()
    expect(first.cache.save()).toBeUndefined();
    expect(readdirSync(dir)).toHaveLength(1);

    const second = buildLibraryCached(content(CACHE_MIN_PASSAGES), dir);
    expect(second.cache.loaded).toBe(true);
    for (const q of ['word42', 'paragraph numb', 'wrd777 '])
      expect(searchPassages(second.library.index, q)).toEqual(searchPassages(first.library.index, q));
  });

  it('builds afresh when the passages changed, and keeps only the newest saved index', () => {
    const dir = cacheDir();
    buildLibraryCached(content(CACHE_MIN_PASSAGES), dir).cache.save();
    const edited = buildLibraryCached(content(CACHE_MIN_PASSAGES, ' edited'), dir);
    expect(edited.cache.loaded).toBe(false);
    expect(searchPassages(edited.library.index, 'edited ').length).toBeGreaterThan(0);
    edited.cache.save();
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('treats a damaged saved index as missing, and says why', () => {
    const dir = cacheDir();
    buildLibraryCached(content(CACHE_MIN_PASSAGES), dir).cache.save();
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file ?? 'x'), '{"format":');
    const again = buildLibraryCached(content(CACHE_MIN_PASSAGES), dir);
    expect(again.cache.loaded).toBe(false);
    expect(again.cache.problem).toMatch(/damaged/);
    expect(searchPassages(again.library.index, 'word5 ')[0]?.passage.text).toContain('word5.');
  });

  it('saves nothing for a small corpus, and reports an unwritable folder instead of failing', () => {
    const dir = cacheDir();
    const small = buildLibraryCached(content(10), dir);
    expect(small.cache.save()).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    const blocked = path.join(dir, 'file');
    writeFileSync(blocked, '');
    expect(buildLibraryCached(content(CACHE_MIN_PASSAGES), blocked).cache.save()).toMatch(/ENOTDIR|EEXIST/);
  });
});
