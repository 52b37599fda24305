import { describe, expect, it } from 'vitest';
import type { Article, InnerQuote, Passage, Speaker } from '../../src/content/types.js';
import {
  articleName,
  articleSource,
  copyWordingLine,
  formatDate,
  highlight,
  innerQuotesLine,
  snippet,
  speakerLine,
  voiceTag,
} from '../../src/core/reader-text.js';
import { indexTerms, textTerms, words } from '../../src/core/text.js';

const passage = (speaker: Speaker, quotes: InnerQuote[] = []): Passage => ({
  id: 'a#1',
  articleId: 'a',
  paragraph: 1,
  text: 'T',
  display: 'T',
  corrected: 'T',
  speaker,
  quotes,
  line: 10,
});

const article = (fields: Partial<Article>): Article => ({
  id: 'a',
  authors: ['Mark Sumner'],
  outlet: 'Daily Kos',
  kind: 'opinion',
  perspective: 'P',
  summary: 'S',
  corrections: [],
  short: 'Sumner (Daily Kos)',
  file: 'articles/a.md',
  passages: [],
  ...fields,
});

describe('speakerLine', () => {
  it('names the author, the editors and the interviewee plainly', () => {
    expect(speakerLine(passage({ name: 'Mark Sumner', role: 'author' }))).toBe('Mark Sumner');
    expect(speakerLine(passage({ name: 'Daily Kos editors', role: 'editors' }))).toBe('Daily Kos editors');
    expect(speakerLine(passage({ name: 'Tatsiana Kulakevich', role: 'interviewee' }))).toBe(
      'Tatsiana Kulakevich',
    );
  });

  it('marks the interviewer', () => {
    expect(speakerLine(passage({ name: 'Amy Lieberman', role: 'interviewer' }))).toBe(
      'Amy Lieberman (interviewer)',
    );
  });

  it('says who quotes a quoted speaker', () => {
    expect(speakerLine(passage({ name: 'Donald Trump', role: 'quoted', quotedBy: 'Mark Sumner' }))).toBe(
      'Donald Trump, as quoted by Mark Sumner',
    );
    expect(speakerLine(passage({ name: 'Donald Trump', role: 'quoted' }))).toBe(
      'Donald Trump, as quoted by the author',
    );
  });
});

describe('innerQuotesLine', () => {
  const author: Speaker = { name: 'Mark Sumner', role: 'author' };

  it('is undefined without inner quotes', () => {
    expect(innerQuotesLine(passage(author))).toBeUndefined();
  });

  it('names each quoted speaker once, in order', () => {
    const p = passage(author, [
      { speaker: 'Volodymyr Zelenskyy', text: '"The fight is here,"' },
      { speaker: 'Donald Trump', text: '"dictator."' },
      { speaker: 'Volodymyr Zelenskyy', text: '"I need ammunition, not a ride."' },
    ]);
    expect(innerQuotesLine(p)).toBe('quoting Volodymyr Zelenskyy and Donald Trump');
    expect(innerQuotesLine(passage(author, [{ speaker: 'Donald Trump', text: 'x' }]))).toBe(
      'quoting Donald Trump',
    );
  });
});

describe('articleName', () => {
  it('is the title when known', () => {
    expect(articleName(article({ title: 'A title', description: 'A description' }))).toBe('A title');
  });

  it('is the description in brackets, or [Untitled]', () => {
    expect(articleName(article({ description: 'Opinion column on the talks' }))).toBe(
      '[Opinion column on the talks]',
    );
    expect(articleName(article({}))).toBe('[Untitled]');
  });
});

describe('articleSource', () => {
  it('gives outlet, date and kind', () => {
    expect(articleSource(article({ date: '2025-02' }))).toBe('Daily Kos, February 2025 (opinion)');
    expect(articleSource(article({}))).toBe('Daily Kos (opinion)');
  });
});

describe('formatDate', () => {
  it('writes a year, a month and year, or a full date', () => {
    expect(formatDate('2025')).toBe('2025');
    expect(formatDate('2025-02')).toBe('February 2025');
    expect(formatDate('2025-02-19')).toBe('19 February 2025');
    expect(formatDate('2024-12-01')).toBe('1 December 2024');
  });
});

describe('highlight', () => {
  it('flags the words whose index terms matched', () => {
    expect(highlight('Talks, talking and TALK.', indexTerms('talks'))).toEqual([
      { text: 'Talks', match: true },
      { text: ', ', match: false },
      { text: 'talking', match: true },
      { text: ' and ', match: false },
      { text: 'TALK', match: true },
      { text: '.', match: false },
    ]);
  });

  it('matches stems: "discussion" finds "discussions"', () => {
    expect(highlight('shut out of the discussions.', indexTerms('discussion'))).toEqual([
      { text: 'shut out of the ', match: false },
      { text: 'discussions', match: true },
      { text: '.', match: false },
    ]);
  });

  it('tells the country from the pronoun and keeps a possessive whole', () => {
    expect(highlight('The U.S. and us.', indexTerms('US'))).toEqual([
      { text: 'The ', match: false },
      { text: 'U.S.', match: true },
      { text: ' and us.', match: false },
    ]);
    expect(highlight('Trump’s coin', indexTerms('Trump'))).toEqual([
      { text: 'Trump’s', match: true },
      { text: ' coin', match: false },
    ]);
  });

  it('returns one unmatched run when nothing matched, and nothing for empty text', () => {
    expect(highlight('No match here.', indexTerms('pipeline'))).toEqual([
      { text: 'No match here.', match: false },
    ]);
    expect(highlight('', indexTerms('pipeline'))).toEqual([]);
  });

  it('re-joins to exactly the input, flagging exactly the matching words', () => {
    const texts = [
      'Zelenskyy, in the meantime, stated on Feb. 19 that Trump is trapped in Putin’s “disinformation area.”',
      '  Russia  lost at Kyiv.\nThey lost at Kherson. They lost at Kharkiv.  ',
      'It’s the U.S.–Russia talks — “we weren’t invited.”',
    ];
    const queries = [
      'lost Kyiv',
      'Russia talks',
      'disinformation trapped',
      'weren’t invited',
      'U.S. Kherson',
    ];
    for (const text of texts) {
      for (const query of queries) {
        const matched = textTerms(query);
        const segments = highlight(text, matched);
        expect(segments.map((s) => s.text).join('')).toBe(text);
        const flagged = segments.filter((s) => s.match).flatMap((s) => words(s.text).map((w) => w.word));
        const expected = words(text)
          .map((w) => w.word)
          .filter((w) => indexTerms(w).some((t) => matched.includes(t)));
        expect(flagged, `${query} in ${text}`).toEqual(expected);
        // Runs alternate: two neighbours never have the same flag.
        for (let i = 1; i < segments.length; i++) expect(segments[i]?.match).not.toBe(segments[i - 1]?.match);
      }
    }
  });
});

describe('snippet', () => {
  const TEXT =
    'Ukrainian officials have been deliberately excluded from this meeting that will theoretically ' +
    'decide their fate. European leaders have also been shut out of the discussions.';

  it('returns a short text unchanged, with its whitespace collapsed', () => {
    expect(snippet(TEXT, indexTerms('fate'), 200)).toBe(TEXT);
    expect(snippet(TEXT, indexTerms('fate'), TEXT.length)).toBe(TEXT);
    expect(snippet('  short \n text  here ', [], 40)).toBe('short text here');
  });

  it('shows a window around the first matched word with ellipses on both cut sides', () => {
    expect(snippet(TEXT, indexTerms('fate'), 60)).toBe(
      '…decide their fate. European leaders have also been shut…',
    );
  });

  it('starts at the beginning when nothing matched, with an ellipsis only at the end', () => {
    expect(snippet(TEXT, [], 40)).toBe('Ukrainian officials have been…');
    expect(snippet(TEXT, indexTerms('pipeline'), 40)).toBe('Ukrainian officials have been…');
  });

  it('never cuts inside a grapheme, where there is no space to cut at', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const emoji = '👩‍👩‍👧🇺🇦𝒜'.repeat(30);
    for (const text of [`${emoji}fate${emoji}`, `fate${emoji}`, `${emoji}fate`])
      for (let max = 1; max < 60; max++) {
        const shown = snippet(text, indexTerms('fate'), max);
        expect(shown, `${text.length}/${String(max)}`).not.toMatch(lone);
        expect(shown.replace(/[…a-z]/g, ''), String(max)).toMatch(/^(👩‍👩‍👧|🇺🇦|𝒜)*$/u);
      }
  });

  it('has no ellipsis at the end when the match is near the end', () => {
    expect(snippet(TEXT, indexTerms('discussions'), 40)).toBe('…of the discussions.');
  });

  it('is never longer than max, cuts at spaces and keeps the first matched word', () => {
    const flat = TEXT;
    for (const query of [
      'Ukrainian',
      'deliberately',
      'meeting',
      'theoretically',
      'fate',
      'leaders',
      'discussions',
    ]) {
      const terms = indexTerms(query);
      const first = words(flat).find((w) => indexTerms(w.word).some((t) => terms.includes(t)));
      if (!first) throw new Error(`no match for ${query}`);
      for (let max = 30; max < flat.length; max += 3) {
        const s = snippet(TEXT, terms, max);
        const what = `${query} ${max}: ${s}`;
        expect(s.length, what).toBeLessThanOrEqual(max);
        const cutStart = s.startsWith('…');
        const cutEnd = s.endsWith('…');
        const core = s.slice(cutStart ? 1 : 0, cutEnd ? -1 : undefined);
        const at = cutStart ? flat.indexOf(` ${core}`) + 1 : 0;
        expect(flat.slice(at, at + core.length), what).toBe(core);
        expect(at > 0, what).toBe(cutStart);
        expect(at + core.length < flat.length, what).toBe(cutEnd);
        if (cutEnd) expect(flat[at + core.length], what).toBe(' ');
        expect(at <= first.start && first.end <= at + core.length, what).toBe(true);
      }
    }
  });
});

describe('voiceTag', () => {
  it('says who speaks when it is not simply the article’s author', () => {
    expect(voiceTag(passage({ name: 'Mark Sumner', role: 'author' }))).toBeUndefined();
    expect(voiceTag(passage({ name: 'Amy Lieberman', role: 'interviewer' }))).toBe(
      'Amy Lieberman (interviewer)',
    );
    expect(voiceTag(passage({ name: 'Tatsiana Kulakevich', role: 'interviewee' }))).toBe(
      'Tatsiana Kulakevich',
    );
    expect(voiceTag(passage({ name: 'Donald Trump', role: 'quoted', quotedBy: 'Mark Sumner' }))).toBe(
      'Donald Trump (quoted)',
    );
    expect(voiceTag(passage({ name: 'Daily Kos editors', role: 'editors' }))).toBe('Daily Kos editors');
  });
});

describe('copyWordingLine', () => {
  it('names the copy’s garbled wording and how the passage shows it corrected', () => {
    expect(copyWordingLine({ from: 'which alerts', shown: 'which [signals]' })).toBe(
      "matched the copy's wording “which alerts”, shown corrected as which [signals]",
    );
    expect(copyWordingLine({ from: 'equally', shown: '[appear similarly]' })).toBe(
      "matched the copy's wording “equally”, shown corrected as [appear similarly]",
    );
  });
});
