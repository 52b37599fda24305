/** parseArticle on the content model's optional parts: unsigned work, organisations, kinds, ids, dates. */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.js';
import { CONTENT_LIMITS } from '../../src/content/schema.js';
import { ARTICLE_KINDS, kindLabel, type Article, type ContentProblem } from '../../src/content/types.js';

const lines = (...ls: string[]): string => ls.join('\n');

/** An article file `articles/demo.md` with only an id, a title and a kind on lines 1–4, then `front`. */
const file = (...front: string[]): string =>
  lines(
    '---',
    'id: demo',
    'title: A demo',
    'kind: news',
    ...front,
    '---',
    '',
    'Text.',
    '',
    '[editors] Framing.',
  );

function parse(source: string, name = 'articles/demo.md'): { article: Article | null; problems: string[] } {
  const problems: ContentProblem[] = [];
  const { article } = parseArticle(name, source, problems);
  return { article, problems: problems.map((p) => `${p.line}: ${p.message}`) };
}

function parseOk(source: string): Article {
  const { article, problems } = parse(source);
  expect(problems).toEqual([]);
  if (!article) throw new Error('expected an article');
  return article;
}

describe('parseArticle: what may be left out', () => {
  it('reads an unsigned article with only id, title and kind, writing no empty fields', () => {
    const article = parseOk(file());
    expect(article.authors).toEqual([]);
    for (const key of ['outlet', 'perspective', 'summary', 'organizations', 'date', 'url'])
      expect(Object.keys(article)).not.toContain(key);
    // Nobody is named: the article's own voice is "Unknown author", its framing "The editors".
    expect(article.passages.map((p) => p.speaker)).toEqual([
      { name: 'Unknown author', role: 'author' },
      { name: 'The editors', role: 'editors' },
    ]);
    expect(article.short).toBe('A demo');
  });

  it('lets the outlet speak for unsigned news, and name it', () => {
    const article = parseOk(file('outlet: Reuters'));
    expect(article.passages.map((p) => p.speaker.name)).toEqual(['Reuters', 'Reuters editors']);
    expect(article.short).toBe('Reuters');
  });

  it('reads perspective and summary when given', () => {
    const article = parseOk(file('perspective: Cautious', 'summary: It says little.'));
    expect([article.perspective, article.summary]).toEqual(['Cautious', 'It says little.']);
  });

  it('reports `authors: []` rather than taking it for unsigned', () => {
    expect(parse(file('authors: []')).problems).toEqual([
      '5: `authors` is empty: leave the field out when the article is unsigned',
    ]);
  });
});

describe('parseArticle: organisation authors', () => {
  it('reads `{ organization: Name }` as an author, keeping the byline order', () => {
    const article = parseOk(file('authors: [{ organization: Reuters }, Ann Lee]', 'outlet: Reuters'));
    expect(article.authors).toEqual(['Reuters', 'Ann Lee']);
    expect(article.organizations).toEqual(['Reuters']);
    expect(article.passages[0]?.speaker).toEqual({ name: 'Reuters and Ann Lee', role: 'author' });
    expect(article.short).toBe('Reuters');
  });

  it('reports an author that is neither a name nor an organisation, on its line', () => {
    expect(parse(file('authors:', '  - Ann Lee', '  - { org: Reuters }')).problems).toEqual([
      '7: `authors[]` must be a name, or `{ organization: Name }` for an organisation',
    ]);
    expect(parse(file('authors: [{ organization: "" }]')).problems).toEqual([
      '5: `authors[].organization` is empty',
    ]);
    expect(parse(file('authors: Ann Lee')).problems).toEqual([
      '5: `authors` must be a list, e.g. [Ann Writer] or [{ organization: Reuters }]',
    ]);
  });
});

describe('parseArticle: kinds, ids, dates and labels', () => {
  it('accepts every kind, and names each in words', () => {
    expect(ARTICLE_KINDS).toEqual([
      'opinion',
      'interview',
      'news',
      'analysis',
      'speech',
      'editorial',
      'letter',
      'report',
      'essay',
      'primary-source',
      'other',
    ]);
    for (const kind of ARTICLE_KINDS)
      expect(parseOk(file().replace('kind: news', `kind: ${kind}`)).kind).toBe(kind);
    expect(kindLabel('primary-source')).toBe('primary source');
  });

  it('reports an id that is not the file name, on the id line', () => {
    expect(parse(file(), 'articles/other.md').problems).toEqual([
      '2: `id` "demo" does not match the file name: name the file demo.md, or make the id "other"',
    ]);
  });

  it('tells a date that is not on the calendar from one of the wrong shape', () => {
    expect(parse(file('date: 1863-11-31')).problems).toEqual([
      '5: `date` 1863-11-31 is not a real date: no such day on the calendar',
    ]);
    expect(parse(file('date: 2023-02-29')).problems).toEqual([
      '5: `date` 2023-02-29 is not a real date: no such day on the calendar',
    ]);
    expect(parse(file('date: 1863-13')).problems).toEqual([
      '5: `date` must look like 2025, 2025-02 or 2025-02-19',
    ]);
    expect(parseOk(file('date: 2024-02-29')).date).toBe('2024-02-29');
    expect(parseOk(file('date: 1863-11-19')).date).toBe('1863-11-19');
  });

  it(`limits an editor's \`short\` to ${CONTENT_LIMITS.shortMax} characters`, () => {
    const at = 'x'.repeat(CONTENT_LIMITS.shortMax);
    expect(parseOk(file(`short: ${at}`)).short).toBe(at);
    expect(parse(file(`short: ${at}x`)).problems).toEqual([
      `5: \`short\` is over ${CONTENT_LIMITS.shortMax} characters`,
    ]);
  });
});
