import { describe, expect, it } from 'vitest';
import {
  createSearchIndex,
  matchedWords,
  personPassages,
  searchPassages,
} from '../../../src/core/search/index.js';
import { tinyContent } from '../../helpers/content.js';
import { GARBLED } from '../../helpers/copy-wording.js';

const content = tinyContent([
  {
    id: 'alpha',
    body: [
      'The negotiations over the gas pipeline stalled in Riyadh.',
      '[caption] Secret caption words pipeline',
      '"I need ammunition, not a ride," said the president.',
      'Bread prices rose while the negotiators argued about bread.',
    ].join('\n\n'),
  },
  {
    id: 'beta',
    body: [
      '[Q] Why did the talks fail?',
      '[A] Jap European leaders refused the pipeline deal.',
      'To be or not to be.',
    ].join('\n\n'),
    extra: [
      'interviewer: Ivy Asker',
      'interviewee: Eli Answer',
      'corrections:',
      '  - from: Jap European',
      '    to: Eastern European',
    ].join('\n'),
  },
]);
const index = createSearchIndex(content.passages.values(), content.articles);
const ids = (q: string, opts = {}) => searchPassages(index, q, opts).map((h) => h.passage.id);

describe('searchPassages', () => {
  it('finds exact words and never indexes captions', () => {
    expect(ids('pipeline')).toEqual(expect.arrayContaining(['alpha#1', 'beta#2']));
    expect(ids('secret caption')).toEqual([]);
  });
  it('tolerates one typo in a longer word', () => {
    expect(ids('negotiatons')[0]).toBe('alpha#1');
    expect(ids('ammunitoin')[0]).toBe('alpha#2');
  });
  it('matches the word being typed as a prefix', () => {
    expect(ids('ammun')[0]).toBe('alpha#2');
    expect(ids('ammun ')).toEqual([]);
  });
  it('matches stems: "negotiator" finds "negotiations" and "negotiators"', () => {
    expect(ids('negotiator ')).toEqual(expect.arrayContaining(['alpha#1', 'alpha#3']));
  });
  it('requires quoted phrases to appear in the text, in order', () => {
    expect(ids('"not a ride"')).toEqual(['alpha#2']);
    expect(ids('"a ride not"')).toEqual([]);
    expect(ids('"pipeline gas"')).toEqual([]);
  });
  it('ranks a verbatim fragment above a passage with the same words scattered', () => {
    expect(ids('gas pipeline ')[0]).toBe('alpha#1');
  });
  it('finds a corrected passage by the garbled and by the intended wording', () => {
    expect(ids('Jap European')[0]).toBe('beta#2');
    expect(ids('Eastern European')[0]).toBe('beta#2');
    expect(ids('"eastern european leaders"')).toEqual(['beta#2']);
  });
  it('answers a query of stop words from the text itself', () => {
    expect(ids('to be or not to be')[0]).toBe('beta#3');
    expect(ids('to be or')).toEqual(['beta#3']);
    expect(ids('be to')).toEqual([]);
  });
  it('filters by article and by speaker', () => {
    expect(ids('pipeline', { articleId: 'beta' })).toEqual(['beta#2']);
    expect(ids('pipeline', { speaker: 'eli' })).toEqual(['beta#2']);
    expect(ids('pipeline', { speaker: 'Ann Author' })).toEqual(['alpha#1']);
    expect(ids('talks', { speaker: 'answer' })).toEqual([]);
  });
  it('returns the passage itself for a passage id', () => {
    expect(ids('alpha#3')).toEqual(['alpha#3']);
    expect(ids('alpha#3', { articleId: 'beta' })).toEqual([]);
  });
  it('returns [] for empty, punctuation-only or unmatched queries', () => {
    for (const q of ['', '   ', '?!', '"', 'zzzzqqq']) expect(ids(q)).toEqual([]);
  });
  it('never throws on hostile input', () => {
    const hostile = [
      'a'.repeat(6000),
      '@everyone <@123> **bold** `code`',
      '\u202Eevil\u200B\u200D',
      '🙂🙂 pipeline 🙂',
      '.*+?^${}()|[]\\',
      '"unclosed phrase pipe',
      'x '.repeat(3000),
    ];
    for (const q of hostile) expect(() => searchPassages(index, q)).not.toThrow();
    expect(ids('🙂🙂 pipeline 🙂')).toContain('alpha#1');
  });
  it('respects the limit and carries matched terms', () => {
    const hits = searchPassages(index, 'pipeline', { limit: 1 });
    expect(hits).toHaveLength(1);
    expect(matchedWords(hits[0]?.passage.display ?? '', hits[0]?.matched ?? [])).toEqual(['pipeline']);
  });
});

describe('people in the search', () => {
  // The mayor's words are quoted inside a reporter's paragraph that never names her; another
  // paragraph names her and has the same words, but is not her words.
  const people = tinyContent([
    {
      id: 'report',
      body: [
        'Núñez has long argued that the harbour wall protects the old town, and wants it rebuilt.',
        '"We will rebuild the harbour wall," the mayor said on Monday.',
        'Engineers doubt the harbour wall can be saved. "It is finished," said Omar Reyes.',
        '[editors] The Outlet covers the harbour wall every week.',
      ].join('\n\n'),
      extra: [
        'quotes:',
        `  - { speaker: Marta Núñez, text: '"We will rebuild the harbour wall,"' }`,
        `  - { speaker: Omar Reyes, text: '"It is finished,"' }`,
      ].join('\n'),
    },
  ]);
  const peopleIndex = createSearchIndex(people.passages.values());
  const find = (q: string, opts = {}) => searchPassages(peopleIndex, q, opts);
  const found = (q: string, opts = {}) => find(q, opts).map((h) => h.passage.id);

  it('finds a person’s quoted words first when the query names them, accents or not', () => {
    for (const q of ['Núñez harbour wall', 'nunez harbour wall', 'marta nunez rebuild', 'nunez']) {
      const [top] = find(q);
      expect(top?.passage.id, q).toBe('report#2');
      expect(top?.quoted, q).toEqual([
        { speaker: 'Marta Núñez', text: '"We will rebuild the harbour wall,"' },
      ]);
    }
    expect(found('reyes harbour')[0]).toBe('report#3');
  });
  it('ranks by the text alone when no name is in the query', () => {
    const hits = find('harbour wall protects');
    expect(hits[0]?.passage.id).toBe('report#1');
    expect(hits.every((h) => h.quoted === undefined)).toBe(true);
  });
  it('does not index an outlet’s editors as a person', () => {
    // "Outlet" is in the editors' voice ("The Outlet editors") and in report#4's text only.
    expect(found('outlet')).toEqual(['report#4']);
    expect(found('editors')).toEqual([]);
  });
  it('filters to a person’s words, their own paragraphs or quoted inside, never mere mentions', () => {
    expect(found('harbour', { speaker: 'Nunez' })).toEqual(['report#2']);
    expect(found('harbour', { speaker: 'MARTA NÚÑEZ' })).toEqual(['report#2']);
    expect(find('harbour', { speaker: 'Núñez' })[0]?.quoted).toEqual([
      { speaker: 'Marta Núñez', text: '"We will rebuild the harbour wall,"' },
    ]);
    // The reporter is the voice of all her paragraphs: nothing is quoted inside for her.
    const author = find('harbour', { speaker: 'ann author' });
    expect(author.map((h) => h.passage.id).sort()).toEqual(['report#1', 'report#2', 'report#3']);
    expect(author.every((h) => h.quoted === undefined)).toBe(true);
    expect(found('harbour', { speaker: 'nune' })).toEqual([]);
  });
  it('lists every passage with a person’s words, in the article’s order', () => {
    expect(personPassages(peopleIndex, 'Reyes').map((h) => h.passage.id)).toEqual(['report#3']);
    expect(personPassages(peopleIndex, 'ann author', { limit: 2 }).map((h) => h.passage.id)).toEqual([
      'report#1',
      'report#2',
    ]);
    expect(personPassages(peopleIndex, 'nobody')).toEqual([]);
    expect(personPassages(peopleIndex, ' ')).toEqual([]);
  });
});

describe('only what the reader sees', () => {
  const garbled = tinyContent([GARBLED]);
  const index = createSearchIndex(garbled.passages.values(), garbled.articles);
  const ids = (q: string, opts = {}) => searchPassages(index, q, opts).map((h) => h.passage.id);

  it('never finds a passage by a word of the copy that a correction replaced', () => {
    // "equally" is shown as "[appear similarly]"; "alerts" as "[signals]".
    expect(ids('equality')).toEqual(['garbled#3']);
    expect(ids('equality', { asYouType: false })).toEqual(['garbled#3']);
    expect(ids('<img src=x onerror=alert(1)>')).toEqual(['garbled#4']);
    expect(ids('alerts ')).toEqual(['garbled#4']);
    expect(ids('equaly ')).toEqual(['garbled#3']); // nor by a near-spelling of it
    expect(ids('equall')).toEqual(['garbled#3']); // nor by completing it while it is typed
    expect(ids('"alerts a tough"')).toEqual([]); // a garbled word without its phrase
    expect(ids('"allies equally"')).toEqual(['garbled#2']); // the phrase is that one word
  });
  it('finds it by the words it shows, corrected, matched where a reader sees them', () => {
    const [hit] = searchPassages(index, 'appear similarly committed');
    expect(hit?.passage.id).toBe('garbled#2');
    expect(hit?.copyWording).toBeUndefined();
    expect(matchedWords(hit?.passage.display ?? '', hit?.matched ?? [])).toEqual([
      'appear',
      'similarly',
      'committed',
    ]);
    expect(ids('"allies appear similarly"')).toEqual(['garbled#2']);
  });
  it('finds a garbled phrase of the copy as it stands, and says it was the copy’s wording', () => {
    for (const q of ['which alerts', 'sanctions which alerts ', '"which alerts a tough"']) {
      const [hit] = searchPassages(index, q);
      expect(hit?.passage.id, q).toBe('garbled#1');
      expect(hit?.copyWording, q).toEqual([{ from: 'which alerts', shown: 'which [signals]' }]);
      // The word shown in its place is in bold.
      expect(matchedWords(hit?.passage.display ?? '', hit?.matched ?? []), q).toContain('signals');
    }
    // A phrase of words a reader sees nowhere, sent or still being typed.
    for (const q of ['gasoline', 'gasoline ', '"gasoline"']) {
      const [gas] = searchPassages(index, q);
      expect(gas?.passage.id, q).toBe('garbled#5');
      expect(gas?.copyWording, q).toEqual([{ from: 'gasoline', shown: '[gas]' }]);
      expect(matchedWords(gas?.passage.display ?? '', gas?.matched ?? []), q).toEqual(['gas']);
    }
    const [alone] = searchPassages(index, 'equally committed');
    expect(alone?.passage.id).toBe('garbled#2');
    expect(alone?.copyWording).toEqual([{ from: 'equally', shown: '[appear similarly]' }]);
    // Other passages are found by what they show, never marked.
    const noon = searchPassages(index, 'which alerts noon').find((h) => h.passage.id === 'garbled#4');
    expect(noon).toBeDefined();
    expect(noon?.copyWording).toBeUndefined();
  });
  it('keeps to the article asked for', () => {
    const other = tinyContent([GARBLED, { id: 'plain', body: 'Nothing garbled here.' }]);
    const both = createSearchIndex(other.passages.values(), other.articles);
    expect(searchPassages(both, 'which alerts', { articleId: 'plain' })).toEqual([]);
    expect(searchPassages(both, 'which alerts', { articleId: 'garbled' })[0]?.passage.id).toBe('garbled#1');
  });
});

describe('bold', () => {
  // Seven words begin with "neg" in two passages each; "negroni" in one only, so a word being typed,
  // "neg", stands for the six others (MAX_PREFIX_EXPANSIONS) and finds "negroni" only in the text.
  const common = 'negotiate negative neglect negligible negate negation negotiator';
  const typed = tinyContent([
    { id: 'bar', body: ['The harbour negroni stood on the bar.', common, common].join('\n\n') },
  ]);
  const typedIndex = createSearchIndex(typed.passages.values(), typed.articles);
  it('marks a word the text begins with the word being typed, though it was not searched for', () => {
    const hit = searchPassages(typedIndex, 'harbour neg').find((h) => h.passage.id === 'bar#1');
    expect(hit?.queryTerms).toContain('neg');
    expect(matchedWords(hit?.passage.display ?? '', hit?.matched ?? [])).toEqual(['harbour', 'negroni']);
  });
  it('never marks a stop word that begins with it', () => {
    const hit = searchPassages(typedIndex, 'negroni th')[0];
    expect(matchedWords(hit?.passage.display ?? '', hit?.matched ?? [])).toEqual(['negroni']);
  });
});

describe('how students type', () => {
  const typed = tinyContent([
    {
      id: 'war',
      body: [
        '"I need ammunition, not a ride," said Zelenskyy.',
        'Rubio met the delegation in Riyadh.',
        'Missiles struck the Kyiv region overnight, and the Kyiv power station burned.',
        'The Kyiv airport was closed after the strike.',
        'The Nord Stream pipelines were sabotaged.',
        'Russia calls Belarus a co-aggressor in the war.',
        'The Kremlin denies any role in the Southstream leak.',
      ].join('\n\n'),
    },
  ]);
  const typedIndex = createSearchIndex(typed.passages.values());
  const top = (q: string, opts = {}) => searchPassages(typedIndex, q, opts)[0]?.passage.id;

  it('reads a misspelled beginning as the words it starts, while typing', () => {
    expect(top('amuni')).toBe('war#1');
    expect(top('zelinsk')).toBe('war#1');
    expect(top('delegatoin in riy')).toBe('war#2');
    // A finished word is a whole word: a misspelled beginning, sent, is not a word's beginning.
    expect(top('amuni ')).toBeUndefined();
  });
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(top('Ruboi ')).toBe('war#2');
    expect(top('Ruboi')).toBe('war#2');
    expect(top('Kyiv airprot ')).toBe('war#4');
    expect(top('Kyiv airprot')).toBe('war#4');
    expect(top('sabotgaed ')).toBe('war#5');
  });
  it('splits a joined word into the words the articles have, and joins words they write as one', () => {
    expect(top('nordstream ')).toBe('war#5');
    expect(top('nordstream pipelines', { asYouType: false })).toBe('war#5');
    expect(top('coaggressor ')).toBe('war#6');
    expect(top('co aggressor ')).toBe('war#6');
    expect(top('co-aggressor')).toBe('war#6');
    expect(top('south stream leak ')).toBe('war#7');
    const joined = searchPassages(typedIndex, 'south stream ').find((h) => h.passage.id === 'war#7');
    expect(joined?.matched).toEqual(['southstream']);
  });
});
