import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/core/index.js';
import {
  findPassage,
  findQuote,
  matchArticles,
  matchTopics,
  MAX_RESULTS,
  parsePick,
  resolveSpeaker,
  suggestPassages,
  suggestSpeakers,
} from '../../src/core/quote.js';
import { realLibrary, tinyContent } from '../helpers/content.js';
import { ENGINEER, MAYOR, MAYOR_QUOTE, SPEAKER_ARTICLES } from '../helpers/speakers.js';

const core = buildLibrary(
  tinyContent([
    {
      id: 'alpha',
      body: ['The gas pipeline was finished.', 'Gas prices rose.', 'Bread is baked daily.'].join('\n\n'),
      extra: 'short: Alpha (Daily Kos)',
    },
    { id: 'beta', body: 'More gas from the pipeline.', extra: 'short: Beta (The Outlet)' },
  ]),
);

describe('findQuote', () => {
  it('finds the matches of a query and shows the one asked for', () => {
    const first = findQuote(core, { query: 'gas' });
    if (!first.found) throw new Error('gas not found');
    expect(first.total).toBe(3);
    expect(first.index).toBe(0);
    expect(first.shown).toBe('gas');
    expect(first.article.id).toBe(first.hit.passage.articleId);
    const second = findQuote(core, { query: 'gas', index: 1 });
    expect(second.found && second.hit.passage.id).not.toBe(first.hit.passage.id);
  });
  it('clamps the page to the matches there are', () => {
    const last = findQuote(core, { query: 'gas', index: 999 });
    expect(last.found && last.index).toBe(2);
    const before = findQuote(core, { query: 'gas', index: -5 });
    expect(before.found && before.index).toBe(0);
  });
  it('pages through at most MAX_RESULTS matches', async () => {
    const r = findQuote(await realLibrary(), { query: 'Trump', index: 999 });
    expect(r.found && r.total).toBeLessThanOrEqual(MAX_RESULTS);
    expect(r.found && r.index).toBe(r.found && r.total - 1);
  });
  it('keeps to one article when asked', () => {
    const r = findQuote(core, { query: 'gas', articleId: 'beta' });
    expect(r.found && [r.total, r.hit.passage.id]).toEqual([1, 'beta#1']);
  });
  it('shows a picked passage first, then the other matches of what was typed', () => {
    const r = findQuote(core, { query: 'alpha#2 pipeline' });
    if (!r.found) throw new Error('not found');
    expect(r.hit.passage.id).toBe('alpha#2');
    expect(r.shown).toBe('pipeline');
    expect(r.total).toBe(3);
    const pickAlone = findQuote(core, { query: 'alpha#3' });
    expect(pickAlone.found && [pickAlone.hit.passage.id, pickAlone.shown, pickAlone.total]).toEqual([
      'alpha#3',
      '',
      1,
    ]);
  });
  it('says whether a query that found nothing had words to search for', () => {
    expect(findQuote(core, { query: 'xyzzy qqqq' })).toEqual({
      found: false,
      query: 'xyzzy qqqq',
      hasWords: true,
    });
    expect(findQuote(core, { query: '  ?! ' })).toEqual({ found: false, query: '  ?! ', hasWords: false });
  });
});

describe('a sent query', () => {
  const talks = buildLibrary(
    tinyContent([
      {
        id: 'talks',
        body: ['The envoys kept negotiating the ceasefire terms for weeks.', 'Nothing was negotiated.'].join(
          '\n\n',
        ),
      },
    ]),
  );
  const top = (query: string) => {
    const r = findQuote(talks, { query });
    return r.found ? r.hit.passage.id : undefined;
  };
  it('reads its last word as a whole word: the same top result as with a full stop after it', () => {
    expect(top('ceasefire negotiated')).toBe('talks#1');
    expect(top('ceasefire negotiated')).toBe(top('ceasefire negotiated.'));
  });
  it('while autocomplete still reads the last word as being typed', () => {
    expect(suggestPassages(talks, 'ceasefire negoti', 5).map((h) => h.passage.id)).toContain('talks#1');
  });
});

describe('parsePick', () => {
  it('takes a known passage id off the front of a query, and nothing else', () => {
    expect(parsePick(core, 'alpha#1 gas')).toEqual({ passageId: 'alpha#1', rest: 'gas' });
    expect(parsePick(core, 'alpha#9 gas')).toEqual({ rest: 'alpha#9 gas' });
    expect(parsePick(core, 'gas alpha#1')).toEqual({ rest: 'gas alpha#1' });
  });
});

describe('findPassage', () => {
  it('finds a passage with its article, and nothing for one that is gone', () => {
    const found = findPassage(core.content, 'beta#1');
    expect([found?.passage.id, found?.article.id]).toEqual(['beta#1', 'beta']);
    expect(findPassage(core.content, 'gone#9')).toBeUndefined();
    expect(findPassage(core.content, 'alpha#4')).toBeUndefined();
  });
});

describe('suggestPassages', () => {
  it('suggests the best matches of what was typed, within the limit and the article', () => {
    expect(suggestPassages(core, 'gas', 2)).toHaveLength(2);
    expect(suggestPassages(core, 'gas', 25, 'beta').map((h) => h.passage.id)).toEqual(['beta#1']);
  });
  it('offers each topic’s first pinned passage when nothing is typed', async () => {
    const real = await realLibrary();
    const starts = suggestPassages(real, '  ', 25);
    const pinned = real.content.topics.map((t) => t.pinned.find((id) => real.content.passages.has(id)));
    expect(starts.map((h) => h.passage.id)).toEqual(pinned.filter((id) => id !== undefined));
    expect(starts.every((h) => h.matched.length === 0)).toBe(true);
  });
});

describe('matchArticles and matchTopics', () => {
  it('match the id, short name or title, ignoring case; everything when nothing is typed', () => {
    expect(matchArticles(core.content, '').map((a) => a.id)).toEqual(['alpha', 'beta']);
    expect(matchArticles(core.content, 'DAILY kos').map((a) => a.id)).toEqual(['alpha']);
    expect(matchArticles(core.content, 'nothing like it')).toEqual([]);
    expect(matchTopics(core.content, '').map((t) => t.id)).toEqual(['gas', 'bread']);
    expect(matchTopics(core.content, 'PIPE').map((t) => t.id)).toEqual(['gas']);
    expect(matchTopics(core.content, 'bre').map((t) => t.id)).toEqual(['bread']);
  });
});

describe('a person’s words', () => {
  const people = buildLibrary(tinyContent(SPEAKER_ARTICLES));
  const ids = (r: ReturnType<typeof findQuote>) => (r.found ? r.hit.passage.id : undefined);

  it('finds the passages with a speaker’s words alone: their answers and their words quoted inside', () => {
    const all = [0, 1, 2].map((index) => findQuote(people, { query: '', speaker: MAYOR, index }));
    expect(all.map(ids)).toEqual(['harbour#2', 'mayor-talk#2', 'mayor-talk#4']);
    expect(all[0]?.found && [all[0].total, all[0].shown]).toEqual([3, '']);
    // Quoted inside the reporter's paragraph: her words, to show credited to her.
    expect(all[0]?.found && all[0].hit.quoted).toEqual([{ speaker: MAYOR, text: MAYOR_QUOTE }]);
    // Her own answers are hers as a whole: nothing quoted inside to single out.
    expect(all[1]?.found && all[1].hit.quoted).toBeUndefined();
  });
  it('searches within a speaker’s words, and says so when nothing there matches', () => {
    const r = findQuote(people, { query: 'harbour wall', speaker: 'nunez' });
    expect(r.found && r.total).toBe(2);
    expect(findQuote(people, { query: 'council budget', speaker: ENGINEER })).toEqual({
      found: false,
      query: 'council budget',
      hasWords: true,
      speaker: ENGINEER,
    });
    expect(findQuote(people, { query: '', speaker: ENGINEER, articleId: 'mayor-talk' }).found).toBe(false);
  });
  it('shows a picked passage first with the speaker’s quoted words, then the rest of their words', () => {
    const r = findQuote(people, { query: 'harbour#2', speaker: MAYOR });
    expect(r.found && [r.hit.passage.id, r.total, r.hit.quoted?.[0]?.speaker]).toEqual([
      'harbour#2',
      3,
      MAYOR,
    ]);
  });
  it('suggests people with their passage counts, filtered by what was typed and by the article', () => {
    expect(suggestSpeakers(people, '').map((p) => [p.name, p.passages, p.quotedIn])).toEqual([
      ['Ann Author', 4, 0],
      [MAYOR, 3, 1],
      ['Ivy Asker', 2, 0],
      [ENGINEER, 1, 1],
    ]);
    expect(suggestSpeakers(people, 'NUN').map((p) => p.name)).toEqual([MAYOR]);
    expect(suggestSpeakers(people, '', 'mayor-talk').map((p) => [p.name, p.passages])).toEqual([
      ['Ivy Asker', 2],
      [MAYOR, 2],
    ]);
  });
  it('suggests a speaker’s passages when nothing is typed, and their matches when something is', () => {
    expect(suggestPassages(people, '', 25, undefined, ENGINEER).map((h) => h.passage.id)).toEqual([
      'harbour#3',
    ]);
    expect(suggestPassages(people, 'wint', 25, undefined, MAYOR).map((h) => h.passage.id)).toEqual([
      'mayor-talk#2',
    ]);
    expect(suggestPassages(people, 'wint', 25, undefined, ENGINEER)).toEqual([]);
  });
  it('reads a speaker as one person’s whole name, or gives near names', () => {
    expect(resolveSpeaker(people, 'núñez')).toEqual({ found: true, speaker: MAYOR });
    expect(resolveSpeaker(people, ' omar REYES ')).toEqual({ found: true, speaker: ENGINEER });
    expect(resolveSpeaker(people, 'Nunes')).toEqual({ found: false, typed: 'Nunes', near: [MAYOR] });
    expect(resolveSpeaker(people, 'Zzyzx')).toEqual({ found: false, typed: 'Zzyzx', near: [] });
  });
});
