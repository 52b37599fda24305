import { describe, expect, it } from 'vitest';
import { articleJson, articlesText, comparisonText, PLAIN } from '../../src/cli/format.js';
import { buildContent } from '../../src/content/load.js';
import type { Article } from '../../src/content/types.js';
import { tinyCompare } from '../helpers/compare.js';
import { TINY_TOPICS } from '../helpers/content.js';

/** One article through the real parser, from its front-matter lines. */
function article(...front: string[]): Article {
  const file = ['---', 'id: x', 'title: The title', ...front, '---', 'Text.'].join('\n');
  const result = buildContent(
    new Map([
      ['articles/x.md', file],
      ['topics.yaml', TINY_TOPICS],
    ]),
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const [a] = result.content.articles;
  if (!a) throw new Error('no article');
  return a;
}

describe('articlesText', () => {
  it('lists every field an article has', () => {
    const a = article(
      'authors: [Ann Writer, Bob Lee]',
      'outlet: The Paper',
      'date: 2025-02',
      'url: https://example.org/x',
      'kind: opinion',
      'perspective: Worried',
      'summary: It argues a point.',
    );
    expect(articlesText([a], PLAIN)).toBe(
      [
        'The title [x]',
        '   Ann Writer, Bob Lee — The Paper, February 2025 (opinion)',
        '   https://example.org/x',
        '   Perspective: Worried',
        '   It argues a point.',
      ].join('\n'),
    );
  });

  it('leaves out what is not known, without "undefined" or empty brackets', () => {
    expect(articlesText([article('kind: speech')], PLAIN)).toBe('The title [x]\n   speech');
    expect(articlesText([article('kind: news', 'outlet: Reuters')], PLAIN)).toBe(
      'The title [x]\n   Reuters (news)',
    );
    expect(articleJson(article('kind: letter'))).toEqual({
      articleId: 'x',
      title: 'The title',
      authors: [],
      kind: 'letter',
      passages: 1,
      corrections: 0,
    });
  });
});

describe('comparisonText', () => {
  const text = (input: string) => {
    const c = tinyCompare(input);
    return comparisonText(c, PLAIN).split('\n');
  };
  it('names the words no article uses under the title, as /compare does', () => {
    const lines = text('natural gas outlawed');
    expect(lines.slice(0, 3)).toEqual([
      'Compare: natural gas outlawed',
      '',
      'No article uses “outlawed”, so it was left out.',
    ]);
    expect(lines.at(-1)).toBe('Not addressed by: Author (The Outlet).');
    expect(text('outlawed forbidden banned').slice(0, 5)).toEqual([
      'Compare: outlawed forbidden banned',
      '',
      'No article addresses “outlawed forbidden banned”.',
      '',
      'No article uses “outlawed”, “forbidden” or “banned”, so they were left out.',
    ]);
  });
  it('has no such line when every word is used', () => {
    expect(text('natural gas').join('\n')).not.toContain('No article uses');
  });
});
