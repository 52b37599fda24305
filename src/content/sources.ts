/**
 * The verbatim check: every passage of an article must appear word for word in the article's
 * original text, `content/sources/<name>.txt`, named by the article's `source` field. Whitespace
 * is normalised (line breaks and runs of spaces count as one space); nothing else is. Corrections
 * do not matter here: a passage's `text` is the source wording, before corrections.
 *
 * An original that is a web page (`.html`), a Word file (`.docx`) or Markdown (`.md`) is compared
 * by its text as a reader sees it (src/content/source-text.ts), one block per line. PDF is refused.
 *
 * `npm run content:check` runs it. The bot does not: it never needs the sources to answer.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, type LoadResult } from './load.js';
import { MAX_CONTENT_FILE_BYTES, readContentFile } from './read.js';
import { sourceFormat, sourceText } from './source-text.js';
import type { Article, ContentProblem } from './types.js';

/** How many words of a passage or a source a message quotes at most. */
const QUOTED_WORDS = 8;

/** The result of a load, with the source problems added, and the articles that have no source. */
export interface SourceCheck {
  readonly result: LoadResult;
  /** Files (relative to the content folder) of the articles without a `source`, in article order. */
  readonly unchecked: readonly string[];
}

/** Runs of whitespace become one space; ends are trimmed. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The line `content:check` prints for an article that has no source. */
export function uncheckedNote(file: string): string {
  return `note: ${file} is not checked against a source (add \`source: sources/<name>.txt\` to its front matter)`;
}

/** Up to QUOTED_WORDS words ending at `end`, in quotes, with "…" where words were left out before. */
const before = (words: readonly string[], end: number): string => {
  const start = Math.max(0, end - QUOTED_WORDS);
  return `“${start > 0 ? '…' : ''}${words.slice(start, end).join(' ')}”`;
};

/** Up to QUOTED_WORDS words from `start`, in quotes, with "…" where words were left out after. */
const after = (words: readonly string[], start: number): string => {
  const end = Math.min(words.length, start + QUOTED_WORDS);
  return `“${words.slice(start, end).join(' ')}${end < words.length ? '…' : ''}”`;
};

/** Where the passage stops matching the source: the last words that match, and what each has next. */
function firstDifference(passage: string, source: string): string {
  const words = passage.split(' ');
  // The longest prefix (in words) found in the source. If k words are found, so are k - 1.
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (source.includes(words.slice(0, mid).join(' '))) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return `its first words are not in the source: ${after(words, 0)}`;
  const prefix = words.slice(0, lo).join(' ');
  const sourceNext = source
    .slice(source.indexOf(prefix) + prefix.length)
    .split(' ')
    .filter(Boolean);
  return (
    `it differs after ${before(words, lo)}: the article goes on ${after(words, lo)}, ` +
    (sourceNext.length === 0 ? 'the source ends there' : `the source ${after(sourceNext, 0)}`)
  );
}

/** A problem for each passage of `article` that is not in `sourceText`, on the passage's line. */
export function passageProblems(article: Article, sourceFile: string, sourceText: string): ContentProblem[] {
  const source = normaliseSpace(sourceText);
  return article.passages
    .map((p) => ({ p, text: normaliseSpace(p.text) }))
    .filter(({ text }) => !source.includes(text))
    .map(({ p, text }) => ({
      file: article.file,
      line: p.line,
      message: `paragraph ${p.paragraph} is not word for word in ${sourceFile}: ${firstDifference(text, source)}`,
    }));
}

const NOT_FOUND = (file: string): { problem: string } => ({
  problem: `source file not found: ${file} (put the article's original text there, or remove \`source\`)`,
});

/** The text of a web page, Word or Markdown original, or why it cannot be read. */
async function readDocumentSource(
  dir: string,
  file: string,
): Promise<{ text: string } | { problem: string }> {
  const full = path.join(dir, file);
  const info = await stat(full).catch(() => undefined);
  if (!info) return NOT_FOUND(file);
  if (!info.isFile()) return { problem: `source ${file} is not a file` };
  if (info.size > MAX_CONTENT_FILE_BYTES) return { problem: `source ${file} is over the 8 MB limit` };
  try {
    return { text: await sourceText(file, new Uint8Array(await readFile(full))) };
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { problem: `source ${file} cannot be read: ${why}` };
  }
}

/** Reads a source file through the content reader (size limit, links, UTF-8), or says why not. */
async function readSource(dir: string, file: string): Promise<{ text: string } | { problem: string }> {
  if (sourceFormat(file) !== 'text') return readDocumentSource(dir, file);
  const read = await readContentFile(dir, file);
  if (read === undefined) return NOT_FOUND(file);
  if (typeof read !== 'string')
    return { problem: `source ${read.line > 0 ? formatProblem(read) : `${file} ${read.message}`}` };
  return { text: read };
}

/**
 * Checks every article that names a source against it. A valid load whose passages are all in
 * their sources stays valid; any mismatch or unusable source makes it a list of problems.
 */
export async function checkSources(dir: string, loaded: LoadResult): Promise<SourceCheck> {
  if (!loaded.ok) return { result: loaded, unchecked: [] };
  const { articles } = loaded.content;
  const problems: ContentProblem[] = [];
  for (const article of articles) {
    if (!article.source) continue;
    const read = await readSource(dir, article.source.file);
    if ('problem' in read)
      problems.push({ file: article.file, line: article.source.line, message: read.problem });
    else problems.push(...passageProblems(article, article.source.file, read.text));
  }
  const unchecked = articles.filter((a) => !a.source).map((a) => a.file);
  return { result: problems.length > 0 ? { ok: false, problems } : loaded, unchecked };
}
