import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.js';
import type { Article, ContentProblem, Passage } from '../../src/content/types.js';

/** Joins lines with '\n' so that fixtures read with their line numbers in comments. */
const lines = (...ls: string[]): string => ls.join('\n');

/** Front matter of lines 1–9; the body starts on line 10. */
const FRONT = [
  '---', //                                 1
  'id: demo', //                            2
  'title: A demo article', //               3
  'authors: [Ann Writer]', //               4
  'outlet: The Paper', //                   5
  'kind: opinion', //                       6
  'perspective: Worried', //                7
  'summary: It argues a point.', //         8
  '---', //                                 9
];

function parse(source: string): { article: Article | null; idLine: number; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const { article, idLine } = parseArticle('articles/demo.md', source, problems);
  return { article, idLine, problems };
}

function parseOk(source: string): Article {
  const { article, problems } = parse(source);
  expect(problems).toEqual([]);
  if (!article) throw new Error('expected an article');
  return article;
}

function passage(article: Article, n: number): Passage {
  const p = article.passages[n - 1];
  if (!p) throw new Error(`no passage ${n}`);
  return p;
}

/** The problems of a source, as `line: message`, for compact exact assertions. */
function problemsOf(source: string): string[] {
  const { article, problems } = parse(source);
  expect(article).toBeNull();
  for (const p of problems) expect(p.file).toBe('articles/demo.md');
  return problems.map((p) => `${p.line}: ${p.message}`);
}

describe('parseArticle', () => {
  describe('front matter', () => {
    it('reads every field', () => {
      const article = parseOk(
        lines(
          '---',
          'id: demo',
          'title: Talks are exploratory',
          'authors:',
          '  - Tatsiana Kulakevich',
          '  - Amy Lieberman',
          'interviewer: Amy Lieberman',
          'interviewee: Tatsiana Kulakevich',
          'outlet: The Conversation U.S.',
          'date: 2025-02-19',
          'url: https://example.org/a',
          'kind: interview',
          'perspective: Caution',
          'summary: Do not panic.',
          'notice: A paraphrased copy.',
          '---',
          'Only paragraph.',
        ),
      );
      expect(article).toEqual({
        id: 'demo',
        title: 'Talks are exploratory',
        authors: ['Tatsiana Kulakevich', 'Amy Lieberman'],
        interviewer: 'Amy Lieberman',
        interviewee: 'Tatsiana Kulakevich',
        outlet: 'The Conversation U.S.',
        date: '2025-02-19',
        url: 'https://example.org/a',
        kind: 'interview',
        perspective: 'Caution',
        summary: 'Do not panic.',
        notice: 'A paraphrased copy.',
        corrections: [],
        short: 'Kulakevich (The Conversation U.S.)',
        file: 'articles/demo.md',
        passages: [
          {
            id: 'demo#1',
            articleId: 'demo',
            paragraph: 1,
            text: 'Only paragraph.',
            display: 'Only paragraph.',
            corrected: 'Only paragraph.',
            speaker: { name: 'Tatsiana Kulakevich and Amy Lieberman', role: 'author' },
            quotes: [],
            line: 17,
          },
        ],
      });
    });

    it('leaves unknown optional fields out and derives `short` from the first author', () => {
      const article = parseOk(lines(...FRONT, '', 'Text.'));
      expect(article.short).toBe('Writer (The Paper)');
      expect(Object.keys(article)).not.toContain('date');
      expect(Object.keys(article)).not.toContain('url');
      expect(Object.keys(article)).not.toContain('description');
      expect(article.corrections).toEqual([]);
    });

    it('keeps an explicit `short`, a bare year and a description without title', () => {
      const article = parseOk(
        lines(
          '---',
          'id: demo',
          'description: Opinion column on the talks',
          'authors: [Mark Sumner]',
          'outlet: Daily Kos',
          'date: 2025',
          'kind: opinion',
          'perspective: Alarm',
          'summary: S.',
          'short: Sumner column',
          '---',
          'Text.',
        ),
      );
      expect(article.title).toBeUndefined();
      expect(article.description).toBe('Opinion column on the talks');
      expect(article.date).toBe('2025');
      expect(article.short).toBe('Sumner column');
    });

    it('returns the line of the `id` field', () => {
      const { idLine } = parse(lines('---', '# a comment', 'id: demo', ...FRONT.slice(2), '', 'Text.'));
      expect(idLine).toBe(3);
    });

    it('gives each correction the line of its `from`', () => {
      const article = parseOk(
        lines(
          ...FRONT.slice(0, -1),
          'corrections:', //                        9
          '  - from: Jap European', //             10
          '    to: Eastern European', //           11
          '  # a comment', //                      12
          '  - from: land seize', //               13
          '    to: land grab', //                  14
          '---', //                                15
          'A Jap European land seize.', //         16
        ),
      );
      expect(article.corrections).toEqual([
        { from: 'Jap European', to: 'Eastern European', line: 10 },
        { from: 'land seize', to: 'land grab', line: 13 },
      ]);
    });
  });

  describe('passages', () => {
    const SOURCE = lines(
      ...FRONT,
      '', //                                    10
      'Before any heading.', //                 11
      '', //                                    12
      '## Background', //                       13
      '', //                                    14
      'First line of a paragraph', //           15
      '  that goes on here.', //                16
      '', //                                    17
      '[caption] A map of the region.', //      18
      '', //                                    19
      'After the caption.', //                  20
      '', //                                    21
      '[credit] Photo: Somebody/Agency', //     22
      '', //                                    23
      '### Later', //                           24
      '', //                                    25
      'After the credit.', //                   26
      '', //                                    27
      'Last one.', //                           28
    );

    it('numbers paragraphs, skipping headings, captions and credits', () => {
      const article = parseOk(SOURCE);
      expect(article.passages.map((p) => [p.id, p.paragraph, p.line, p.text])).toEqual([
        ['demo#1', 1, 11, 'Before any heading.'],
        ['demo#2', 2, 15, 'First line of a paragraph that goes on here.'],
        ['demo#3', 3, 20, 'After the caption.'],
        ['demo#4', 4, 26, 'After the credit.'],
        ['demo#5', 5, 28, 'Last one.'],
      ]);
      expect(article.passages.every((p) => p.articleId === 'demo')).toBe(true);
    });

    it('attaches each section heading to the passages after it', () => {
      const article = parseOk(SOURCE);
      expect(article.passages.map((p) => p.section)).toEqual([
        undefined,
        'Background',
        'Background',
        'Later',
        'Later',
      ]);
      expect('section' in passage(article, 1)).toBe(false);
    });

    it('reads Windows line endings and a byte order mark', () => {
      const article = parseOk(`\uFEFF${lines(...FRONT, '', 'One.', '', 'Two.').replace(/\n/g, '\r\n')}`);
      expect(article.passages.map((p) => [p.text, p.line])).toEqual([
        ['One.', 11],
        ['Two.', 13],
      ]);
    });
  });

  describe('speakers', () => {
    const SOURCE = lines(
      '---',
      'id: demo',
      'title: An interview',
      'authors: [Tatsiana Kulakevich, Amy Lieberman]',
      'interviewer: Amy Lieberman',
      'interviewee: Tatsiana Kulakevich',
      'outlet: The Conversation U.S.',
      'kind: interview',
      'perspective: Caution',
      'summary: S.',
      '---',
      'By default the authors speak.', //                   1
      '',
      '[editors] The editors introduce.', //                2
      '',
      'Still the editors.', //                              3
      '',
      '[Q] What is happening?', //                          4
      '',
      '[A] Talks are exploratory.', //                      5
      '',
      'Still the interviewee.', //                          6
      '',
      '[quote: Donald Trump] “You should have never started it.”', // 7
      '',
      'Back to the interviewee.', //                        8
      '',
      '[author] The authors again.', //                     9
      '',
      '[quote:Vladimir Putin]No space needed.', //          10
    );

    it('switches voice until the next switch; [quote: …] lasts one paragraph', () => {
      const article = parseOk(SOURCE);
      const authors = { name: 'Tatsiana Kulakevich and Amy Lieberman', role: 'author' };
      const editors = { name: 'The Conversation U.S. editors', role: 'editors' };
      const interviewee = { name: 'Tatsiana Kulakevich', role: 'interviewee' };
      expect(article.passages.map((p) => p.speaker)).toEqual([
        authors,
        editors,
        editors,
        { name: 'Amy Lieberman', role: 'interviewer' },
        interviewee,
        interviewee,
        { name: 'Donald Trump', role: 'quoted', quotedBy: 'Tatsiana Kulakevich' },
        interviewee,
        authors,
        { name: 'Vladimir Putin', role: 'quoted', quotedBy: 'Tatsiana Kulakevich and Amy Lieberman' },
      ]);
    });

    it('removes the tag from the passage text', () => {
      const article = parseOk(SOURCE);
      expect(passage(article, 4).text).toBe('What is happening?');
      expect(passage(article, 7).text).toBe('“You should have never started it.”');
      expect(passage(article, 10).text).toBe('No space needed.');
    });

    it('reads `\\[` as a literal leading bracket, not a tag', () => {
      const article = parseOk(lines(...FRONT, '\\[Laughter] Then we talked.'));
      expect(passage(article, 1).text).toBe('[Laughter] Then we talked.');
      expect(passage(article, 1).speaker).toEqual({ name: 'Ann Writer', role: 'author' });
    });
  });

  describe('inner quotes and corrections', () => {
    const SOURCE = lines(
      ...FRONT.slice(0, -1),
      'quotes:', //                                                   9
      '  - speaker: Donald Trump', //                                10
      '    text: “a dictator”', //                                   11
      'corrections:', //                                             12
      '  - from: disinformation area', //                           13
      '    to: disinformation space', //                            14
      '---', //                                                      15
      'Trump called Zelenskyy “a dictator” again.', //               16
      '',
      'Zelenskyy said Trump lives in a “disinformation area.” A disinformation area indeed.',
    );

    it('attaches an inner quote to the passage that contains it', () => {
      const article = parseOk(SOURCE);
      expect(passage(article, 1).quotes).toEqual([{ speaker: 'Donald Trump', text: '“a dictator”' }]);
      expect(passage(article, 2).quotes).toEqual([]);
    });

    it('shows corrections in brackets while `text` stays the exact source', () => {
      const p = passage(parseOk(SOURCE), 2);
      expect(p.text).toBe(
        'Zelenskyy said Trump lives in a “disinformation area.” A disinformation area indeed.',
      );
      expect(p.display).toBe(
        'Zelenskyy said Trump lives in a “disinformation [space].” A disinformation [space] indeed.',
      );
      expect(p.corrected).toBe(
        'Zelenskyy said Trump lives in a “disinformation space.” A disinformation space indeed.',
      );
      const untouched = passage(parseOk(SOURCE), 1);
      expect(untouched.display).toBe(untouched.text);
    });
  });

  describe('problems', () => {
    it('reports a missing front matter', () => {
      expect(problemsOf('Just a paragraph.')).toEqual([
        '1: missing front matter: the file must start with a line `---`',
      ]);
    });

    it('reports an unclosed front matter', () => {
      expect(problemsOf(lines('---', 'id: demo', '', 'Body.'))).toEqual([
        '1: front matter is not closed: add a line `---` after it',
      ]);
    });

    it('reports a missing required field at the start of the front matter', () => {
      const source = lines(...FRONT.filter((l) => !l.startsWith('id:')), 'Text.');
      expect(problemsOf(source)).toEqual(['2: missing required field `id`']);
    });

    it('reports a bad `kind` on its line', () => {
      const source = lines(...FRONT, 'Text.').replace('kind: opinion', 'kind: blog');
      expect(problemsOf(source)).toEqual([
        '6: `kind` must be one of: opinion, interview, news, analysis, speech, editorial, letter, report, essay, primary-source, other',
      ]);
    });

    it('reports a bad date on its line', () => {
      const source = lines(...FRONT.slice(0, 5), 'date: 2025-13', ...FRONT.slice(5), 'Text.');
      expect(problemsOf(source)).toEqual(['6: `date` must look like 2025, 2025-02 or 2025-02-19']);
    });

    it('reports an unknown field and a YAML error with file lines', () => {
      expect(problemsOf(lines(...FRONT.slice(0, -1), 'tags: [x]', '---', 'Text.'))).toEqual([
        '9: unknown field `tags`',
      ]);
      expect(problemsOf(lines(...FRONT.slice(0, -1), 'outlet: Again', '---', 'Text.'))).toEqual([
        '9: YAML: Map keys must be unique',
      ]);
    });

    it('reports neither title nor description', () => {
      const source = lines(...FRONT.filter((l) => !l.startsWith('title')), 'Text.');
      expect(problemsOf(source)).toEqual([
        '2: give a `title`, or a `description` when the title is not known',
      ]);
    });

    it('reports an unknown tag', () => {
      expect(problemsOf(lines(...FRONT, '', 'Fine.', '', '[Laughter] Then we talked.'))).toEqual([
        '13: unknown tag [Laughter]: use [caption], [credit], [editors], [Q], [A], [author] or [quote: Name], or write \\[ for a literal bracket',
      ]);
    });

    it('reports [Q] and [A] without interviewer and interviewee', () => {
      expect(problemsOf(lines(...FRONT, '', '[Q] Why?', '', '[A] Because.'))).toEqual([
        '11: [Q] needs `interviewer` in the front matter',
        '13: [A] needs `interviewee` in the front matter',
      ]);
    });

    it('reports a tag with no text after it', () => {
      const source = lines(
        ...FRONT.slice(0, -1),
        'interviewer: Amy Lieberman', //  9
        'interviewee: Tatsiana Kulakevich', // 10
        '---', // 11
        '[Q] Why?', // 12
        '', // 13
        '[A]', // 14
        '', // 15
        '[caption]', // 16
        '', // 17
        '[quote: ] Words.', // 18
      );
      expect(problemsOf(source)).toEqual([
        '14: empty passage: a tag with no text after it',
        '16: empty [caption]',
        '18: [quote: …] needs a name, e.g. [quote: Donald Trump]',
      ]);
    });

    it('reports an article with no passages', () => {
      expect(problemsOf(lines(...FRONT, '', '## Only a heading', '', '[credit] Only a credit'))).toEqual([
        '10: the article has no passages',
      ]);
    });

    it('reports a correction whose garbled text is not in the article', () => {
      const source = lines(
        ...FRONT.slice(0, -1),
        'corrections:', //                  9
        '  - from: Chilly Battle', //      10
        '    to: Cold War', //             11
        '---', //                          12
        'Since the Chilly\u00a0Battle.', // 13: a no-break space is not a space
      );
      expect(problemsOf(source)).toEqual([
        '10: correction\'s garbled text is not in the article: "Chilly Battle"',
      ]);
    });

    it('reports overlapping corrections on the later one', () => {
      const source = lines(
        ...FRONT.slice(0, -1),
        'corrections:', //                       9
        '  - from: Chilly Battle', //           10
        '    to: Cold War', //                  11
        '  - from: Battle, there was', //       12
        '    to: War, there has been', //       13
        '---', //                               14
        'Since the Chilly Battle, there was a triangle.',
      );
      expect(problemsOf(source)).toEqual(['12: correction overlaps the one on line 10: "Battle, there was"']);
    });

    it('reports quoted text that is not in the article', () => {
      const source = lines(
        ...FRONT.slice(0, -1),
        'quotes:', //                          9
        '  - speaker: Donald Trump', //       10
        '    text: “a dictator”', //          11
        '---', //                             12
        'Trump called him "a dictator".', //  13: straight quotes differ from curly ones
      );
      expect(problemsOf(source)).toEqual(['11: quoted text is not in the article: "“a dictator”"']);
    });

    it('adds to the problems already listed and judges only its own', () => {
      const problems: ContentProblem[] = [{ file: 'other.md', line: 3, message: 'earlier' }];
      const { article } = parseArticle('articles/demo.md', lines(...FRONT, 'Text.'), problems);
      expect(article?.passages).toHaveLength(1);
      expect(problems).toHaveLength(1);
      parseArticle('articles/bad.md', 'no front matter', problems);
      expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['other.md:3', 'articles/bad.md:1']);
    });
  });
});
