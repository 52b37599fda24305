/**
 * Builds small content sets for tests, through the real parser and validator, and loads the shipped
 * content (or, with TEST_CONTENT_DIR, another copy of it: see tests/content/teacher-edit.test.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildContent, loadContent } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';
import { buildLibrary, type Library } from '../../src/core/index.js';

export interface TinyArticle {
  id: string;
  body: string;
  extra?: string;
  /** Leave out the title (then `extra` must give a `description`). */
  untitled?: boolean;
}

/** An article file with just the required front matter, plus `extra` YAML lines. */
export function articleFile({ id, body, extra = '', untitled = false }: TinyArticle): string {
  return [
    '---',
    `id: ${id}`,
    ...(untitled ? [] : [`title: Title of ${id}`]),
    'authors: [Ann Author]',
    'outlet: The Outlet',
    'date: 2025-02',
    'kind: opinion',
    `perspective: View of ${id}`,
    `summary: Summary of ${id}.`,
    extra,
    '---',
    '',
    body,
  ].join('\n');
}

export const TINY_TOPICS = `topics:
  - id: gas
    title: Gas and pipelines
    terms: [gas pipeline, natural gas]
    prompts:
      understand: What does each say about gas?
      analyze: How do they differ on gas?
      evaluate: Who is right about gas?
  - id: bread
    title: Bread
    terms: [bread]
    prompts:
      understand: What about bread?
      analyze: Compare bread.
      evaluate: Judge bread.
`;

export function tinyContent(articles: TinyArticle[], topics = TINY_TOPICS): Content {
  const files = new Map<string, string>(articles.map((a) => [`articles/${a.id}.md`, articleFile(a)]));
  files.set('topics.yaml', topics);
  const result = buildContent(files);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return result.content;
}

/**
 * The content folder the tests about shipped content use: `content/`, or TEST_CONTENT_DIR when set
 * (a copy a teacher has edited). The e2e harness passes it to the bot as CONTENT_DIR.
 */
export const TEST_CONTENT_DIR = path.resolve(process.env.TEST_CONTENT_DIR ?? 'content');

/**
 * Whether the content under test has this article. Tests about one shipped article's own passages
 * run only while it is there, so removing that article (as the README describes) skips just them.
 */
export function hasArticle(id: string): boolean {
  return existsSync(path.join(TEST_CONTENT_DIR, 'articles', `${id}.md`));
}

let real: Promise<Library> | undefined;

/** The content under test (see TEST_CONTENT_DIR), loaded once per test file. */
export function realLibrary(): Promise<Library> {
  real ??= loadContent(TEST_CONTENT_DIR).then((r) => {
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    return buildLibrary(r.content);
  });
  return real;
}
