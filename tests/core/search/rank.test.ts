import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/content/types.js';
import { makeHit } from '../../../src/core/search/hit.js';
import { createSearchIndex, searchPassages } from '../../../src/core/search/index.js';
import { scoreOf, topHits } from '../../../src/core/search/rank.js';
import { FRAGMENT_BOOST, MIN_RELATIVE_SCORE } from '../../../src/core/search/tuning.js';
import { tinyContent } from '../../helpers/content.js';

const content = tinyContent([{ id: 'r', body: ['One.', 'Two.', 'Three.', 'Four.'].join('\n\n') }]);
function passage(id: string): Passage {
  const found = content.passages.get(`r#${id}`);
  if (!found) throw new Error(`no passage r#${id}`);
  return found;
}

describe('scoreOf', () => {
  it('weighs by the square of the share of query words covered, boosted for a verbatim match', () => {
    expect(scoreOf(8, 2, 2, false)).toBe(8);
    expect(scoreOf(8, 1, 2, false)).toBe(2);
    expect(scoreOf(8, 1, 2, true)).toBe(2 * FRAGMENT_BOOST);
    expect(scoreOf(8, 0, 3, true)).toBe(0);
  });
});

function made(i: number, text: string): Passage {
  const speaker = { name: 'Ann Author', role: 'author' as const };
  const at = { paragraph: i + 1, line: i + 1, quotes: [] };
  return { id: `m#${i + 1}`, articleId: 'm', text, display: text, corrected: text, speaker, ...at };
}

describe('coverage of the query', () => {
  it('counts a rare query word for more than a commoner one', () => {
    // "wanted" is in three passages, "distance" in one, longer: each covers one query word, and the
    // rarer one's passage ranks first (by BM25 alone, the shorter passage won).
    const filler = Array.from({ length: 16 }, (_, i) => made(i, `filler number${i}`));
    const wanted = [16, 17, 18].map((i) => made(i, `wanted number${i}`));
    const far = made(19, 'distance number19 plus several more words and yet more words here');
    const index = createSearchIndex([...filler, ...wanted, far]);
    expect(searchPassages(index, 'wanted distance ')[0]?.passage.id).toBe('m#20');
  });
});

describe('topHits', () => {
  it('orders by score then id, drops noise far below the best, and keeps at most the limit', () => {
    const noise = (MIN_RELATIVE_SCORE / 2) * 10;
    const hits = [
      makeHit(passage('3'), 5),
      makeHit(passage('2'), 10),
      makeHit(passage('1'), 5),
      makeHit(passage('4'), noise),
    ];
    expect(topHits([...hits], 10).map((h) => h.passage.id)).toEqual(['r#2', 'r#1', 'r#3']);
    expect(topHits([...hits], 2).map((h) => h.passage.id)).toEqual(['r#2', 'r#1']);
  });
});

describe('makeHit', () => {
  it('makes a passage found as a whole: score 1, nothing highlighted', () => {
    const p = passage('1');
    expect(makeHit(p)).toEqual({ passage: p, score: 1, matched: [], queryTerms: [] });
  });
});

describe('re-ranking in order of the best score a result could reach', () => {
  const filler = Array.from({ length: 20 }, (_, i) => made(100 + i, `filler number${i} words`));
  const best = (
    index: ReturnType<typeof createSearchIndex>,
    query: string,
    limit: number,
    asYouType = false,
  ) => searchPassages(index, query, { limit, asYouType })[0]?.passage.id;

  // Re-ranking stops at the first result whose bound is below the best `limit` scores: a bound
  // below a result's true score shows as a different first result for a smaller limit.
  it.each([
    // "thats" is the phrase form of "That's", a stop word the index never holds.
    [['That’s enough.', 'That is enough, enough, more than enough.'], 'thats enough', false],
    [['That’s enough.', 'That is enough, enough, more than enough.'], 'thats enou', true],
    // "US" (`usa`) has the phrase form of the pronoun "us".
    [
      ['They warned us sanctions would follow.', 'Sanctions followed.', 'The U.S. economy and more words.'],
      'US sanctions',
      false,
    ],
  ])('finds the same best result for a limit of 1 as of 10: %j, %s', (texts, query, typing) => {
    const index = createSearchIndex([...texts.map((t, i) => made(i, t)), ...filler]);
    const first = best(index, query, 10, typing);
    expect(first).toBeDefined();
    expect(best(index, query, 1, typing)).toBe(first);
  });

  it('gives the verbatim bonus to the passage with the query verbatim', () => {
    const index = createSearchIndex([
      made(0, 'That’s enough.'),
      made(1, 'That is enough, enough, more than enough.'),
      ...filler,
    ]);
    expect(best(index, 'thats enough', 1)).toBe('m#1');
  });
});
