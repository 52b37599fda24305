import { describe, expect, it } from 'vitest';
import { fuzzinessFor } from '../../../src/core/search/tuning.js';

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
