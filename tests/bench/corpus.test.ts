import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchCorpus, realPassages, syntheticPassages, writeSyntheticContent } from '../../bench/corpus.js';
import { loadContent } from '../../src/content/load.js';
import { words } from '../../src/core/text.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-corpus-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('synthetic corpus', () => {
  it('is deterministic: the same seed gives the same passages, another seed others', () => {
    const a = syntheticPassages(120, 7);
    expect(syntheticPassages(120, 7)).toEqual(a);
    expect(a).toHaveLength(120);
    const b = syntheticPassages(120, 8);
    expect(b.map((p) => p.text)).not.toEqual(a.map((p) => p.text));
  });

  it('writes passages like real text: 15–60 words a sentence, unique ids, real words mixed in', () => {
    const ps = syntheticPassages(300, 3);
    expect(new Set(ps.map((p) => p.id)).size).toBe(300);
    for (const p of ps) {
      expect(p.id).toMatch(/^synthetic-\d+#\d+$/);
      for (const sentence of p.text.split(/(?<=[.?])\s+/)) {
        const n = words(sentence).length;
        expect(n).toBeGreaterThanOrEqual(15);
        expect(n).toBeLessThanOrEqual(60);
      }
    }
    // Zipf-like: the most frequent word is far more frequent than the 100th.
    const counts = new Map<string, number>();
    for (const p of ps)
      for (const w of words(p.text))
        counts.set(w.word.toLowerCase(), (counts.get(w.word.toLowerCase()) ?? 0) + 1);
    const freq = [...counts.values()].sort((x, y) => y - x);
    expect((freq[0] ?? 0) / (freq[99] ?? 1)).toBeGreaterThan(20);
    const realWords = new Set(realPassages().flatMap((p) => words(p.text).map((w) => w.word.toLowerCase())));
    expect([...counts.keys()].filter((w) => realWords.has(w) && w.length > 6).length).toBeGreaterThan(20);
  });

  it('mixes the real passages into the benchmark corpus', () => {
    const real = realPassages();
    const corpus = benchCorpus(real.length + 100);
    expect(corpus).toHaveLength(real.length + 100);
    expect(new Set(corpus.map((p) => p.id)).size).toBe(corpus.length);
    const ids = new Set(corpus.map((p) => p.id));
    for (const p of real) expect(ids.has(p.id)).toBe(true);
  });
});

describe('writeSyntheticContent', () => {
  it('writes a folder the real loader accepts, holding exactly the synthetic passages', async () => {
    const dir = await tempDir();
    await writeSyntheticContent(dir, 150, { seed: 11, includeReal: false });
    const result = await loadContent(dir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const loaded = result.content.articles.flatMap((a) => a.passages);
    const expected = syntheticPassages(150, 11);
    expect(loaded).toHaveLength(150);
    // Same passages, field for field (the loader sorts articles by id).
    const byId = new Map(loaded.map((p) => [p.id, p]));
    for (const p of expected) expect(byId.get(p.id)).toEqual(p);
    expect(result.content.topics.length).toBeGreaterThan(0);
  });

  it('includes the real articles and topics by default, for the given total', async () => {
    const dir = await tempDir();
    const real = realPassages();
    await writeSyntheticContent(dir, real.length + 40);
    const result = await loadContent(dir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.content.passages.size).toBe(real.length + 40);
    for (const p of real) expect(result.content.passages.get(p.id)).toEqual(p);
    expect((await readdir(path.join(dir, 'articles'))).length).toBeGreaterThan(2);
  });
});
