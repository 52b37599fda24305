import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/content/types.js';
import {
  filterPeople,
  findPeople,
  indexedNames,
  innerQuotesNamed,
  innerQuotesOf,
  nameWords,
  nearNames,
  peopleIn,
  personMatches,
} from '../../../src/core/search/speakers.js';
import { tinyContent } from '../../helpers/content.js';

// A reporter's article quoting a mayor inside two paragraphs, and an interview with the mayor.
const content = tinyContent([
  {
    id: 'report',
    body: [
      '"We will rebuild the harbour wall," the mayor said on Monday.',
      'Engineers say the harbour wall cannot be saved. "It is finished," said Omar Reyes.',
      'Núñez has argued for years that the wall protects the old town.',
      '[editors] This report is part of a series on the coast.',
    ].join('\n\n'),
    extra: [
      'quotes:',
      `  - { speaker: Marta Núñez, text: '"We will rebuild the harbour wall,"' }`,
      `  - { speaker: Omar Reyes, text: '"It is finished,"' }`,
    ].join('\n'),
  },
  {
    id: 'talk',
    body: [
      '[Q] What will you build?',
      '[A] A new wall, and "a harbour for everyone," as I said in May.',
    ].join('\n\n'),
    extra: [
      'interviewer: Ivy Asker',
      'interviewee: Marta Núñez',
      'quotes:',
      `  - { speaker: Marta Núñez, text: '"a harbour for everyone,"' }`,
    ].join('\n'),
  },
]);
const passage = (id: string): Passage => {
  const p = content.passages.get(id);
  if (!p) throw new Error(`no passage ${id}`);
  return p;
};

describe('matching a person', () => {
  it('ignores case, accents and punctuation', () => {
    expect(nameWords('  Marta NÚÑEZ-Ruiz, J.D. ')).toEqual(['marta', 'nunez', 'ruiz', 'j', 'd']);
  });
  it('takes the whole name, the surname or any run of its words, never part of a word', () => {
    for (const wanted of ['Marta Núñez', 'marta nunez', 'NUNEZ', 'Núñez', 'marta'])
      expect(personMatches('Marta Núñez', wanted), wanted).toBe(true);
    for (const wanted of ['nune', 'nunez marta', 'Marta Núñez Ruiz', '', '  ', 'arta'])
      expect(personMatches('Marta Núñez', wanted), wanted).toBe(false);
  });
});

describe('the people in the passages', () => {
  it('counts voices and people quoted inside, each passage once, most passages first', () => {
    expect(peopleIn(content.passages.values())).toEqual([
      { name: 'Ann Author', passages: 3, quotedIn: 0 },
      { name: 'Marta Núñez', passages: 2, quotedIn: 1 },
      { name: 'Ivy Asker', passages: 1, quotedIn: 0 },
      { name: 'Omar Reyes', passages: 1, quotedIn: 1 },
      { name: 'The Outlet editors', passages: 1, quotedIn: 0 },
    ]);
  });
  it('filters by what was typed, anywhere in the name, accents ignored', () => {
    const people = peopleIn(content.passages.values());
    expect(filterPeople(people, 'nun').map((p) => p.name)).toEqual(['Marta Núñez']);
    expect(filterPeople(people, 'R').length).toBe(people.length);
    expect(filterPeople(people, '').length).toBe(people.length);
    expect(filterPeople(people, 'zz')).toEqual([]);
    expect(findPeople(people, 'reyes').map((p) => p.name)).toEqual(['Omar Reyes']);
  });
  it('suggests near names for an unknown one, and none for nonsense', () => {
    const people = peopleIn(content.passages.values());
    expect(nearNames(people, 'Nunes')).toEqual(['Marta Núñez']);
    expect(nearNames(people, 'reye')).toEqual(['Omar Reyes']);
    expect(nearNames(people, 'Omar Reys')).toEqual(['Omar Reyes']);
    expect(nearNames(people, 'qqqqqqq')).toEqual([]);
    expect(nearNames(people, '')).toEqual([]);
  });
});

describe('whose words a passage holds', () => {
  it('indexes the voice and the people quoted, but not an outlet’s editors', () => {
    expect(indexedNames(passage('report#1'))).toEqual(['Ann Author', 'Marta Núñez']);
    expect(indexedNames(passage('report#4'))).toEqual([]);
    expect(indexedNames(passage('talk#2'))).toEqual(['Marta Núñez']);
  });
  it('gives a quoted person’s own words, and nothing when the whole passage is theirs', () => {
    expect(innerQuotesOf(passage('report#1'), 'nunez')).toEqual([
      { speaker: 'Marta Núñez', text: '"We will rebuild the harbour wall,"' },
    ]);
    expect(innerQuotesOf(passage('report#2'), 'nunez')).toEqual([]);
    // She is the voice of her answer: the paragraph is hers, not a quote inside someone else's.
    expect(innerQuotesOf(passage('talk#2'), 'Marta Núñez')).toEqual([]);
  });
  it('gives the words of a quoted person whose name the search matched', () => {
    expect(innerQuotesNamed(passage('report#2'), ['rey', 'reyes'])).toEqual([
      { speaker: 'Omar Reyes', text: '"It is finished,"' },
    ]);
    expect(innerQuotesNamed(passage('report#2'), ['wall'])).toEqual([]);
    expect(innerQuotesNamed(passage('talk#2'), ['nunez', 'núñez'])).toEqual([]);
  });
});
