import { describe, expect, it } from 'vitest';
import {
  COMPOUND_WEIGHT,
  FUZZY_WEIGHT,
  fuzzinessFor,
  MAX_PREFIX_EDITS,
  MIN_COMPOUND_PART,
  PREFIX_WEIGHT,
} from '../../../src/core/search/tuning.js';

describe('fuzzinessFor', () => {
  it('sizes typo tolerance by word length', () => {
    expect(fuzzinessFor('gas')).toBe(0);
    expect(fuzzinessFor('ride')).toBe(0);
    expect(fuzzinessFor('bread')).toBe(1);
    expect(fuzzinessFor('pipeline')).toBe(1);
    expect(fuzzinessFor('negotiations')).toBe(2);
    expect(fuzzinessFor('20190')).toBe(0);
  });
});

describe('the weights of what a word is read as', () => {
  it('weigh a word a compound joins below the word itself and above a completion or a near-spelling', () => {
    expect(COMPOUND_WEIGHT).toBeLessThan(1);
    expect(COMPOUND_WEIGHT).toBeGreaterThan(PREFIX_WEIGHT);
    expect(COMPOUND_WEIGHT).toBeGreaterThan(FUZZY_WEIGHT);
  });
  it('keep a misspelled beginning to one edit, and compound parts to real words of two letters or more', () => {
    expect(MAX_PREFIX_EDITS).toBe(1);
    expect(MIN_COMPOUND_PART).toBeGreaterThanOrEqual(2);
  });
});
