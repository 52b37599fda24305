import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import {
  nearCompletions,
  nearSpellings,
  oneEditBeginnings,
  splitCompound,
  transpositions,
} from '../../../src/core/search/spelling.js';

const vocabulary = SearchableMap.from<number>(
  new Map([
    ['rubio', 3],
    ['ruby', 1],
    ['airport', 2],
    ['parliament', 1],
    ['ammunition', 4],
    ['ammunit', 4],
    ['zelenskyy', 5],
    ['nord', 2],
    ['stream', 6],
    ['nordst', 1],
    ['ream', 1],
    ['co', 1],
    ['aggressor', 1],
  ]),
) as SearchableMap<number>;

describe('transpositions', () => {
  it('swaps each pair of neighbouring letters once', () => {
    expect(transpositions('abc')).toEqual(['bac', 'acb']);
    expect(transpositions('aab')).toEqual(['aba']);
    expect(transpositions('a')).toEqual([]);
  });
});

describe('nearSpellings', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(nearSpellings(vocabulary, 'ruboi', 1).get('rubio')).toEqual([3, 1]);
    expect(nearSpellings(vocabulary, 'airprot', 1).get('airport')).toEqual([2, 1]);
    expect(nearSpellings(vocabulary, 'parlaimnet', 2).get('parliament')).toEqual([1, 2]);
    expect(nearSpellings(vocabulary, 'parlaimnet', 1).has('parliament')).toBe(false);
  });
  it('keeps the ordinary edits, each at its distance', () => {
    expect(nearSpellings(vocabulary, 'airpot', 1).get('airport')).toEqual([2, 1]);
    expect(nearSpellings(vocabulary, 'rubyo', 1).get('ruby')).toEqual([1, 1]);
    expect(nearSpellings(vocabulary, 'xxxxx', 1).size).toBe(0);
  });
});

describe('misspelled beginnings', () => {
  it('lists the beginnings one edit away, without the word itself', () => {
    const beginnings = oneEditBeginnings('amuni');
    expect(beginnings).toEqual(expect.arrayContaining(['ammuni', 'muni', 'amun', 'mauni']));
    expect(beginnings).not.toContain('amuni');
    // Nothing another beginning already covers: "amun" begins every "amunX".
    expect(beginnings).not.toContain('amunx');
  });
  it('finds the words a beginning one edit away starts', () => {
    const deadline = performance.now() + 1000;
    expect([...nearCompletions(vocabulary, 'amuni', deadline).keys()].sort()).toEqual([
      'ammunit',
      'ammunition',
    ]);
    expect([...nearCompletions(vocabulary, 'zelinsk', deadline)]).toEqual([['zelenskyy', 5]]);
    expect(nearCompletions(vocabulary, 'qqqqq', deadline).size).toBe(0);
    // Out of time: nothing is looked up.
    expect(nearCompletions(vocabulary, 'amuni', performance.now() - 1).size).toBe(0);
  });
});

describe('splitCompound', () => {
  const has = (t: string) => vocabulary.get(t) ?? 0;
  it('splits a joined word into two words the vocabulary has, the likelier split first', () => {
    expect(splitCompound(has, 'nordstream')).toEqual(['nord', 'stream']);
    expect(splitCompound(has, 'coaggressor')).toEqual(['co', 'aggressor']);
  });
  it('finds nothing when a part is not a word', () => {
    expect(splitCompound(has, 'nordstrem')).toBeUndefined();
    expect(splitCompound(has, 'stream')).toBeUndefined();
  });
});
