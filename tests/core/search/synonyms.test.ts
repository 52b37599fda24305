/** Synonym matches (WordNet): found, and always below a literal match. */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/content/types.js';
import { createSearchIndex, searchPassages } from '../../../src/core/search/index.js';
import { planQuery } from '../../../src/core/search/plan.js';
import { parseQuery } from '../../../src/core/search/query.js';

function made(i: number, text: string): Passage {
  const speaker = { name: 'Ann Author', role: 'author' as const };
  const at = { paragraph: i + 1, line: i + 1, quotes: [] };
  return { id: `s#${i + 1}`, articleId: 's', text, display: text, corrected: text, speaker, ...at };
}

describe('synonyms', () => {
  it("finds a synonym's other forms: rich finds wealthy (by wealth's family)", () => {
    const index = createSearchIndex([made(0, 'the wealthy nations'), made(1, 'the poor nations')]);
    expect(searchPassages(index, 'rich ').map((h) => h.passage.id)).toEqual(['s#1']);
  });

  it('takes the synonyms of every word of a stem in turn: "atomic" (stem "atom") finds "nuclear"', () => {
    const index = createSearchIndex([made(0, 'a nuclear arsenal'), made(1, 'an empty arsenal')]);
    expect(searchPassages(index, 'atomic ').map((h) => h.passage.id)).toEqual(['s#1']);
  });

  it('searches synonyms of a word the articles use too, below the word itself', () => {
    const long = 'the rich nations, and several other words that make this passage a long one';
    const index = createSearchIndex([made(0, 'the wealthy nations'), made(1, long)]);
    expect(searchPassages(index, 'rich ').map((h) => h.passage.id)).toEqual(['s#2', 's#1']);
  });

  it('while a query is typed, gives synonyms only to the words no article uses (they cost every keystroke)', () => {
    const index = createSearchIndex([made(0, 'the wealthy nations'), made(1, 'the rich nations')]);
    const searched = (raw: string) => [...planQuery(index, parseQuery(raw), true, Infinity).origin.keys()];
    expect(searched('rich nations ')).toContain('wealth');
    expect(searched('rich nat')).not.toContain('wealth');
    expect(searched('affluent nat')).toContain('wealthi');
  });

  it('weighs a synonym rarer than the word no more than the word: a literal match still ranks first', () => {
    // "rich" is in twelve long passages, "wealthy" in one short one.
    const long = 'nations and several other words that make this passage long';
    const literal = Array.from({ length: 12 }, (_, i) => made(i, `the rich ${long} number${i}`));
    const index = createSearchIndex([...literal, made(12, 'wealthy')]);
    const ids = searchPassages(index, 'rich ', { limit: 20 }).map((h) => h.passage.id);
    expect(ids).toContain('s#13');
    expect(ids.indexOf('s#13')).toBe(12);
  });
});

describe('phrasal verbs', () => {
  it('searches the synonyms of a verb of several words: "turned down" finds "rejected"', () => {
    const index = createSearchIndex([made(0, 'they accepted the offer'), made(1, 'they rejected the offer')]);
    expect(searchPassages(index, 'turned down the offer ')[0]?.passage.id).toBe('s#2');
    expect(searchPassages(index, 'turned down ').map((h) => h.passage.id)).toEqual(['s#2']);
  });
});
