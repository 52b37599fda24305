/**
 * The guides say what the validator checks: the README's content tables and the guide at the top
 * of content/topics.yaml name every field and state the limits in src/content/schema.ts, so that a
 * limit changed in one place and not the other fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_LIMITS, frontMatterSchema, topicsSchema } from '../../src/content/schema.js';
import { ARTICLE_KINDS } from '../../src/content/types.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(path.join(REPO, 'README.md'), 'utf8');
// The repository's own guide, whatever content a test run is pointed at.
const TOPICS_GUIDE = readFileSync(path.join(REPO, 'content', 'topics.yaml'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('#'))
  .join('\n');

/** The row of a README table that documents `field`, under the heading `section`. */
function readmeRow(section: string, field: string): string {
  const start = README.indexOf(`### ${section}\n`);
  expect(start, `README has a section "${section}"`).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('\n### ', start + 1);
  const rows = README.slice(start, end).split('\n');
  const row = rows.find((l) => l.startsWith(`| \`${field}\``));
  expect(row, `README "${section}" documents \`${field}\``).toBeDefined();
  return row ?? '';
}

/** The guide's entry for a topic field: its line and the indented lines under it. */
function guideEntry(field: string): string {
  const match = new RegExp(`^# {3}${field} [\\s\\S]*?(?=\\n# {3}\\w|\\n#\\s*\\n)`, 'm').exec(TOPICS_GUIDE);
  expect(match, `the topics guide documents ${field}`).not.toBeNull();
  return (match?.[0] ?? '').replace(/\n#\s+/g, ' ');
}

const TOPIC_FIELDS = Object.keys(topicsSchema.shape.topics.element.shape);

describe('the README documents every article field with its limits', () => {
  it('has a row for each front-matter field the schema knows', () => {
    for (const field of Object.keys(frontMatterSchema.shape)) readmeRow('An article file', field);
  });

  it('lists every kind and the `short` limit', () => {
    const kinds = readmeRow('An article file', 'kind');
    for (const kind of ARTICLE_KINDS) expect(kinds).toContain(`\`${kind}\``);
    expect(readmeRow('An article file', 'short')).toContain(`at most ${CONTENT_LIMITS.shortMax} characters`);
  });
});

describe('the README and the topics guide state the topic limits the validator checks', () => {
  it('has a README row and a guide entry for each topic field', () => {
    expect(TOPIC_FIELDS).toEqual(['id', 'title', 'terms', 'pinned', 'prompts']);
    for (const field of TOPIC_FIELDS) {
      readmeRow('Topics', field);
      guideEntry(field);
    }
  });

  it('gives the same numbers as the schema', () => {
    const { topicTitleMax, topicTermsMin, topicTermsMax, topicTermMax, promptMax } = CONTENT_LIMITS;
    const title = `1 to ${topicTitleMax} characters`;
    const terms = `${topicTermsMin} to ${topicTermsMax} short search queries`;
    const term = `at most ${topicTermMax} characters`;
    const prompt = `1 to ${promptMax} characters`;
    for (const [text, where] of [
      [readmeRow('Topics', 'title'), 'README'],
      [guideEntry('title'), 'guide'],
    ] as const)
      expect(text, where).toContain(title);
    for (const text of [readmeRow('Topics', 'terms'), guideEntry('terms')]) {
      expect(text).toContain(terms);
      expect(text).toContain(term);
    }
    for (const text of [readmeRow('Topics', 'prompts'), guideEntry('prompts')])
      expect(text).toContain(prompt);
  });

  it('states no other number of characters or terms than the schema’s', () => {
    const allowed = new Set(Object.values(CONTENT_LIMITS).map(String));
    for (const text of [TOPICS_GUIDE, readmeSection('### Topics\n')]) {
      const stated = [...text.matchAll(/(\d+) (?:to (\d+) )?(?:short search queries|characters)/g)].flatMap(
        (m) => [m[1], m[2]].filter((n): n is string => n !== undefined && n !== '1'),
      );
      expect(stated.length).toBeGreaterThan(0);
      for (const n of stated) expect(allowed, `${n} is a limit of the schema`).toContain(n);
    }
  });

  it('speaks of articles in general, not of "both articles"', () => {
    expect(TOPICS_GUIDE).not.toMatch(/\bboth articles\b/i);
  });
});

describe('topicsSchema enforces the limits it exports', () => {
  const topic = (over: Record<string, unknown>) => ({
    topics: [
      {
        id: 't',
        title: 'T',
        terms: ['a'],
        prompts: { understand: 'U', analyze: 'A', evaluate: 'E' },
        ...over,
      },
    ],
  });
  const messages = (over: Record<string, unknown>): string[] => {
    const r = topicsSchema.safeParse(topic(over));
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };
  const { topicTermsMax, topicTermMax, promptMax, topicTitleMax } = CONTENT_LIMITS;

  it('takes a topic at every limit', () => {
    expect(
      messages({
        title: 'x'.repeat(topicTitleMax),
        terms: Array.from({ length: topicTermsMax }, (_, i) => `${i}`.padEnd(topicTermMax, 'x')),
        prompts: { understand: 'u'.repeat(promptMax), analyze: 'A', evaluate: 'E' },
      }),
    ).toEqual([]);
  });

  it('refuses one past each limit, saying which', () => {
    expect(messages({ terms: Array.from({ length: topicTermsMax + 1 }, (_, i) => `t${i}`) })).toEqual([
      `\`terms\` has over ${topicTermsMax} entries: keep the few that find the topic best`,
    ]);
    expect(messages({ terms: ['x'.repeat(topicTermMax + 1)] })).toEqual([
      `\`terms[]\` is over ${topicTermMax} characters: a term is a short search query`,
    ]);
    expect(messages({ terms: [] })).toEqual(['`terms` is empty']);
    expect(messages({ title: 'x'.repeat(topicTitleMax + 1) })).toEqual([
      `\`title\` is over ${topicTitleMax} characters`,
    ]);
    expect(
      messages({ prompts: { understand: 'u'.repeat(promptMax + 1), analyze: 'A', evaluate: 'E' } }),
    ).toEqual([`\`prompts.understand\` is over ${promptMax} characters`]);
  });
});

/** One section of the README: from its heading to the next heading of any level. */
function readmeSection(heading: string): string {
  const start = README.indexOf(heading);
  const end = README.slice(start + heading.length).search(/^#{1,3} /m);
  return README.slice(start, end < 0 ? undefined : start + heading.length + end);
}
