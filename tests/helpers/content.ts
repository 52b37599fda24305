/** Builds small content sets for tests, through the real parser and validator. */
import { buildContent, loadContent } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';
import { buildCore, type Core } from '../../src/core/index.js';

export interface TinyArticle {
  id: string;
  body: string;
  extra?: string;
}

/** An article file with just the required front matter, plus `extra` YAML lines. */
export function articleFile({ id, body, extra = '' }: TinyArticle): string {
  return [
    '---',
    `id: ${id}`,
    `title: Title of ${id}`,
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

let real: Promise<Core> | undefined;

/** The repository's own content, loaded once per test file. */
export function realCore(): Promise<Core> {
  real ??= loadContent('content').then((r) => {
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    return buildCore(r.content);
  });
  return real;
}
