/**
 * Loads and validates the content folder: `articles/*.md` and `topics.yaml`.
 * `content:check`, the CLI and the bot all go through here, so they agree on what is valid.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArticle } from './article.js';
import { topicsSchema } from './schema.js';
import {
  PROMPT_LEVELS,
  type Article,
  type Content,
  type ContentProblem,
  type Passage,
  type Topic,
} from './types.js';
import { parseYaml, schemaProblems } from './yaml.js';

export const ARTICLES_DIR = 'articles';
export const TOPICS_FILE = 'topics.yaml';

export type LoadResult = { ok: true; content: Content } | { ok: false; problems: ContentProblem[] };

/** Thrown where a caller cannot go on without content; its message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`Content is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Source files of a content folder, as `relative path → text`. */
export type ContentFiles = ReadonlyMap<string, string>;

export async function readContentFiles(dir: string): Promise<ContentFiles> {
  const files = new Map<string, string>();
  const articleDir = path.join(dir, ARTICLES_DIR);
  let names: string[] = [];
  try {
    names = (await readdir(articleDir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    // Reported by buildContent as "no articles".
  }
  for (const name of names)
    files.set(`${ARTICLES_DIR}/${name}`, await readFile(path.join(articleDir, name), 'utf8'));
  try {
    files.set(TOPICS_FILE, await readFile(path.join(dir, TOPICS_FILE), 'utf8'));
  } catch {
    // Reported by buildContent as a missing file.
  }
  return files;
}

function parseTopics(
  source: string,
  passages: ReadonlyMap<string, Passage>,
  problems: ContentProblem[],
): Topic[] {
  const file = TOPICS_FILE;
  const yaml = parseYaml(file, source, 1, problems);
  if (!yaml) return [];
  const parsed = topicsSchema.safeParse(yaml.doc.toJS());
  if (!parsed.success) {
    problems.push(...schemaProblems(file, parsed.error, yaml.lineOf));
    return [];
  }
  const seen = new Map<string, number>();
  return parsed.data.topics.map((t, i) => {
    const line = yaml.lineOf(['topics', i, 'id']);
    const first = seen.get(t.id);
    if (first !== undefined)
      problems.push({ file, line, message: `duplicate topic id "${t.id}" (first on line ${first})` });
    else seen.set(t.id, line);
    t.pinned.forEach((id, j) => {
      if (!passages.has(id)) {
        problems.push({
          file,
          line: yaml.lineOf(['topics', i, 'pinned', j]),
          message: `unknown passage "${id}"`,
        });
      }
    });
    return {
      id: t.id,
      title: t.title,
      terms: t.terms,
      pinned: t.pinned,
      prompts: PROMPT_LEVELS.map((level) => ({
        id: `${t.id}:${level}`,
        topicId: t.id,
        level,
        text: t.prompts[level],
        line: yaml.lineOf(['topics', i, 'prompts', level]),
      })),
    };
  });
}

/** Validates a set of content files and builds the content, or lists every problem. */
export function buildContent(files: ContentFiles): LoadResult {
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  const idLines = new Map<string, string>();
  for (const [file, source] of files) {
    if (!file.startsWith(`${ARTICLES_DIR}/`)) continue;
    const { article, idLine } = parseArticle(file, source, problems);
    if (!article) continue;
    const first = idLines.get(article.id);
    if (first !== undefined) {
      problems.push({
        file,
        line: idLine,
        message: `duplicate article id "${article.id}" (also in ${first})`,
      });
      continue;
    }
    idLines.set(article.id, `${file}:${idLine}`);
    articles.push(article);
  }
  if (articles.length === 0 && problems.length === 0) {
    problems.push({ file: ARTICLES_DIR, line: 0, message: 'no articles: add at least one .md file' });
  }
  const passages = new Map(articles.flatMap((a) => a.passages.map((p) => [p.id, p] as const)));
  const topicsSource = files.get(TOPICS_FILE);
  let topics: Topic[] = [];
  if (topicsSource === undefined) problems.push({ file: TOPICS_FILE, line: 0, message: 'file is missing' });
  else topics = parseTopics(topicsSource, passages, problems);

  if (problems.length > 0) return { ok: false, problems };
  articles.sort((a, b) => a.id.localeCompare(b.id));
  return {
    ok: true,
    content: { articles, topics, passages, articleById: new Map(articles.map((a) => [a.id, a])) },
  };
}

/** Reads and validates a content folder. Problems carry paths relative to `dir`. */
export async function loadContent(dir: string): Promise<LoadResult> {
  return buildContent(await readContentFiles(dir));
}
