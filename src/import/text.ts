/**
 * Plain text, Markdown and Word files → blocks. Plain text is split on blank lines; Markdown and
 * Word go through their libraries (marked, mammoth) to HTML and then the same block walk as a page.
 * A file says little about itself: a short first line with no full stop is taken as its title.
 */
import { docxToHtml, markdownToHtml } from '../content/source-text.js';
import { collapse, type DraftBlock, type DraftMeta } from './draft.js';
import { fragmentBlocks, isCreditLine } from './html.js';

/** A first block that reads as a headline: one short line with no closing full stop. */
const looksLikeTitle = (text: string): boolean =>
  text.length <= 200 && text.split(' ').length <= 25 && !/[.:;,]$/.test(text);

/** "By Jane Doe" as a whole block. */
const BYLINE = /^by\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’.-]*){1,7}$/iu;

/** Takes the title (and a byline under it) from the top of a file's blocks. */
function titleAndByline(
  blocks: DraftBlock[],
  uncertain: string[],
): { meta: DraftMeta; blocks: DraftBlock[] } {
  const meta: DraftMeta = { authors: [] };
  let rest = blocks;
  const first = rest[0];
  if (first && (first.kind === 'heading' || (first.kind === 'paragraph' && looksLikeTitle(first.text)))) {
    meta.title = first.text;
    rest = rest.slice(1);
    if (first.kind !== 'heading') uncertain.push(`the first line "${first.text}" was taken as the title`);
  }
  const second = rest[0];
  if (second?.kind === 'paragraph' && BYLINE.test(second.text)) {
    meta.byline = second.text;
    rest = rest.slice(1);
  }
  return { meta, blocks: rest };
}

/** Plain text: blocks are separated by blank lines; each block's lines make one paragraph. */
export function plainTextBlocks(text: string): DraftBlock[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n\s*\r?\n/)
    .map(collapse)
    .filter((t) => t !== '')
    .map((t) => (isCreditLine(t) ? { kind: 'credit', text: t } : { kind: 'paragraph', text: t }));
}

export interface FileText {
  readonly meta: DraftMeta;
  readonly blocks: DraftBlock[];
}

export function readPlainText(text: string, uncertain: string[]): FileText {
  return titleAndByline(plainTextBlocks(text), uncertain);
}

export function readMarkdown(text: string, uncertain: string[]): FileText {
  return titleAndByline(fragmentBlocks(markdownToHtml(text), uncertain), uncertain);
}

export async function readDocx(bytes: Uint8Array, uncertain: string[]): Promise<FileText> {
  return titleAndByline(fragmentBlocks(await docxToHtml(bytes), uncertain), uncertain);
}
