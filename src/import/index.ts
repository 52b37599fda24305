/**
 * The importer: a saved web page, a URL, a .txt, .md or .docx file → an article in the article
 * format, its original saved byte for byte in `sources/`, and a provenance note beside it.
 * Core-side: never imports discord.js, render or bot. `importArticle` never writes.
 */
import { createHash } from 'node:crypto';
import { parseArticle } from '../content/article.js';
import { sourceText } from '../content/source-text.js';
import { passageProblems } from '../content/sources.js';
import type { ContentProblem } from '../content/types.js';
import { articleMarkdown, provenanceNote, type ArticleFields } from './article-file.js';
import type { Draft, DraftBlock } from './draft.js';
import { ImportError } from './errors.js';
import { decideFields } from './fields.js';
import { existingIds, uniqueId } from './ids.js';
import { readInput, type ImportInput } from './read-input.js';

export { ImportError } from './errors.js';
export { removeArticle, writeImport } from './write.js';
import type { Writable } from './write.js';
export type { ImportInput } from './read-input.js';
export type { ContentProblem } from '../content/types.js';

export interface ImportOptions {
  /** The content folder (articles/, sources/, topics.yaml). */
  readonly contentDir: string;
  /** Default false: URLs resolving to private, link-local or loopback addresses are refused. Tests set true. */
  readonly allowLoopback?: boolean;
  /** URL fetch timeout, default 15000 ms. */
  readonly timeoutMs?: number;
  /** Input size limit, default 8 MB. */
  readonly maxBytes?: number;
  /** Wanted article id (slug); default derived from the title or file name, made unique. */
  readonly id?: string;
}

export interface ImportSummary {
  readonly title?: string;
  readonly authors: readonly string[];
  readonly date?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly kind: string;
  readonly paragraphs: number;
  readonly captions: number;
  readonly headings: number;
  readonly quotes: number;
  readonly fieldsFound: readonly string[];
  readonly fieldsMissing: readonly string[];
  /** Human-readable lines, each also a YAML comment in the article. */
  readonly uncertain: readonly string[];
  /** The first three paragraphs' text. */
  readonly firstPassages: readonly string[];
}

/** The files of an import (see {@link Writable}), what the importer found, and any problems. */
export interface ImportResult extends Writable {
  readonly summary: ImportSummary;
  /** content:check problems of the result as it would load ([] in the common case). */
  readonly problems: readonly ContentProblem[];
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** The fields a summary reports as found or missing. */
const REPORTED_FIELDS = ['title', 'authors', 'date', 'outlet', 'url', 'summary'] as const;

function summarise(
  fields: ArticleFields,
  blocks: readonly DraftBlock[],
  uncertain: readonly string[],
): ImportSummary {
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
  const found = REPORTED_FIELDS.filter((f) =>
    f === 'authors'
      ? fields.authors.length > 0 || fields.organisation !== undefined
      : fields[f] !== undefined,
  );
  return {
    ...(fields.title !== undefined && { title: fields.title }),
    authors: fields.organisation === undefined ? fields.authors : [fields.organisation],
    ...(fields.date !== undefined && { date: fields.date }),
    ...(fields.outlet !== undefined && { outlet: fields.outlet }),
    ...(fields.url !== undefined && { url: fields.url }),
    kind: fields.kind,
    paragraphs: paragraphs.length,
    captions: blocks.filter((b) => b.kind === 'caption').length,
    headings: blocks.filter((b) => b.kind === 'heading').length,
    quotes: fields.quotes.length,
    fieldsFound: found,
    fieldsMissing: REPORTED_FIELDS.filter((f) => !found.includes(f)),
    uncertain,
    firstPassages: paragraphs.slice(0, 3).map((b) => b.text),
  };
}

/** What content:check would say about the new article and its source, without writing anything. */
async function checkResult(
  articleFile: string,
  markdown: string,
  sourceFile: string,
  bytes: Uint8Array,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const { article } = parseArticle(articleFile, markdown, problems);
  if (!article) return problems;
  try {
    problems.push(...passageProblems(article, sourceFile, await sourceText(sourceFile, bytes)));
  } catch (error) {
    problems.push({
      file: articleFile,
      line: article.source?.line ?? 1,
      message: `source ${sourceFile} cannot be read (${String(error)})`,
    });
  }
  return problems;
}

async function build(
  draft: Draft,
  read: Awaited<ReturnType<typeof readInput>>,
  options: ImportOptions,
): Promise<ImportResult> {
  const taken = await existingIds(options.contentDir);
  const articleId = uniqueId(options.id, draft.meta.title ?? read.baseName, taken);
  const sourceFile = `sources/${articleId}.${read.ext}`;
  const articleFile = `articles/${articleId}.md`;
  const { fields, blocks, voices } = decideFields(draft, articleId, sourceFile, read.baseName);
  const markdown = articleMarkdown(fields, blocks, read.origin, draft.uncertain, voices);
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const provenance = provenanceNote({
    sourceFile,
    articleFile,
    origin: read.origin,
    ...(read.finalUrl !== undefined && { finalUrl: read.finalUrl }),
    fetchedAt: new Date().toISOString(),
    sha256,
  });
  return {
    articleId,
    articleFile,
    markdown,
    sourceFile,
    sourceBytes: read.bytes,
    provenance,
    summary: summarise(fields, blocks, draft.uncertain),
    problems: await checkResult(articleFile, markdown, sourceFile, read.bytes),
  };
}

/** Never writes. Throws only ImportError (with a short user-facing message), never anything else. */
export async function importArticle(input: ImportInput, options: ImportOptions): Promise<ImportResult> {
  try {
    const read = await readInput(input, {
      allowLoopback: options.allowLoopback ?? false,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    });
    if (!read.draft.blocks.some((b) => b.kind === 'paragraph'))
      throw new ImportError('No article text was found in it.');
    return await build(read.draft, read, options);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new ImportError(`The import failed: ${first.slice(0, 200)}`);
  }
}
