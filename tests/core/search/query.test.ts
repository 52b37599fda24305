import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/search/query.js';
import { MAX_QUERY_TERMS } from '../../../src/core/search/tuning.js';

describe('parseQuery', () => {
  it('stems complete words and keeps the last word raw as a prefix while typing', () => {
    const q = parseQuery('negotiations pipel');
    expect(q.terms).toEqual([
      { term: 'negoti', prefix: false },
      { term: 'pipel', prefix: true },
    ]);
    expect(parseQuery('negotiations pipel ').terms.at(-1)).toEqual({ term: 'pipel', prefix: false });
  });
  it('extracts quoted phrases in either quote style', () => {
    expect(parseQuery('“not a ride” president').phrases).toEqual([' not a ride ']);
  });
  it('caps the number of terms', () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(
      ' ',
    );
    expect(parseQuery(many).terms.length).toBe(MAX_QUERY_TERMS);
  });
});
