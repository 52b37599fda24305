/**
 * An input (a file's bytes, or a URL) → its format, bytes and draft. Decides the format by the
 * file name, or for a URL by the server's Content-Type (then the address's extension).
 */
import { decodePage, parseDocument, PDF_REFUSAL } from '../content/source-text.js';
import { collapse, type Draft, type DraftMeta } from './draft.js';
import { ImportError } from './errors.js';
import { fetchPage } from './fetch.js';
import { mainText } from './html.js';
import { bylineNames, pageMeta } from './metadata.js';
import { readDocx, readMarkdown, readPlainText } from './text.js';

export type ImportInput =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'url'; readonly url: string };

/** The formats the importer reads, by the extension its saved original gets. */
export type Extension = 'html' | 'txt' | 'md' | 'docx';

export interface ReadInput {
  readonly ext: Extension;
  readonly bytes: Uint8Array;
  readonly draft: Draft;
  /** Where it came from, for the article's comment and the provenance note. */
  readonly origin: string;
  readonly finalUrl?: string;
  /** A name to make the id from when there is no title. */
  readonly baseName: string;
}

const megabytes = (bytes: number): string => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

const SUPPORTED = 'a web page (.html), .txt, .md or .docx';

function extensionOfName(name: string): Extension {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') throw new ImportError(PDF_REFUSAL);
  if (ext === 'doc') throw new ImportError('Old Word files (.doc) cannot be read: save it as .docx');
  throw new ImportError(`Cannot import "${name.slice(0, 80)}": give ${SUPPORTED}.`);
}

const MEDIA_TYPES: Readonly<Record<string, Extension>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

function extensionOfResponse(mediaType: string, url: string): Extension {
  const known = MEDIA_TYPES[mediaType];
  if (known) return known;
  if (mediaType === 'application/pdf') throw new ImportError(PDF_REFUSAL);
  try {
    return extensionOfName(new URL(url).pathname);
  } catch {
    throw new ImportError(`The address gave ${mediaType || 'an unknown type'}, not ${SUPPORTED}.`);
  }
}

/** A byline's names, when the text has a byline and no other author. */
function withBylineAuthors(meta: DraftMeta): DraftMeta {
  if (meta.authors.length > 0 || !meta.byline) return meta;
  return { ...meta, authors: bylineNames(meta.byline) };
}

/** Text that is mostly not text: NUL bytes, control characters or undecodable bytes. */
const looksBinary = (text: string): boolean => {
  const sample = text.slice(0, 20_000);
  // eslint-disable-next-line no-control-regex
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.includes('\u0000') || odd > sample.length / 100;
};

function readHtml(bytes: Uint8Array, pageUrl: string | undefined, charset: string | undefined): Draft {
  const uncertain: string[] = [];
  const html = decodePage(bytes, charset);
  if (looksBinary(html)) throw new ImportError('This is not a web page: it does not read as text.');
  if (charset && html !== decodePage(bytes))
    uncertain.push(
      `the server said the page is in ${charset} but the page does not say so: content:check may read it differently`,
    );
  const { byline, blocks } = mainText(parseDocument(html), uncertain);
  const meta = pageMeta(parseDocument(html), pageUrl, byline, uncertain);
  return { meta, blocks, uncertain };
}

async function readFileBytes(
  ext: Extension,
  bytes: Uint8Array,
  pageUrl?: string,
  charset?: string,
): Promise<Draft> {
  if (ext === 'html') return readHtml(bytes, pageUrl, charset);
  const uncertain: string[] = [];
  if (ext === 'docx') {
    const read = await readDocx(bytes, uncertain).catch(() => {
      throw new ImportError(
        'This .docx file could not be read: is it a Word document? Save it again as .docx.',
      );
    });
    return { meta: withBylineAuthors(read.meta), blocks: read.blocks, uncertain };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('This text file is not UTF-8: save it as UTF-8 text and try again.');
  }
  const read = ext === 'md' ? readMarkdown(text, uncertain) : readPlainText(text, uncertain);
  const meta = pageUrl ? { ...read.meta, url: pageUrl } : read.meta;
  return { meta: withBylineAuthors(meta), blocks: read.blocks, uncertain };
}

export interface ReadOptions {
  readonly allowLoopback: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/** Reads an input. Throws only ImportError. */
export async function readInput(input: ImportInput, options: ReadOptions): Promise<ReadInput> {
  if (input.kind === 'file') {
    const ext = extensionOfName(input.name);
    if (input.bytes.length > options.maxBytes)
      throw new ImportError(
        `The file is ${megabytes(input.bytes.length)}, over the ${megabytes(options.maxBytes)} limit.`,
      );
    if (input.bytes.length === 0) throw new ImportError('The file is empty.');
    const baseName = input.name.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '');
    const draft = await readFileBytes(ext, input.bytes);
    return {
      ext,
      bytes: input.bytes,
      draft,
      origin: `the file "${collapse(input.name.replace(/^.*[/\\]/, ''))}"`,
      baseName,
    };
  }
  const fetched = await fetchPage(input.url, options);
  const ext = extensionOfResponse(fetched.mediaType, fetched.finalUrl);
  const draft = await readFileBytes(ext, fetched.bytes, fetched.finalUrl, fetched.charset);
  const baseName =
    new URL(fetched.finalUrl).pathname
      .split('/')
      .filter(Boolean)
      .at(-1)
      ?.replace(/\.[^.]*$/, '') ?? 'article';
  return {
    ext,
    bytes: fetched.bytes,
    draft,
    origin: `<${input.url.trim()}>`,
    ...(fetched.finalUrl !== new URL(input.url.trim()).href && { finalUrl: fetched.finalUrl }),
    baseName,
  };
}
