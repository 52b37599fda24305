import { describe, expect, it } from 'vitest';
import { benchFloor, prepareScan, scanSearch, scanWords } from '../../bench/floor.js';
import type { Passage } from '../../src/content/types.js';
import { syntheticPassages } from '../../bench/corpus.js';

function passages(texts: readonly string[]): Passage[] {
  const base = syntheticPassages(1)[0] as Passage;
  return texts.map((text, i) => ({ ...base, id: `p${i}`, text, corrected: text }));
}

describe('brute-force scan (the floor)', () => {
  it('lower-cases the query and splits it into words', () => {
    expect(scanWords('  Nord STREAM, pipe')).toEqual(['nord', 'stream', 'pipe']);
  });

  it('finds passages by indexOf of each word, those with the most words first, a word being typed too', () => {
    const corpus = prepareScan(
      passages(['The pipeline exploded.', 'Nord Stream', 'A NORD stream pipeline', 'nothing']),
    );
    expect(scanSearch(corpus, 'nord stream pipe')).toEqual(['p2', 'p1', 'p0']);
    expect(scanSearch(corpus, 'zzz')).toEqual([]);
  });

  it('returns at most the limit, keeping the best', () => {
    const corpus = prepareScan(passages(['a b', 'a', 'a b c', 'a']));
    expect(scanSearch(corpus, 'a b c', 2)).toEqual(['p2', 'p0']);
  });

  it('times every query of every run', () => {
    const result = benchFloor(passages(['one two', 'three']), [['one'], ['two', 'three']]);
    expect(result.runs).toBe(2);
    expect(result.n).toBe(1);
    expect(result.p50.runs).toBe(2);
    expect(result.p99.median).toBeGreaterThanOrEqual(0);
  });
});
