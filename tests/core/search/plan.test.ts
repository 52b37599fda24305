/** The guards of the query plan, seen through searches over made-up passages. */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/content/types.js';
import { createSearchIndex, searchPassages } from '../../../src/core/search/index.js';
import { planQuery } from '../../../src/core/search/plan.js';
import { parseQuery } from '../../../src/core/search/query.js';
import {
  COMPOUND_WEIGHT,
  MAX_FUZZY_VARIANTS,
  MAX_POSTINGS,
  MAX_PREFIX_EXPANSIONS,
} from '../../../src/core/search/tuning.js';

function passage(i: number, text: string): Passage {
  return {
    id: `p#${i + 1}`,
    articleId: 'p',
    paragraph: i + 1,
    text,
    display: text,
    corrected: text,
    speaker: { name: 'Ann Author', role: 'author' },
    quotes: [],
    line: i + 1,
  };
}

describe('search guards', () => {
  it('completes a short prefix to its most frequent words only, and still finds them', () => {
    // More distinct words starting with "zq" than a prefix may stand for; "zqcommon" is in every passage.
    const rare = Array.from({ length: MAX_PREFIX_EXPANSIONS + 50 }, (_, i) => `zq${i.toString(36)}x`);
    const passages = Array.from({ length: 40 }, (_, i) =>
      passage(i, `zqcommon ${rare.slice(i * 2, i * 2 + 2).join(' ')} filler${i}`),
    );
    const index = createSearchIndex(passages);
    const hits = searchPassages(index, 'zq', { limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    const completions = new Set(hits.flatMap((h) => h.matched));
    expect(completions.size).toBeLessThanOrEqual(MAX_PREFIX_EXPANSIONS);
    // The most frequent completion is always among them.
    expect(hits.every((h) => h.matched.includes('zqcommon'))).toBe(true);
    expect(searchPassages(index, 'filler7 zq')[0]?.passage.id).toBe('p#8');
  });

  it('counts the word being typed as covered by any word that begins with it', () => {
    // Six or more frequent completions of "zq" fill the search; "zqrare" is not among them.
    const frequent = Array.from(
      { length: MAX_PREFIX_EXPANSIONS + 2 },
      (_, i) => `zq${'abcdefghij'[i] ?? 'z'}`,
    );
    const passages = frequent.flatMap((w, i) => [0, 1, 2].map((k) => passage(i * 3 + k, `${w} filler`)));
    passages.push(passage(100, 'zqrare and alpha, with some more words in a longer passage'));
    passages.push(passage(101, 'alpha'));
    const index = createSearchIndex(passages);
    expect(searchPassages(index, 'alpha zq')[0]?.passage.id).toBe('p#101');
  });

  it('leaves out a word in too many passages, and scans for the words verbatim when nothing else is left', () => {
    const passages = Array.from({ length: MAX_POSTINGS + 1 }, (_, i) =>
      passage(
        i,
        i === 500
          ? 'everywhere and a unicorn in a long passage about many other things'
          : `everywhere number ${i}`,
      ),
    );
    passages.push(passage(MAX_POSTINGS + 1, 'a unicorn'));
    const index = createSearchIndex(passages);
    // "everywhere" is in more passages than one search may visit: the rarer word finds the
    // candidates, and the passage that also has "everywhere" still ranks first.
    const hits = searchPassages(index, 'everywhere unicorn ');
    expect(hits.map((h) => h.passage.id)).toEqual(['p#501', `p#${MAX_POSTINGS + 2}`]);
    expect(hits[0]?.queryTerms).toEqual(expect.arrayContaining(['everywher', 'unicorn']));
    // Alone, it is still found, by the verbatim scan.
    const alone = searchPassages(index, 'everywhere ', { limit: 5 });
    expect(alone).toHaveLength(5);
    expect(alone.every((h) => h.passage.text.includes('everywhere'))).toBe(true);
  });

  it('takes a real word as meant, and tries near-spellings only for words the articles lack', () => {
    const index = createSearchIndex([passage(0, 'the form was signed'), passage(1, 'a letter from home')]);
    expect(searchPassages(index, 'form ').map((h) => h.passage.id)).toEqual(['p#1']);
    expect(searchPassages(index, 'lettr ').map((h) => h.passage.id)).toEqual(['p#2']);
    expect(searchPassages(index, 'hme ').map((h) => h.passage.id)).toEqual([]); // up to 4 letters: no typos
    expect(searchPassages(index, 'signedd ').map((h) => h.passage.id)).toEqual(['p#1']);
  });
});

describe('names in the plan', () => {
  // Every passage is Ines Marlow's; a few of them have "insulation" in their text.
  const passages = Array.from({ length: 30 }, (_, i) => ({
    ...passage(i, i < 3 ? `The insulation of wall ${i}` : `The wall number ${i} stands`),
    speaker: { name: 'Ines Marlow', role: 'interviewee' as const },
  }));
  const index = createSearchIndex(passages);
  it('completes a word being typed from the text only, never to a speaker’s name', () => {
    const plan = planQuery(index, parseQuery('wall in'), true, performance.now() + 1000);
    expect(plan.queries).toContain('insul');
    expect(plan.queries).not.toContain('ines');
    expect(searchPassages(index, 'wall in', { limit: 3 }).map((h) => h.passage.id)).toEqual([
      'p#1',
      'p#2',
      'p#3',
    ]);
  });
  it('still searches a whole name, which no text has', () => {
    expect(planQuery(index, parseQuery('marlow '), true, performance.now() + 1000).queries).toEqual([
      'marlow',
    ]);
    expect(searchPassages(index, 'marlow ', { limit: 50 })).toHaveLength(30);
  });
});

describe('typing in the plan', () => {
  const plan = (index: ReturnType<typeof createSearchIndex>, q: string, fuzzy = true) =>
    planQuery(index, parseQuery(q), fuzzy, performance.now() + 1000);

  it('completes a misspelled beginning one edit away, to its most frequent words only', () => {
    // Many words begin one edit from "zqurt" ("zqart…", "zqort…"), none with "zqurt" itself.
    const starts = Array.from(
      { length: MAX_FUZZY_VARIANTS + 8 },
      (_, i) => `zq${'aeio'[i % 4]}rt${'bcdfghjk'[i % 8]}${i}`,
    );
    const passages = starts.map((w, i) => passage(i, `${w} filler`));
    passages.push(...[0, 1, 2].map((k) => passage(100 + k, 'zqartbfrequent')));
    const index = createSearchIndex(passages);
    const typed = plan(index, 'zqurt');
    expect(typed.queries).toContain('zqartbfrequent');
    expect(typed.queries.filter((t) => t.startsWith('zq'))).toHaveLength(MAX_FUZZY_VARIANTS);
    expect(typed.origin.get('zqartbfrequent')).toBe('zqurt');
    // Weighed below a completion of what was typed, and not at all without typo tolerance.
    expect(typed.boost.get('zqartbfrequent')).toBeLessThan(0.5);
    expect(plan(index, 'zqurt', false).queries).toEqual([]);
    // A word one edit from a whole word is read as that word mistyped, not as a misspelled beginning.
    const near = createSearchIndex([passage(0, 'the fetond'), passage(1, 'the feandive')]);
    expect(plan(near, 'fetnd').queries).toContain('fetond');
    expect(plan(near, 'fetnd').queries).not.toContain('feandive');
    expect(plan(near, 'feanid').queries).toContain('feandive');
    // A word that begins as typed is taken as meant: no misspelled beginnings then.
    expect(plan(index, 'zqar').queries.every((t) => t.startsWith('zqar'))).toBe(true);
  });

  it('finds a near-spelling with two letters swapped, at one edit', () => {
    const index = createSearchIndex([passage(0, 'the airport closed'), passage(1, 'the aircraft landed')]);
    const sent = plan(index, 'airprot ');
    expect(sent.queries).toContain('airport');
    expect(sent.boost.get('airport')).toBeCloseTo((0.45 * 7) / 8);
    // Two edits for a longer word: two swaps (four edits without Damerau).
    const long = createSearchIndex([passage(0, 'the parliament voted')]);
    expect(plan(long, 'parlaimnet ').queries).toContain('parliament');
  });

  it('splits a joined word into two words the articles have, and joins two they write as one', () => {
    const index = createSearchIndex([
      passage(0, 'the Nord Stream pipeline'),
      passage(1, 'a stream of nordic news'),
      passage(2, 'the Southstream leak'),
    ]);
    const split = plan(index, 'nordstream ');
    expect(split.queries).toEqual(expect.arrayContaining(['nord', 'stream']));
    expect([split.origin.get('nord'), split.boost.get('stream')]).toEqual(['nordstream', COMPOUND_WEIGHT]);
    expect(plan(index, 'south stream ').origin.get('southstream')).toBe('south');
    // A real word is never split, nor a word one edit from a real word.
    expect(plan(index, 'pipeline ').queries).toEqual(['pipelin']);
    const typo = createSearchIndex([passage(0, 'the basto'), passage(1, 'ba and slo')]);
    expect(plan(typo, 'baslo ').queries).toContain('basto');
    expect(plan(typo, 'baslo ').queries).not.toContain('ba');
    expect(plan(typo, 'baslo ', false).queries).toEqual(expect.arrayContaining(['ba', 'slo']));
  });

  it('splits the word being typed, once no word begins with it', () => {
    const index = createSearchIndex([passage(0, 'the Nord Stream pipeline'), passage(1, 'a stream of news')]);
    const split = plan(index, 'nordstream');
    expect(split.queries).toEqual(expect.arrayContaining(['nord', 'stream']));
    expect(searchPassages(index, 'nordstream').map((h) => h.passage.id)).toEqual(['p#1', 'p#2']);
    const hyphen = createSearchIndex([
      passage(0, 'an aggressor state'),
      passage(1, 'Belarus, a co-aggressor'),
    ]);
    // "aggressor" is also two edits from "coaggressor": it keeps the split's weight.
    expect(plan(hyphen, 'coaggressor').boost.get('aggressor')).toBe(COMPOUND_WEIGHT);
    expect(searchPassages(hyphen, 'coaggressor')[0]?.passage.id).toBe('p#2');
  });

  it('joins two words when the second is being typed, the joined word covering both', () => {
    const index = createSearchIndex([
      passage(0, 'the counter was closed for the day'),
      passage(1, 'Ukraine launched counterattacks'),
      passage(2, 'Musk sells CyberTrucks'),
      passage(3, 'cyber crime'),
    ]);
    const joined = plan(index, 'counter attacks');
    expect(joined.origin.get('counterattack')).toBe('counter');
    expect(joined.joins.get('counterattack')).toBe('attacks');
    expect(searchPassages(index, 'counter attacks')[0]?.passage.id).toBe('p#2');
    // Half typed: the commonest word the two begin.
    expect(searchPassages(index, 'Cyber Truc')[0]?.passage.id).toBe('p#3');
    // Written apart as typed, the words themselves rank first.
    const literal = createSearchIndex([
      passage(0, 'counterattacks began'),
      passage(1, 'counter attacks began'),
    ]);
    expect(searchPassages(literal, 'counter attacks')[0]?.passage.id).toBe('p#2');
  });
});
