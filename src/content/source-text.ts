/**
 * The text of an article's original, whatever its format: a `.txt` is its own text; a web page
 * (`.html`), a Word file (`.docx`) and Markdown (`.md`) are read as a reader sees them, one block
 * (paragraph, heading, list item, caption) per line. The importer (src/import) takes its paragraphs
 * from the same walk over the same parser's tree, so the verbatim check compares like with like.
 *
 * Parsing is left to well-kept libraries: linkedom (HTML), mammoth (Word), marked (Markdown).
 */
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { marked } from 'marked';

/** Elements whose text is never read: code, styles, templates, embedded graphics, form controls. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA',
]); // prettier-ignore

/** Elements that start a new block of text (and `BR`, a line break). */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD',
  'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION', 'BODY', 'HTML', 'OPTION', 'SELECT', 'TEXTAREA', 'BUTTON',
]); // prettier-ignore

/** The minimal DOM a text walk needs (linkedom's nodes and the browser's both have it). */
export interface TextNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<TextNode>;
}

/** The part of linkedom's DOM the importer uses (the project compiles without the DOM library). */
export interface DomElement extends TextNode {
  readonly tagName: string;
  readonly childNodes: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  readonly isConnected: boolean;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument extends TextNode {
  readonly body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Runs of whitespace become one space; ends are trimmed. */
export const collapseSpace = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/**
 * The text under `node`, with a line break wherever a block starts or ends (so that two
 * paragraphs never run together) and nothing added between inline elements.
 */
export function blockText(node: TextNode): string {
  const parts: string[] = [];
  const walk = (n: TextNode): void => {
    if (n.nodeType === TEXT) {
      parts.push(n.textContent ?? '');
      return;
    }
    if (n.nodeType !== ELEMENT && n.nodeType !== 9 && n.nodeType !== 11) return;
    const tag = n.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    for (const child of Array.from(n.childNodes)) walk(child);
    if (block) parts.push('\n');
  };
  walk(node);
  return parts.join('');
}

/** Parses HTML (a whole page or a fragment) into a linkedom document. */
export function parseDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(page) as { document: DomDocument }).document;
}

const charsetOf = (label: string | undefined): string | undefined => {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
};

/** The character set a page declares in its first bytes: `<meta charset>` or `http-equiv`. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w-]+)/i.exec(head);
  return charsetOf(meta?.[1]);
}

/**
 * A web page's bytes as text: a byte order mark first, then the page's own declaration, then the
 * server's (`headerCharset`), then UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodePage(bytes: Uint8Array, headerCharset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const charset = declaredCharset(bytes) ?? charsetOf(headerCharset);
  if (charset) return new TextDecoder(charset).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A Word file as HTML (mammoth keeps paragraphs, headings, lists, bold and tables). */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return result.value;
}

/** Markdown as HTML, through marked (synchronous). */
export function markdownToHtml(text: string): string {
  return marked.parse(text.replace(/^\uFEFF/, ''), { async: false });
}

/** The kinds of original the verbatim check reads, by file extension. */
export type SourceFormat = 'text' | 'html' | 'docx' | 'markdown' | 'pdf';

export function sourceFormat(file: string): SourceFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'pdf') return 'pdf';
  return 'text';
}

/** Why a PDF is refused: the well-kept PDF library (unpdf) needs Node 22, and this bot runs on Node 20. */
export const PDF_REFUSAL =
  'PDF is not supported yet (its text library needs a newer Node.js): save the article as a web page, .docx or .txt';

/**
 * The text of an original, as the verbatim check compares it. Throws only for a file that its
 * library cannot read (e.g. a .docx that is not a Word file) and for PDF.
 */
export async function sourceText(file: string, bytes: Uint8Array): Promise<string> {
  switch (sourceFormat(file)) {
    case 'html':
      return blockText(parseDocument(decodePage(bytes)));
    case 'docx':
      return blockText(parseDocument(await docxToHtml(bytes)));
    case 'markdown':
      return blockText(parseDocument(markdownToHtml(new TextDecoder().decode(bytes))));
    case 'pdf':
      throw new Error(PDF_REFUSAL);
    case 'text':
      return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  }
}
