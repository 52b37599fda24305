/** Reading WordNet's files, on a made-up excerpt in their format (tests/fixtures/wordnet). */
import { describe, expect, it } from 'vitest';
import { beginAlike, readWordNet } from '../../../src/core/search/wordnet.js';

const FIXTURE = 'tests/fixtures/wordnet';

describe('readWordNet', () => {
  const maps = readWordNet(FIXTURE);

  it('joins stems by derivational links into families named by their shortest stem', () => {
    expect(maps.family.get('detent')).toBe('detain');
    expect(maps.family.get('detain')).toBe('detain');
  });

  it('does not join a link of meaning alone between words that do not begin alike', () => {
    // "custody" + "detain" and "custodize" + "detention" are linked, but look nothing alike.
    expect(maps.family.get('custodi')).toBeUndefined();
    expect(maps.family.get('custod')).toBeUndefined();
  });

  it('takes synonyms from the commonest senses only, one-word lemmas only', () => {
    // "fall": senses spill, autumn, then waterfall; only the first two count.
    expect([...(maps.synonyms.get('fall') ?? [])].sort()).toEqual(['autumn', 'spill']);
    expect(maps.synonyms.get('autumn')).toEqual(['fall']);
    // "go_away" is a phrase; "Kyiv" has no other one-word lemma.
    expect(maps.synonyms.get('kyiv')).toBeUndefined();
  });

  it('throws on a folder without WordNet (the caller then searches without it)', () => {
    expect(() => readWordNet('tests/fixtures/no-such-wordnet')).toThrow();
  });
});

describe('beginAlike', () => {
  it('needs 3 shared first letters and half of the shorter stem', () => {
    expect(beginAlike('detain', 'detent')).toBe(true);
    expect(beginAlike('invad', 'invas')).toBe(true);
    expect(beginAlike('custodi', 'detain')).toBe(false);
    expect(beginAlike('act', 'actor')).toBe(true);
    expect(beginAlike('reform', 'repeat')).toBe(false);
    expect(beginAlike('catalog', 'cathedr')).toBe(false);
  });
});
