/**
 * Loads and validates the content folder: `articles/*.md` and `topics.yaml`.
 * `content:check`, the CLI and the bot all go through here, so they agree on what is valid.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { idForFile, parseArticle } from './article.js';
import { labelKey, uniqueLabels } from './labels.js';
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
import { parseYamlWith } from './yaml.js';

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
    return { file: ARTICLES_DIR, line: 1, message };
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

/**
 * Reports each pinned passage that does not exist. A passage of an article that has problems of
 * its own is not reported: that article is named once instead, since its passages cannot be checked.
 */
function checkPinned(
  pinned: readonly { id: string; line: number }[],
  passages: ReadonlyMap<string, Passage>,
  failed: ReadonlySet<string>,
  problems: ContentProblem[],
): void {
  const named = new Set<string>();
  for (const { id, line } of pinned) {
    if (passages.has(id)) continue;
    const articleId = id.split('#')[0] ?? id;
    if (!failed.has(articleId)) {
      problems.push({ file: TOPICS_FILE, line, message: `unknown passage "${id}"` });
    } else if (!named.has(articleId)) {
      named.add(articleId);
      problems.push({
        file: TOPICS_FILE,
        line,
        message: `article ${articleId} has problems; its passages cannot be checked`,
      });
    }
  }
}

function parseTopics(
  source: string,
  passages: ReadonlyMap<string, Passage>,
  failed: ReadonlySet<string>,
  problems: ContentProblem[],
): Topic[] {
  const file = TOPICS_FILE;
  const parsed = parseYamlWith(file, source, topicsSchema, problems);
  if (!parsed) return [];
  const seen = new Map<string, number>();
  const pins = parsed.data.topics.flatMap((t, i) =>
    t.pinned.map((id, j) => ({ id, line: parsed.lineOf(['topics', i, 'pinned', j]) })),
  );
  const topics = parsed.data.topics.map((t, i) => {
    const line = parsed.lineOf(['topics', i, 'id']);
    const first = seen.get(t.id);
    if (first !== undefined)
      problems.push({ file, line, message: `duplicate topic id "${t.id}" (first on line ${first})` });
    else seen.set(t.id, line);
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
        line: parsed.lineOf(['topics', i, 'prompts', level]),
      })),
    };
  });
  checkPinned(pins, passages, failed, problems);
  return topics;
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
    problems.push({ file, line: 1, message: `could not be parsed (${errorLine(error)})` });
    return undefined;
  }
}

/**
 * The articles with labels unique among them (see labels.ts). Two editors' `short` labels that
 * are equal are a problem on the second one's line, in file order.
 */
function withUniqueLabels(
  articles: readonly Article[],
  shortLines: ReadonlyMap<string, number>,
  problems: ContentProblem[],
): Article[] {
  const explicit = new Map<string, string>();
  const firstWith = new Map<string, Article>();
  for (const a of articles) {
    const line = shortLines.get(a.id);
    if (line === undefined) continue;
    explicit.set(a.id, a.short);
    const other = firstWith.get(labelKey(a.short));
    if (other === undefined) firstWith.set(labelKey(a.short), a);
    else
      problems.push({
        file: a.file,
        line,
        message: `\`short\` "${a.short}" is also the label of ${other.file}: give each article its own`,
      });
  }
  const labels = uniqueLabels(articles, explicit);
  return articles.map((a) => ({ ...a, short: labels.get(a.id) ?? a.short }));
}

interface ParsedArticles {
  readonly articles: Article[];
  /** Lines of editors' `short` labels, by article id. */
  readonly shortLines: Map<string, number>;
  /** Ids of the articles that have problems, so that references to them are reported once. */
  readonly failed: Set<string>;
}

/**
 * Parses every article file. Each id matches its file's name (parseArticle checks it), so no two
 * articles share an id.
 */
function parseArticles(files: ContentFiles, problems: ContentProblem[]): ParsedArticles {
  const articles: Article[] = [];
  const shortLines = new Map<string, number>();
  const failed = new Set<string>();
  for (const [file, source] of files) {
    if (typeof source !== 'string') {
      problems.push(source);
      if (file.startsWith(`${ARTICLES_DIR}/`)) failed.add(idForFile(file));
      continue;
    }
    if (!file.startsWith(`${ARTICLES_DIR}/`)) continue;
    const parsed = guarded(file, problems, () => parseArticle(file, source, problems));
    if (!parsed?.article) {
      failed.add(idForFile(file)).add(parsed?.id ?? idForFile(file));
      continue;
    }
    if (parsed.shortLine !== undefined) shortLines.set(parsed.article.id, parsed.shortLine);
    articles.push(parsed.article);
  }
  for (const a of articles) failed.delete(a.id);
  return { articles, shortLines, failed };
}

/** Validates a set of content files and builds the content, or lists every problem. */
export function buildContent(files: ContentFiles): LoadResult {
  const problems: ContentProblem[] = [];
  const { articles, shortLines, failed } = parseArticles(files, problems);
  const labelled = withUniqueLabels(articles, shortLines, problems);
  if (articles.length === 0 && problems.length === 0) {
    problems.push({ file: ARTICLES_DIR, line: 1, message: 'no articles: add at least one .md file' });
  }
  const passages = new Map(labelled.flatMap((a) => a.passages.map((p) => [p.id, p] as const)));
  const topicsSource = files.get(TOPICS_FILE);
  let topics: Topic[] = [];
  if (topicsSource === undefined) problems.push({ file: TOPICS_FILE, line: 1, message: 'file is missing' });
  else if (typeof topicsSource === 'string')
    topics =
      guarded(TOPICS_FILE, problems, () => parseTopics(topicsSource, passages, failed, problems)) ?? [];
  const templatesSource = files.get(TEMPLATES_FILE);
  const templates =
    typeof templatesSource === 'string'
      ? (guarded(TEMPLATES_FILE, problems, () => parseTemplates(templatesSource, problems)) ?? [])
      : [];

  if (problems.length > 0) return { ok: false, problems };
  labelled.sort((a, b) => a.id.localeCompare(b.id));
  return {
    ok: true,
    content: {
      articles: labelled,
      topics,
      templates,
      passages,
      articleById: new Map(labelled.map((a) => [a.id, a])),
    },
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
      problems: [{ file: '.', line: 1, message: `could not be loaded (${errorLine(error)})` }],
    };
  }
}
