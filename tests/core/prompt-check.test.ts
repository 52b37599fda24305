import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent, formatProblem, readContentFiles } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';
import { checkPrompts, checkTopicTerms, namedAuthors } from '../../src/core/prompt-check.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { articleFile, type TinyArticle } from '../helpers/content.js';
import { writeManyArticles, type ManyArticlesFolder } from '../helpers/many-articles.js';

/** Tiny content whose articles have their own authors (the helper's file has "Ann Author"). */
function contentWith(articles: (TinyArticle & { authors: string })[], topics: string): Content {
  const files = new Map<string, string>(
    articles.map((a) => [
      `articles/${a.id}.md`,
      articleFile(a).replace('authors: [Ann Author]', `authors: [${a.authors}]`),
    ]),
  );
  files.set('topics.yaml', topics);
  const result = buildContent(files);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.content;
}

const ARTICLES = [
  {
    id: 'alpha',
    authors: 'Ann Author',
    body: [
      'Europe worried about the price of natural gas.',
      'The gas pipeline to Germany was a threat.',
    ].join('\n\n'),
    extra: 'short: Author (The Outlet)',
  },
  { id: 'beta', authors: 'Bob Baker', body: 'Bread is baked daily.' },
  {
    id: 'gamma',
    authors: 'Cat Critic',
    body: ['[Q] What about the gas pipeline?', '[A] Bread matters more to me.'].join('\n\n'),
    extra: ['interviewer: Ivy Asker', 'interviewee: Cat Critic'].join('\n'),
  },
];

/** Line numbers of the prompts are noted on the right: the warnings point at them. */
function topics(pinned = '[]'): string {
  return [
    'topics:', //                                                     1
    '  - id: gas', //                                                 2
    '    title: Gas and pipelines', //                                3
    '    terms: [gas pipeline, natural gas]', //                      4
    `    pinned: ${pinned}`, //                                       5
    '    prompts:', //                                                6
    '      understand: What does Author say about gas?', //           7
    "      analyze: How does Baker's view differ from Author (The Outlet)?", // 8
    '      evaluate: Is Cat Critic right that bread matters more?', // 9
    '',
  ].join('\n');
}

function warningsOf(content: Content): string[] {
  return checkPrompts(content, createSearchIndex(content.passages.values())).map(formatProblem);
}

describe('namedAuthors', () => {
  const content = contentWith(ARTICLES, topics());
  const named = (text: string) => namedAuthors(content, text).map((a) => `${a.article.id}:${a.name}`);

  it('finds an author by surname, full name, possessive or the article’s short label', () => {
    expect(named('What does Author say?')).toEqual(['alpha:Ann Author']);
    expect(named('Ask Bob Baker.')).toEqual(['beta:Bob Baker']);
    expect(named("Baker’s view and Baker's view")).toEqual(['beta:Bob Baker']);
    expect(named('Compare Author (The Outlet) and Critic.')).toEqual([
      'alpha:Ann Author',
      'gamma:Cat Critic',
    ]);
  });
  it('matches whole words as written, so ordinary words are not taken for names', () => {
    expect(named('The bakers and the authorities agree; ask a baker.')).toEqual([]);
    expect(named('No one is named here.')).toEqual([]);
  });
  it('does not count the interviewer as the article’s author', () => {
    expect(named('What does Asker ask?')).toEqual([]);
  });
});

describe('checkPrompts', () => {
  it('warns, at the prompt’s line, when a named author’s article does not address the topic', () => {
    expect(warningsOf(contentWith(ARTICLES, topics()))).toEqual([
      'topics.yaml:8: warning: prompt gas:analyze names Baker, but beta does not address “Gas and pipelines”: pin a passage of theirs in this topic, or reword the question',
      'topics.yaml:9: warning: prompt gas:evaluate names Critic, but none of the passages shown first are Critic’s own words: pin a passage of theirs in this topic, or reword the question',
    ]);
  });
  it('is satisfied once the named authors’ own passages are pinned in the topic', () => {
    expect(warningsOf(contentWith(ARTICLES, topics('[beta#1, gamma#2]')))).toEqual([]);
  });
  it('does not count a pinned passage by the interviewer as the interviewee’s words', () => {
    const [warning] = warningsOf(contentWith(ARTICLES, topics('[beta#1, gamma#1]')));
    expect(warning).toMatch(/^topics\.yaml:9: warning: prompt gas:evaluate names Critic, but none/);
  });
});

describe('checkPrompts in a class of ten articles', () => {
  let folder: ManyArticlesFolder;
  beforeAll(() => {
    folder = writeManyArticles();
  });
  afterAll(() => {
    folder.remove();
  });

  /** The class with its own topics.yaml: the question lines are noted on the right. */
  async function classWith(questions: {
    understand: string;
    analyze: string;
    evaluate: string;
  }): Promise<Content> {
    const files = new Map(await readContentFiles(folder.dir));
    files.set(
      'topics.yaml',
      [
        'topics:', //                                          1
        '  - id: energy-prices', //                            2
        '    title: Energy prices', //                         3
        '    terms: [energy prices, household bills]', //      4
        '    prompts:', //                                     5
        `      understand: ${questions.understand}`, //        6
        `      analyze: ${questions.analyze}`, //              7
        `      evaluate: ${questions.evaluate}`, //            8
        '',
      ].join('\n'),
    );
    const r = buildContent(files);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    return r.content;
  }

  it('warns at the line of each question naming an author whose article does not address the topic', async () => {
    const [haddad, diaz] = folder.notAddressing.get('energy-prices') ?? [];
    const content = await classWith({
      understand: 'What does Baker say about energy prices?',
      analyze: 'How does Haddad see household bills, next to Baker?',
      evaluate: 'Is Diaz (Green Streets) or Rosa Diaz right?',
    });
    expect([haddad, diaz].sort()).toEqual(['diaz-gardens', 'haddad-library']);
    expect(warningsOf(content)).toEqual([
      'topics.yaml:7: warning: prompt energy-prices:analyze names Haddad, but haddad-library does not address “Energy prices”: pin a passage of theirs in this topic, or reword the question',
      'topics.yaml:8: warning: prompt energy-prices:evaluate names Diaz, but diaz-gardens does not address “Energy prices”: pin a passage of theirs in this topic, or reword the question',
    ]);
  });
  it('has nothing to say about questions that name only authors who address the topic, or no one', async () => {
    const content = await classWith({
      understand: 'What does Baker say about energy prices?',
      analyze: 'How do Garcia and Chen differ on household bills?',
      evaluate: 'Which article gives the better evidence?',
    });
    expect(warningsOf(content)).toEqual([]);
  });
  it('names an article with no author by its label, and warns by that label', async () => {
    const content = await classWith({
      understand: 'What does Haddad (The Reading Room) say about energy prices?',
      analyze: 'How do the articles differ?',
      evaluate: 'Which is right?',
    });
    const unsigned: Content = {
      ...content,
      articles: content.articles.map((a) => (a.id === 'haddad-library' ? { ...a, authors: [] } : a)),
    };
    expect(namedAuthors(unsigned, 'Ask Haddad (The Reading Room).').map((a) => a.name)).toEqual([
      'Haddad (The Reading Room)',
    ]);
    expect(warningsOf(unsigned)).toEqual([
      'topics.yaml:6: warning: prompt energy-prices:understand names Haddad (The Reading Room), but haddad-library does not address “Energy prices”: pin a passage of theirs in this topic, or reword the question',
    ]);
  });
});

describe('checkTopicTerms', () => {
  const topics = [
    'topics:', //                                                   1
    '  - id: gas', //                                               2
    '    title: Gas', //                                            3
    '    terms:', //                                                4
    '      - natural gas', //                                       5
    '      - outlawed pipeline', //                                 6
    '      - Germanny', //                                          7
    '    prompts: { understand: u, analyze: a, evaluate: e }', //   8
    '  - id: bread', //                                             9
    '    title: Bread', //                                          10
    '    terms: [bread, croissants brioche]', //                    11
    '    prompts: { understand: u, analyze: a, evaluate: e }', //   12
  ].join('\n');
  const content = contentWith(ARTICLES, topics);
  const index = createSearchIndex(content.passages.values());

  it('warns, on the term’s line, about each word of a topic term that no article uses', () => {
    expect(checkTopicTerms(content, index, topics).map(formatProblem)).toEqual([
      "topics.yaml:6: warning: topic gas, term “outlawed pipeline”: no article uses “outlawed”, so /compare leaves it out: check the spelling, or use the articles' words",
      "topics.yaml:11: warning: topic bread, term “croissants brioche”: no article uses “croissants”, “brioche”, so /compare leaves them out: check the spelling, or use the articles' words",
    ]);
  });
  it('falls back to line 1 without the file’s text, and says nothing when every word is used', () => {
    expect(checkTopicTerms(content, index).map((w) => w.line)).toEqual([1, 1]);
    expect(
      checkTopicTerms(contentWith(ARTICLES, topics.replace(/outlawed |, croissants brioche/g, '')), index),
    ).toEqual([]);
  });
});
