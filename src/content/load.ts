/**
 * Loads and validates the content folder: `articles/*.md` and `topics.yaml`.
 * `content:check`, the CLI and the bot all go through here, so they agree on what is valid.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArticle } from './article.js';
import { isEditorFile, readContentFile } from './read.js';
import { topicsSchema } from './schema.js';
import { parseTemplates, TEMPLATES_FILE } from './templates.js';
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

/**
 * Source files of a content folder, as `relative path → text`, or the problem that kept a file
 * from being read (a folder named `x.md`, a dangling link, a file too big or not UTF-8).
 */
export type ContentFiles = ReadonlyMap<string, string | ContentProblem>;

/** The article files' names in `articles/`, in name order, leaving out editors' files. */
async function articleNames(dir: string): Promise<string[] | ContentProblem> {
  try {
    const names = await readdir(path.join(dir, ARTICLES_DIR));
    return names.filter((n) => n.endsWith('.md') && !isEditorFile(n)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A missing folder is reported by buildContent as "no articles".
    if (code === 'ENOENT') return [];
    const message =
      code === 'ENOTDIR'
        ? 'is a file, not a folder: articles go in a folder `articles`'
        : `cannot be read (${code})`;
    return { file: ARTICLES_DIR, line: 0, message };
  }
}

/** Reads `articles/*.md` and `topics.yaml`. Never throws: what cannot be read is a problem. */
export async function readContentFiles(dir: string): Promise<ContentFiles> {
  const files = new Map<string, string | ContentProblem>();
  const names = await articleNames(dir);
  if (!Array.isArray(names)) files.set(ARTICLES_DIR, names);
  else {
    for (const name of names) {
      const file = `${ARTICLES_DIR}/${name}`;
      // An article removed since the folder was listed is simply gone.
      const read = await readContentFile(dir, file);
      if (read !== undefined) files.set(file, read);
    }
  }
  // A missing topics.yaml is reported by buildContent.
  const topics = await readContentFile(dir, TOPICS_FILE);
  if (topics !== undefined) files.set(TOPICS_FILE, topics);
  // templates.yaml is optional: without it, articles outside every topic get no prompt.
  const templates = await readContentFile(dir, TEMPLATES_FILE);
  if (templates !== undefined) files.set(TEMPLATES_FILE, templates);
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
  const parsed = topicsSchema.safeParse(yaml.data);
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

/** The first line of an unexpected error's message, for a one-line problem. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? '';
}

/** Runs one file's parser: a failure nobody foresaw is that file's problem, not a crash. */
function guarded<T>(file: string, problems: ContentProblem[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    problems.push({ file, line: 0, message: `could not be parsed (${errorLine(error)})` });
    return undefined;
  }
}

/** Validates a set of content files and builds the content, or lists every problem. */
export function buildContent(files: ContentFiles): LoadResult {
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  const idLines = new Map<string, string>();
  for (const [file, source] of files) {
    if (typeof source !== 'string') {
      problems.push(source);
      continue;
    }
    if (!file.startsWith(`${ARTICLES_DIR}/`)) continue;
    const parsed = guarded(file, problems, () => parseArticle(file, source, problems));
    if (!parsed?.article) continue;
    const { article, idLine } = parsed;
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
  else if (typeof topicsSource === 'string')
    topics = guarded(TOPICS_FILE, problems, () => parseTopics(topicsSource, passages, problems)) ?? [];
  const templatesSource = files.get(TEMPLATES_FILE);
  const templates =
    typeof templatesSource === 'string'
      ? (guarded(TEMPLATES_FILE, problems, () => parseTemplates(templatesSource, problems)) ?? [])
      : [];

  if (problems.length > 0) return { ok: false, problems };
  articles.sort((a, b) => a.id.localeCompare(b.id));
  return {
    ok: true,
    content: { articles, topics, templates, passages, articleById: new Map(articles.map((a) => [a.id, a])) },
  };
}

/**
 * Reads and validates a content folder. Problems carry paths relative to `dir`. Never rejects:
 * whatever is in the folder, the answer is content or a list of problems.
 */
export async function loadContent(dir: string): Promise<LoadResult> {
  try {
    return buildContent(await readContentFiles(dir));
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: '.', line: 0, message: `could not be loaded (${errorLine(error)})` }],
    };
  }
}
