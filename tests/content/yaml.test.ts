import { describe, expect, it } from 'vitest';
import { buildContent, formatProblem, type LoadResult } from '../../src/content/load.js';
import { articleFile, TINY_TOPICS } from '../helpers/content.js';

/** Aliases nested three deep: 10 × 10 × 10 values from a few lines ("billion laughs"). */
const BOMB = [
  'lol: &a [x, x, x, x, x, x, x, x, x, x]',
  'lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
].join('\n');

const problems = (result: LoadResult): string[] => (result.ok ? [] : result.problems.map(formatProblem));

const ALIASES_PROBLEM =
  'YAML: aliases (*name) expand too far (over 100 values): write the values out instead';

describe('YAML aliases', () => {
  it('reports an alias bomb in topics.yaml on the line of the first alias', () => {
    const topics = `${BOMB}\n${TINY_TOPICS}`; // the first alias, *a, is on line 2
    const result = buildContent(
      new Map([
        ['articles/a.md', articleFile({ id: 'a', body: 'About gas.' })],
        ['topics.yaml', topics],
      ]),
    );
    expect(problems(result)).toEqual([`topics.yaml:2: ${ALIASES_PROBLEM}`]);
  });

  it('reports an alias bomb in front matter, and still reads an alias used once', () => {
    // articleFile's front matter: `---` on line 1, eight fields, then `extra` from line 10,
    // so the first alias, *a, is on line 11.
    const bombed = articleFile({ id: 'a', body: 'About gas.', extra: BOMB });
    const reused = articleFile({
      id: 'b',
      body: 'About gas.',
      extra: 'short: &who Author (Outlet)\nnotice: *who',
    });
    const result = buildContent(
      new Map([
        ['articles/a.md', bombed],
        ['articles/b.md', reused],
        ['topics.yaml', TINY_TOPICS],
      ]),
    );
    expect(problems(result)).toEqual([`articles/a.md:11: ${ALIASES_PROBLEM}`]);

    const alone = buildContent(
      new Map([
        ['articles/b.md', reused],
        ['topics.yaml', TINY_TOPICS],
      ]),
    );
    expect(alone.ok && alone.content.articleById.get('b')?.notice).toBe('Author (Outlet)');
  });
});
