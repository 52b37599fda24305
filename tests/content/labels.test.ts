import { describe, expect, it } from 'vitest';
import { compactLabels, labelCandidates, titleWords, uniqueLabels } from '../../src/content/labels.js';
import { buildContent, formatProblem, type LoadResult } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';

/** An article file: `id`, a title, a kind and these front-matter lines; one paragraph. */
function articleFile(id: string, ...front: string[]): string {
  const title = front.some((l) => /^(title|description):/.test(l)) ? [] : [`title: Title of ${id}`];
  return ['---', `id: ${id}`, ...title, 'kind: news', ...front, '---', '', `Text of ${id}.`].join('\n');
}

const TOPICS = `topics:
  - id: t
    title: T
    terms: [text]
    prompts: { understand: U?, analyze: A?, evaluate: E? }
`;

function build(articles: Record<string, string>): LoadResult {
  const files = new Map<string, string>(
    Object.entries(articles).map(([id, text]) => [`articles/${id}.md`, text]),
  );
  files.set('topics.yaml', TOPICS);
  return buildContent(files);
}

function ok(result: LoadResult): Content {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.content;
}

/** The label of each article, by id. */
function labels(articles: Record<string, string>): Record<string, string> {
  return Object.fromEntries(ok(build(articles)).articles.map((a) => [a.id, a.short]));
}

describe('short labels', () => {
  it('name a signed article by its author’s surname and outlet', () => {
    expect(
      labels({
        sumner: articleFile('sumner', 'authors: [Mark Sumner]', 'outlet: Daily Kos'),
        qa: articleFile('qa', 'authors: [Amy Lieberman]', 'interviewee: Tatsiana Kulakevich', 'outlet: TC'),
        solo: articleFile('solo', 'authors: [Ann Writer]'),
      }),
    ).toEqual({ sumner: 'Sumner (Daily Kos)', qa: 'Kulakevich (TC)', solo: 'Writer' });
  });

  it('name unsigned news by its outlet, or by its title’s first words, never "News (…)"', () => {
    expect(
      labels({
        wire: articleFile('wire', 'outlet: Reuters'),
        bare: articleFile('bare', 'title: Ceasefire talks resume in Geneva after a long pause'),
      }),
    ).toEqual({ wire: 'Reuters', bare: 'Ceasefire talks resume in' });
  });

  it('name an organisation author by its full name, once when it is also the outlet', () => {
    expect(
      labels({
        who: articleFile('who', 'authors: [{ organization: World Health Organization }]', 'outlet: WHO News'),
        ap: articleFile('ap', 'authors: [{ organization: Associated Press }]', 'outlet: Associated Press'),
      }),
    ).toEqual({ who: 'World Health Organization (WHO News)', ap: 'Associated Press' });
  });

  it('add the year, then the title’s first words, then the id, only while two would be equal', () => {
    expect(
      labels({
        a: articleFile('a', 'authors: [Ann Smith]', 'outlet: Reuters', 'date: 2024-05'),
        b: articleFile('b', 'authors: [Bob Smith]', 'outlet: Reuters', 'date: 2025-01-02'),
        c: articleFile(
          'c',
          'authors: [Cy Smith]',
          'outlet: Reuters',
          'date: 2025',
          'title: Talks stall again',
        ),
        d: articleFile(
          'd',
          'authors: [Di Smith]',
          'outlet: Reuters',
          'date: 2025',
          'title: Talks stall again',
        ),
        e: articleFile('e', 'authors: [Ed Smith]', 'outlet: The Paper'),
      }),
    ).toEqual({
      a: 'Smith (Reuters, 2024)',
      b: 'Smith: Title of b',
      c: 'Smith (c)',
      d: 'Smith (d)',
      // Nobody else writes for The Paper: the shortest label stays.
      e: 'Smith (The Paper)',
    });
  });

  it('tell apart eight unsigned wire stories from one outlet by their titles', () => {
    const titles = [
      'Talks open in Riyadh',
      'Talks close in Riyadh',
      'Kyiv not invited',
      'Europe asks for a seat',
      'Markets rise on talks',
      'Oil falls as talks begin',
      'Rubio meets Lavrov',
      'What the talks mean',
    ];
    const files = Object.fromEntries(
      titles.map((t, i) => [
        `w${i}`,
        articleFile(`w${i}`, 'outlet: Reuters', 'date: 2025-02', `title: ${t}`),
      ]),
    );
    const shown = Object.values(labels(files));
    expect(shown).toEqual(titles.map((t) => `Reuters: ${t.split(' ').slice(0, 4).join(' ')}`));
    expect(new Set(shown.map((l) => l.toLowerCase())).size).toBe(titles.length);
  });

  it('keep an editor’s `short`, and move an automatic label that equals it aside', () => {
    expect(
      labels({
        a: articleFile('a', 'authors: [Ann Smith]', 'outlet: Reuters', 'date: 2024'),
        b: articleFile('b', 'authors: [Bob Jones]', 'short: smith  (REUTERS)'),
      }),
    ).toEqual({ a: 'Smith (Reuters, 2024)', b: 'smith  (REUTERS)' });
  });

  it('report two editors’ labels that are equal, ignoring case, on the second one’s `short` line', () => {
    const result = build({
      a: articleFile('a', 'short: The Column'),
      b: articleFile('b', 'outlet: X', 'short: the column'),
    });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'articles/b.md:6: `short` "the column" is also the label of articles/a.md: give each article its own',
    ]);
  });

  it('do not depend on the order the files are read in', () => {
    const files = {
      a: articleFile('a', 'authors: [Ann Smith]', 'outlet: Reuters', 'date: 2024'),
      b: articleFile('b', 'authors: [Bob Smith]', 'outlet: Reuters', 'date: 2025'),
      c: articleFile('c', 'authors: [Cy Smith]', 'outlet: Reuters', 'date: 2025'),
      d: articleFile('d', 'outlet: Reuters'),
    };
    const forward = labels(files);
    const backward = labels(Object.fromEntries(Object.entries(files).reverse()));
    expect(backward).toEqual(forward);
    expect(new Set(Object.values(forward)).size).toBe(4);
  });
});

describe('titleWords', () => {
  it('takes up to four words, stopping at a title’s own break and dropping end punctuation', () => {
    expect(titleWords({ title: 'Is this unprecedented?' })).toBe('Is this unprecedented');
    expect(titleWords({ title: 'Ukraine: what the talks mean' })).toBe('Ukraine');
    expect(titleWords({ title: 'One two three four five' })).toBe('One two three four');
    expect(titleWords({ description: 'Opinion column on the talks' })).toBe('Opinion column on the');
    expect(titleWords({})).toBeUndefined();
  });

  it('keeps a label short even with long words, but always one word', () => {
    expect(titleWords({ title: 'Internationalisation of counterinsurgency doctrine' })).toBe(
      'Internationalisation of',
    );
    expect(titleWords({ title: 'Supercalifragilisticexpialidociously long' })).toBe(
      'Supercalifragilisticexpialidociously',
    );
  });
});

describe('uniqueLabels', () => {
  it('ends with a label made unique by the id when every shorter one is taken', () => {
    const content = ok(
      build({
        a: articleFile('a', 'authors: [Ann Smith]', 'title: Same'),
        b: articleFile('b', 'authors: [Bob Smith]', 'title: Same'),
      }),
    );
    const [a] = content.articles;
    if (!a) throw new Error('no article');
    expect(labelCandidates(a)).toEqual(['Smith', 'Smith: Same', 'Smith (a)']);
    expect(uniqueLabels(content.articles, new Map())).toEqual(
      new Map([
        ['a', 'Smith (a)'],
        ['b', 'Smith (b)'],
      ]),
    );
  });
});

describe('compactLabels', () => {
  const article = (id: string, short: string) => ({ id, short });
  it('drops the parenthesis where the first part alone tells the article apart', () => {
    const labels = compactLabels([article('a', 'Sumner (Daily Kos)'), article('b', 'Reuters')]);
    expect(labels).toEqual(
      new Map([
        ['a', 'Sumner'],
        ['b', 'Reuters'],
      ]),
    );
  });
  it('keeps the whole label where two articles share the first part', () => {
    const labels = compactLabels([
      article('a', 'Smith (Reuters, 2024)'),
      article('b', 'Smith (Reuters, 2025)'),
      article('c', 'Jones (AP)'),
    ]);
    expect([...labels.values()]).toEqual(['Smith (Reuters, 2024)', 'Smith (Reuters, 2025)', 'Jones']);
  });
});
