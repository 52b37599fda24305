/** /quote's answers with a speaker: a person's words, credited exactly (see tests/helpers/speakers.ts). */
import { describe, expect, it } from 'vitest';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { findQuote, resolveSpeaker, suggestPassages, suggestSpeakers } from '../../src/core/quote.js';
import { decodeId } from '../../src/render/custom-id.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import {
  queryFromHeader,
  quoteAnswer,
  quoteChoices,
  speakerChoices,
  speakerFromHeader,
  unknownSpeakerAnswer,
  type QuoteRequest,
} from '../../src/render/quote.js';
import { tinyContent } from '../helpers/content.js';
import { expectWithinDiscordLimits, mentionsIn } from '../helpers/payload.js';
import { ENGINEER, MAYOR, SPEAKER_ARTICLES } from '../helpers/speakers.js';

const OWNER = '123456789012345678';
const people: Library = buildLibrary(tinyContent(SPEAKER_ARTICLES));
const answer = (req: Omit<QuoteRequest, 'public' | 'owner'> & { index?: number }) => {
  const full = { public: false, owner: OWNER, ...req };
  return quoteAnswer(findQuote(people, full), full);
};

describe('a person quoted inside someone else’s paragraph', () => {
  it('shows the paragraph credited to its speaker, and the person’s words credited to them', () => {
    const p = answer({ query: '', speaker: MAYOR });
    expectWithinDiscordLimits(p);
    const e = p.embeds?.[0];
    // The paragraph is the reporter's: never credited to the mayor as a whole.
    expect(e?.author?.name).toBe(`Ann Author — quoting ${MAYOR}`);
    expect(e?.description).toContain('the mayor said on Monday');
    expect(e?.fields?.[0]).toEqual({
      name: `${MAYOR}, as quoted by Ann Author`,
      value: '“We will rebuild the harbour wall,”',
    });
    expect(e?.fields?.[1]?.name).toBe('Source');
    expect(e?.footer?.text).toBe('Author (The Outlet) · para. 2 · harbour#2');
  });
  it('shows the person’s own paragraph as theirs, with no quoted-words field', () => {
    const p = answer({ query: '', speaker: MAYOR, index: 1 });
    expect(p.embeds?.[0]?.author?.name).toBe(MAYOR);
    expect(p.embeds?.[0]?.fields?.map((f) => f.name)).toEqual(['Source']);
  });
  it('shows the words of a person the query names, without any speaker chosen', () => {
    const p = answer({ query: 'reyes finished' });
    expect(p.embeds?.[0]?.author?.name).toBe(`Ann Author — quoting ${ENGINEER}`);
    expect(p.embeds?.[0]?.fields?.[0]?.name).toBe(`${ENGINEER}, as quoted by Ann Author`);
  });
});

describe('the header and the page buttons', () => {
  it('name the speaker, and paging reads the query and the speaker back', () => {
    const both = answer({ query: 'harbour wall', speaker: MAYOR });
    expect(both.content).toBe(`Match 1 of 2 for “harbour wall”, words of ${MAYOR}`);
    expect(queryFromHeader(both.content)).toBe('harbour wall');
    expect(speakerFromHeader(both.content)).toBe(MAYOR);
    const alone = answer({ query: '', speaker: MAYOR });
    expect(alone.content).toBe(`Match 1 of 3: words of ${MAYOR}`);
    expect(queryFromHeader(alone.content)).toBe('');
    expect(speakerFromHeader(alone.content)).toBe(MAYOR);
    expect(speakerFromHeader('Match 1 of 3 for “wall”')).toBeUndefined();
    const ids = (alone.components ?? [])
      .flatMap((r) => r.components)
      .map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(decodeId(ids[1] ?? '')?.fields.slice(1)).toEqual(['1', '', '0', MAYOR, '']);
  });
  it('says what was looked for when a speaker’s words hold no match', () => {
    expect(answer({ query: 'market', speaker: ENGINEER }).content).toBe(
      `No passage with the words of ${ENGINEER} matches “market”. Try fewer or different words, or leave \`speaker\` empty.`,
    );
    expect(answer({ query: '', speaker: ENGINEER, articleId: 'mayor-talk' }).content).toBe(
      `No words of ${ENGINEER} in that article. Leave \`article\` empty to search them all.`,
    );
  });
});

describe('an unknown speaker', () => {
  it('gets a short private answer with the near names', () => {
    const lookup = resolveSpeaker(people, 'Nunes');
    if (lookup.found) throw new Error('Nunes is no one');
    const p = unknownSpeakerAnswer(lookup);
    expect(p.ephemeral).toBe(true);
    expect(p.content).toBe(
      `No one called “Nunes” speaks or is quoted in the articles. Did you mean: ${MAYOR}? Pick a name from the list.`,
    );
    const none = resolveSpeaker(people, '@everyone');
    if (none.found) throw new Error('@everyone is no one');
    const q = unknownSpeakerAnswer(none);
    expect(q.content).toMatch(
      /^No one called “.+” speaks or is quoted in the articles\. Pick a name from the list\.$/,
    );
    expect(mentionsIn(q)).toEqual([]);
  });
});

describe('autocomplete', () => {
  it('lists people with their passage counts, and the name as the value', () => {
    expect(speakerChoices(suggestSpeakers(people, ''))).toEqual([
      { name: 'Ann Author — 4 passages', value: 'Ann Author' },
      { name: `${MAYOR} — 3 passages, 1 quoted`, value: MAYOR },
      { name: 'Ivy Asker — 2 passages', value: 'Ivy Asker' },
      { name: `${ENGINEER} — 1 passage, quoted`, value: ENGINEER },
    ]);
    expect(speakerChoices(suggestSpeakers(people, 'xyz'))).toEqual([]);
  });
  it('suggests a speaker’s passages with their quoted words', () => {
    const choices = quoteChoices(
      people.content,
      suggestPassages(people, '', LIMITS.choices, undefined, ENGINEER),
      '',
    );
    expect(choices).toEqual([{ name: `Author ¶3: ${ENGINEER}: “It is finished,”`, value: 'harbour#3' }]);
  });
});
