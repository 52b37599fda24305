import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';
import { DEFAULT_CONTEXT_RADIUS, passageContext, type PassageContext } from '../../src/core/context.js';

const articleFile = (id: string, paragraphs: number): string =>
  [
    '---',
    `id: ${id}`,
    'title: T',
    'authors: [Ann Writer]',
    'outlet: O',
    'kind: news',
    'perspective: P',
    'summary: S.',
    '---',
    ...Array.from({ length: paragraphs }, (_, i) => `\n${id} paragraph ${i + 1}.`),
  ].join('\n');

// Article "a" has 5 passages, "b" has 3; ids sort "a" before "b".
function content(): Content {
  const r = buildContent(
    new Map([
      ['articles/a.md', articleFile('a', 5)],
      ['articles/b.md', articleFile('b', 3)],
      [
        'topics.yaml',
        'topics:\n  - id: t\n    title: T\n    terms: [x]\n    prompts: {understand: U, analyze: A, evaluate: E}\n',
      ],
    ]),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.content;
}

/** The context as passage ids, for compact assertions. */
function ids(ctx: PassageContext | null): { before: string[]; passage: string; after: string[] } | null {
  if (!ctx) return null;
  return { before: ctx.before.map((p) => p.id), passage: ctx.passage.id, after: ctx.after.map((p) => p.id) };
}

describe('passageContext', () => {
  const c = content();

  it('defaults to one passage on each side', () => {
    expect(DEFAULT_CONTEXT_RADIUS).toBe(1);
    expect(ids(passageContext(c, 'a#3'))).toEqual({ before: ['a#2'], passage: 'a#3', after: ['a#4'] });
  });

  it('returns the passage object itself', () => {
    expect(passageContext(c, 'a#3')?.passage).toBe(c.passages.get('a#3'));
  });

  it('has nothing before the first passage', () => {
    expect(ids(passageContext(c, 'a#1'))).toEqual({ before: [], passage: 'a#1', after: ['a#2'] });
  });

  it('has nothing after the last passage', () => {
    expect(ids(passageContext(c, 'a#5'))).toEqual({ before: ['a#4'], passage: 'a#5', after: [] });
  });

  it('takes two on each side with radius 2, in reading order', () => {
    expect(ids(passageContext(c, 'a#3', 2))).toEqual({
      before: ['a#1', 'a#2'],
      passage: 'a#3',
      after: ['a#4', 'a#5'],
    });
  });

  it('takes none with radius 0, or a negative radius, and rounds a fraction down', () => {
    expect(ids(passageContext(c, 'a#3', 0))).toEqual({ before: [], passage: 'a#3', after: [] });
    expect(ids(passageContext(c, 'a#3', -2))).toEqual({ before: [], passage: 'a#3', after: [] });
    expect(ids(passageContext(c, 'a#3', 1.9))).toEqual({ before: ['a#2'], passage: 'a#3', after: ['a#4'] });
  });

  it('returns null for an unknown passage id', () => {
    expect(passageContext(c, 'a#6')).toBeNull();
    expect(passageContext(c, 'zzz#1')).toBeNull();
    expect(passageContext(c, '')).toBeNull();
  });

  it('never crosses into another article', () => {
    expect(ids(passageContext(c, 'a#5', 10))).toEqual({
      before: ['a#1', 'a#2', 'a#3', 'a#4'],
      passage: 'a#5',
      after: [],
    });
    expect(ids(passageContext(c, 'b#1', 10))).toEqual({ before: [], passage: 'b#1', after: ['b#2', 'b#3'] });
  });
});
