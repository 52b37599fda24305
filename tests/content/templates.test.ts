import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, formatProblem, loadContent } from '../../src/content/load.js';
import {
  fillTemplate,
  MAX_TEMPLATE_LENGTH,
  parseTemplates,
  TEMPLATE_PLACEHOLDERS,
} from '../../src/content/templates.js';
import type { ContentProblem } from '../../src/content/types.js';
import { articleFile, TEST_CONTENT_DIR, TINY_TOPICS } from '../helpers/content.js';

const lines = (...ls: string[]): string => ls.join('\n');

/** Line numbers on the right: problems point at them. */
const VALID = lines(
  '# a comment', //                                              1
  'templates:', //                                               2
  '  understand:', //                                            3
  '    - What does {author} say about “{topic}”?', //            4
  '    - What is the point of “{title}”?', //                    5
  '  analyze:', //                                               6
  '    - How does {label} reason on {topic}?', //                7
  '  evaluate:', //                                              8
  '    - How well supported is {author}?', //                    9
);

function parse(source: string): { templates: ReturnType<typeof parseTemplates>; problems: string[] } {
  const problems: ContentProblem[] = [];
  const templates = parseTemplates(source, problems);
  return { templates, problems: problems.map(formatProblem) };
}

describe('parseTemplates', () => {
  it('reads each level’s questions in order, with the line of each', () => {
    expect(parse(VALID)).toEqual({
      problems: [],
      templates: [
        { level: 'understand', text: 'What does {author} say about “{topic}”?', line: 4 },
        { level: 'understand', text: 'What is the point of “{title}”?', line: 5 },
        { level: 'analyze', text: 'How does {label} reason on {topic}?', line: 7 },
        { level: 'evaluate', text: 'How well supported is {author}?', line: 9 },
      ],
    });
  });
  it('names an unknown placeholder at its line, listing the ones there are', () => {
    const { templates, problems } = parse(VALID.replace('{label}', '{speaker}'));
    expect(templates).toEqual([]);
    expect(problems).toEqual([
      'templates.yaml:7: `analyze[]`: placeholders are {author}, {label}, {title}, {topic}',
    ]);
  });
  it('reports a missing or empty level, an empty or too long question and an unknown field', () => {
    const source = lines(
      'templates:', //                                          1
      '  understand: []', //                                    2
      '  analyze:', //                                          3
      "    - ''", //                                            4
      `    - ${'x'.repeat(MAX_TEMPLATE_LENGTH + 1)}`, //        5
      '  remember:', //                                         6
      '    - What?', //                                         7
    );
    expect(parse(source).problems).toEqual([
      'templates.yaml:2: `understand` is empty',
      'templates.yaml:4: `analyze[]` is empty',
      `templates.yaml:5: \`analyze[]\` is over ${MAX_TEMPLATE_LENGTH} characters`,
      // A missing field points at its parent map, an unknown one at its value (as in topics.yaml).
      'templates.yaml:2: missing required field `evaluate` (a list of questions)',
      'templates.yaml:7: unknown field `remember`',
    ]);
  });
  it('reports broken YAML at its line, and a file without `templates`', () => {
    expect(parse(lines('templates:', '  understand: [a', '  analyze: b')).problems[0]).toMatch(
      /^templates\.yaml:[23]: YAML: /,
    );
    expect(parse('other: 1\n').problems).toEqual([
      'templates.yaml:1: missing required field `templates` (understand, analyze and evaluate)',
      'templates.yaml:1: unknown field `other`',
    ]);
  });
});

describe('fillTemplate', () => {
  const values = { author: 'Ann Author', label: 'Author (Outlet)', title: 'A {title}', topic: 'Gas' };
  it('fills every placeholder, once, without reading placeholders in what it fills in', () => {
    expect(fillTemplate('{author} / {label} / {title} / {topic} / {author}', values)).toBe(
      'Ann Author / Author (Outlet) / A {title} / Gas / Ann Author',
    );
  });
  it('leaves other braces as written', () => {
    expect(fillTemplate('{x} {} {author', values)).toBe('{x} {} {author');
  });
  it('knows exactly the documented placeholders', () => {
    expect(TEMPLATE_PLACEHOLDERS).toEqual(['author', 'label', 'title', 'topic']);
  });
});

describe('templates.yaml in a content folder', () => {
  const files = (templates?: string) => {
    const out = new Map<string, string>([
      ['articles/alpha.md', articleFile({ id: 'alpha', body: 'The gas pipeline.' })],
      ['topics.yaml', TINY_TOPICS],
    ]);
    if (templates !== undefined) out.set('templates.yaml', templates);
    return out;
  };
  it('is optional: without it there are no templates', () => {
    const r = buildContent(files());
    expect(r.ok && r.content.templates).toEqual([]);
  });
  it('is loaded with the content', () => {
    const r = buildContent(files(VALID));
    expect(r.ok && r.content.templates.map((t) => t.line)).toEqual([4, 5, 7, 9]);
  });
  it('makes the content invalid when it has a problem, as topics.yaml does', () => {
    const r = buildContent(files(VALID.replace('{title}', '{name}')));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'templates.yaml:5: `understand[]`: placeholders are {author}, {label}, {title}, {topic}',
    ]);
  });
  it('the content under test has a valid templates.yaml with questions at each level, or none', async () => {
    const r = await loadContent(TEST_CONTENT_DIR);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const levels = new Set(r.content.templates.map((t) => t.level));
    expect([0, 3]).toContain(levels.size);
    for (const t of r.content.templates) {
      const source = readFileSync(path.join(TEST_CONTENT_DIR, 'templates.yaml'), 'utf8');
      expect(source.split('\n')[t.line - 1]).toContain(t.text);
    }
  });
});
