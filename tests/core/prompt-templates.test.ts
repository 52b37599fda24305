import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.js';
import {
  articlesOutsideTopics,
  authorPhrase,
  subjectsOf,
  templatedPrompts,
  templateEvidence,
  topicsByArticle,
} from '../../src/core/prompt-templates.js';
import { tinyContent } from '../helpers/content.js';
import { manyLibrary, type ManyLibrary } from '../helpers/many-library.js';

const BODY = [
  'An opening paragraph before any heading.',
  '## The harbour',
  'Boats fill the harbour.',
  'The harbour wall is old.',
  '## The market',
  'Fish is sold at dawn.',
].join('\n\n');

const headed = tinyContent([
  { id: 'alpha', body: BODY },
  { id: 'beta', body: 'No headings here.' },
]);
const articleOf = (id: string): Article => headed.articleById.get(id) as Article;

describe('subjectsOf', () => {
  it('gives the section headings in order, each with its passages', () => {
    expect(
      subjectsOf(articleOf('alpha')).map((s) => [s.text, s.isHeading, s.passages.map((p) => p.id)]),
    ).toEqual([
      ['The harbour', true, ['alpha#2', 'alpha#3']],
      ['The market', true, ['alpha#4']],
    ]);
  });
  it('gives the title and every passage when the article has no headings', () => {
    expect(subjectsOf(articleOf('beta'))).toEqual([
      { text: 'Title of beta', isHeading: false, passages: articleOf('beta').passages },
    ]);
  });
});

describe('authorPhrase', () => {
  const alpha = articleOf('alpha');
  it('names the authors in full, joined as a reader would', () => {
    expect(authorPhrase(alpha)).toBe('Ann Author');
    expect(authorPhrase({ ...alpha, authors: ['Ann Author', 'Bob Baker'] })).toBe('Ann Author and Bob Baker');
    expect(authorPhrase({ ...alpha, authors: ['A One', 'B Two', 'C Three'] })).toBe(
      'A One, B Two and C Three',
    );
  });
  it('uses the label when there is no author', () => {
    expect(authorPhrase({ ...alpha, authors: [] })).toBe(alpha.short);
  });
});

describe('templatedPrompts', () => {
  const templates = [
    { level: 'understand' as const, text: 'What does {author} say about “{topic}”?', line: 3 },
    { level: 'understand' as const, text: 'What is “{title}” about, on {topic}?', line: 4 },
    { level: 'evaluate' as const, text: 'Is {label} right?', line: 7 },
  ];
  const content = { ...headed, templates };

  it('fills each template with each subject, ids numbering the template within its level and the subject', () => {
    expect(templatedPrompts(content, articleOf('alpha')).map((p) => [p.id, p.text, p.line])).toEqual([
      ['article:alpha:understand:1.1', 'What does Ann Author say about “The harbour”?', 3],
      ['article:alpha:understand:1.2', 'What does Ann Author say about “The market”?', 3],
      ['article:alpha:understand:2.1', 'What is “Title of alpha” about, on The harbour?', 4],
      ['article:alpha:understand:2.2', 'What is “Title of alpha” about, on The market?', 4],
      ['article:alpha:evaluate:1.1', `Is ${articleOf('alpha').short} right?`, 7],
      ['article:alpha:evaluate:1.2', `Is ${articleOf('alpha').short} right?`, 7],
    ]);
  });
  it('leaves out a template naming both {title} and {topic} when the topic is the title', () => {
    expect(templatedPrompts(content, articleOf('beta')).map((p) => p.text)).toEqual([
      'What does Ann Author say about “Title of beta”?',
      `Is ${articleOf('beta').short} right?`,
    ]);
  });
  it('gives nothing without templates', () => {
    expect(templatedPrompts(headed, articleOf('alpha'))).toEqual([]);
  });
  it('shows the article’s first passages on the subject as evidence, and counts them all', () => {
    const [, second] = templatedPrompts(content, articleOf('alpha'));
    if (!second) throw new Error('no prompt');
    const evidence = templateEvidence(content, second);
    expect(evidence?.title).toBe('The market');
    expect(
      evidence?.perspectives.map((p) => [p.article.id, p.passages.map((h) => h.passage.id), p.total]),
    ).toEqual([['alpha', ['alpha#4'], 1]]);
    const first = templateEvidence(content, { ...second, subject: 'The harbour' });
    expect(first?.perspectives[0]?.passages.map((h) => h.passage.id)).toEqual(['alpha#2', 'alpha#3']);
    expect(templateEvidence(content, { ...second, subject: 'Gone' })).toBeNull();
  });
});

describe('articles outside every curated topic, in a class of ten', () => {
  let many: ManyLibrary;
  beforeAll(async () => {
    many = await manyLibrary();
  });
  afterAll(() => {
    many.remove();
  });

  it('finds the curated topics each article addresses, by the rule of /compare', () => {
    const { content, index } = many.library;
    const byArticle = topicsByArticle(content, index);
    for (const [topic, ids] of many.addressing) {
      for (const a of content.articles)
        expect(byArticle.get(a.id)?.includes(topic), `${a.id} ${topic}`).toBe(ids.includes(a.id));
    }
  });
  it('lists as outside only the article no topic addresses', () => {
    const { content, index } = many.library;
    const inAny = new Set([...many.addressing.values()].flat());
    const expected = content.articles.filter((a) => !inAny.has(a.id)).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(articlesOutsideTopics(content, index).map((a) => a.id)).toEqual(expected);
  });
  it('fills the test templates for it from its own name, label and title', () => {
    const { content, index } = many.library;
    const [outside] = articlesOutsideTopics(content, index);
    if (!outside) throw new Error('no outside article');
    const prompts = templatedPrompts(content, outside);
    const author = outside.authors[0] ?? '';
    const title = outside.title ?? '';
    expect(prompts.map((p) => p.text)).toEqual([
      `What does ${author} say about “${title}”?`,
      `What is the point of “${title}” (${outside.short})?`,
      `How does ${author} reason about “${title}”?`,
      // The evaluate template names {title} and {topic}: left out, as the topic is the title.
    ]);
    expect(prompts.map((p) => p.line)).toEqual([3, 4, 6]);
  });
});
