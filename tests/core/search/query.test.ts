import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/search/query.js';
import { MAX_QUERY_TERMS } from '../../../src/core/search/tuning.js';

describe('parseQuery', () => {
  it('stems complete words and keeps the last word raw as a prefix while typing', () => {
    const q = parseQuery('negotiations pipel');
    expect(q.terms).toEqual([
      { term: 'negoti', word: 'negotiations', prefix: false },
      { term: 'pipel', word: 'pipel', prefix: true },
    ]);
    expect(parseQuery('negotiations pipel ').terms.at(-1)).toEqual({
      term: 'pipel',
      word: 'pipel',
      prefix: false,
    });
  });
  it('reads the last word of a sent query as a whole word, stemmed, as if a full stop followed it', () => {
    const sent = parseQuery('Russia invaded', false);
    expect(sent.terms.at(-1)).toEqual({ term: 'invad', word: 'invaded', prefix: false });
    expect(sent.terms).toEqual(parseQuery('Russia invaded.').terms);
    expect(sent.typing).toBe(false);
  });
  it('keeps each word as typed, unstemmed, for compounds to be split or joined', () => {
    expect(parseQuery('Nordstream co-aggressors ').terms.map((t) => t.word)).toEqual([
      'nordstream',
      'co',
      'aggressors',
    ]);
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
