/**
 * Parses one article file: YAML front matter, then the body.
 *
 * Body markup (see README, "Writing content"):
 * - Blocks are separated by blank lines. Each block is a paragraph, taken literally: no inline markdown.
 * - `## Heading` starts a section. Headings are not passages.
 * - `[caption] …` and `[credit] …` are image captions and photo or publication credits:
 *   kept in the file, never indexed, never quoted.
 * - `[editors]`, `[Q]`, `[A]` and `[author]` switch the voice: the outlet's editors, the interviewer,
 *   the interviewee, the author. The voice holds until the next switch.
 * - `[quote: Name]` marks one paragraph as entirely Name's words, as quoted by the current voice.
 * - A paragraph that really starts with `[` is written `\[`.
 */
import { applyCorrections } from './corrections.js';
import { definedFields } from './fields.js';
import { labelCandidates } from './labels.js';
import { frontMatterSchema, type FrontMatter } from './schema.js';
import type { Article, ContentProblem, Correction, Passage, Speaker } from './types.js';
import { parseYaml, schemaProblems } from './yaml.js';

const TAG = /^\[(caption|credit|editors|Q|A|author|quote:\s*([^\]]*))\]\s*/;
const TAG_LIKE = /^\[([A-Za-z][A-Za-z ]*)(?::[^\]]*)?\](?:\s|$)/;

interface Block {
  readonly line: number;
  readonly text: string;
}

function splitFrontMatter(
  file: string,
  source: string,
  problems: ContentProblem[],
): { yaml: string; body: string; bodyLine: number } | null {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    problems.push({ file, line: 1, message: 'missing front matter: the file must start with a line `---`' });
    return null;
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end === -1) {
    problems.push({ file, line: 1, message: 'front matter is not closed: add a line `---` after it' });
    return null;
  }
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

function blocks(body: string, firstLine: number): Block[] {
  const out: Block[] = [];
  let current: string[] = [];
  let start = 0;
  body.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      if (current.length > 0) out.push({ line: start, text: current.join(' ') });
      current = [];
      return;
    }
    if (/^#{1,6}\s/.test(line)) {
      // A heading is one line: it never swallows the paragraph under it.
      if (current.length > 0) out.push({ line: start, text: current.join(' ') });
      out.push({ line: firstLine + i, text: line });
      current = [];
      return;
    }
    if (current.length === 0) start = firstLine + i;
    current.push(line);
  });
  if (current.length > 0) out.push({ line: start, text: current.join(' ') });
  return out;
}

/** The speaker of an unsigned article's paragraphs when its outlet is not known either. */
export const UNKNOWN_AUTHOR = 'Unknown author';

/** The authors' names in byline order, and which of them are organisations. */
function authorsOf(fm: FrontMatter): { authors: string[]; organizations: string[] } {
  const authors: string[] = [];
  const organizations: string[] = [];
  for (const a of fm.authors ?? []) {
    if (typeof a === 'string') authors.push(a);
    else {
      authors.push(a.organization);
      organizations.push(a.organization);
    }
  }
  return { authors, organizations };
}

/** Who speaks the author's paragraphs: the byline, or the outlet of unsigned work. */
function authorVoice(fm: FrontMatter): string {
  const { authors } = authorsOf(fm);
  return authors.length > 0 ? authors.join(' and ') : (fm.outlet ?? UNKNOWN_AUTHOR);
}

/** The article id a file must have: its name without `.md`. */
export function idForFile(file: string): string {
  return (file.split('/').at(-1) ?? file).replace(/\.md$/, '');
}

type Voices = Readonly<Record<string, Speaker | undefined>>;

/** Who speaks after a tag: the passage's speaker and the voice that holds from there on. */
interface Voice {
  readonly speaker: Speaker;
  readonly voice: Speaker;
}

/**
 * What a block's tag means: null for a caption or credit (not a passage), else who speaks it. A
 * problem with the tag is reported and the current voice kept.
 */
function readTag(
  tag: RegExpExecArray,
  text: string,
  voice: Speaker,
  voices: Voices,
  at: Problem,
): Voice | null {
  const name = tag[1] ?? '';
  if (name === 'caption' || name === 'credit') {
    if (text === '') at.report(`empty [${name}]`);
    return null;
  }
  if (name.startsWith('quote:')) {
    const who = (tag[2] ?? '').trim();
    if (who === '') at.report('[quote: …] needs a name, e.g. [quote: Donald Trump]');
    return { speaker: { name: who, role: 'quoted', quotedBy: voice.name }, voice };
  }
  const next = voices[name];
  if (next) return { speaker: next, voice: next };
  const field = name === 'Q' ? 'interviewer' : 'interviewee';
  at.report(`[${name}] needs \`${field}\` in the front matter`);
  return { speaker: voice, voice };
}

/** Reports a problem at one line of one file. */
interface Problem {
  readonly report: (message: string) => void;
}

function problemAt(file: string, line: number, problems: ContentProblem[]): Problem {
  return { report: (message) => problems.push({ file, line, message }) };
}

/** The body's passages, each with its speaker, section and corrections applied. */
function readPassages(
  file: string,
  parts: { body: string; bodyLine: number },
  fm: FrontMatter,
  corrections: readonly Correction[],
  problems: ContentProblem[],
): Passage[] {
  const voices: Voices = {
    author: { name: authorVoice(fm), role: 'author' },
    editors: { name: fm.outlet !== undefined ? `${fm.outlet} editors` : 'The editors', role: 'editors' },
    Q: fm.interviewer ? { name: fm.interviewer, role: 'interviewer' } : undefined,
    A: fm.interviewee ? { name: fm.interviewee, role: 'interviewee' } : undefined,
  };
  let voice = voices.author as Speaker;
  let section: string | undefined;
  const passages: Passage[] = [];
  for (const block of blocks(parts.body, parts.bodyLine)) {
    const at = problemAt(file, block.line, problems);
    let text = block.text;
    if (/^#{1,6}\s/.test(text)) {
      section = text.replace(/^#{1,6}\s+/, '');
      continue;
    }
    const tag = TAG.exec(text);
    let speaker = voice;
    if (tag) {
      text = text.slice(tag[0].length);
      const read = readTag(tag, text, voice, voices, at);
      if (!read) continue;
      ({ speaker, voice } = read);
    } else if (TAG_LIKE.test(text)) {
      at.report(
        `unknown tag ${text.split(']')[0] ?? ''}]: use [caption], [credit], [editors], [Q], [A], [author] or [quote: Name], or write \\[ for a literal bracket`,
      );
      continue;
    }
    text = text.replace(/^\\\[/, '[');
    if (text === '') {
      at.report('empty passage: a tag with no text after it');
      continue;
    }
    const { display, corrected, overlaps } = applyCorrections(text, corrections);
    for (const o of overlaps) {
      problems.push({
        file,
        line: o.b.line,
        message: `correction overlaps the one on line ${o.a.line}: "${o.b.from}"`,
      });
    }
    const paragraph = passages.length + 1;
    passages.push({
      id: `${fm.id}#${paragraph}`,
      articleId: fm.id,
      paragraph,
      text,
      display,
      corrected,
      speaker,
      ...(section !== undefined && { section }),
      quotes: fm.quotes.filter((q) => text.includes(q.text)),
      line: block.line,
    });
  }
  return passages;
}

/** Every correction's garbled text and every quoted text must be in the article's passages. */
function checkReferences(
  file: string,
  fm: FrontMatter,
  corrections: readonly Correction[],
  passages: readonly Passage[],
  lineOf: (path: (string | number)[]) => number,
  problems: ContentProblem[],
): void {
  const all = passages.map((p) => p.text).join('\n');
  for (const c of corrections) {
    if (!all.includes(c.from)) {
      problems.push({
        file,
        line: c.line,
        message: `correction's garbled text is not in the article: "${c.from}"`,
      });
    }
  }
  fm.quotes.forEach((q, i) => {
    if (!all.includes(q.text)) {
      problems.push({
        file,
        line: lineOf(['quotes', i, 'text']),
        message: `quoted text is not in the article: "${q.text}"`,
      });
    }
  });
}

export interface ParsedArticle {
  readonly article: Article | null;
  /** Line of the `id` field, for messages about it. */
  readonly idLine: number;
  /** The id the file gives (or, without one, its name): known even when the article has problems. */
  readonly id: string;
  /** Line of an editor's `short` label, when there is one, for messages about it. */
  readonly shortLine?: number;
}

/** The `id` a front matter gives, whatever else is wrong with it. */
function rawId(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const id = (data as Record<string, unknown>).id;
  return typeof id === 'string' ? id.trim() : undefined;
}

/**
 * Parses one article. Its `short` is the article's own label; the loader makes labels unique
 * among all the articles (see labels.ts).
 */
export function parseArticle(file: string, source: string, problems: ContentProblem[]): ParsedArticle {
  const before = problems.length;
  const fileId = idForFile(file);
  const failed = (idLine: number, id = fileId): ParsedArticle => ({ article: null, idLine, id });
  const parts = splitFrontMatter(file, source, problems);
  if (!parts) return failed(1);
  const yaml = parseYaml(file, parts.yaml, 2, problems);
  if (!yaml) return failed(1);
  const idLine = yaml.lineOf(['id']);
  const parsed = frontMatterSchema.safeParse(yaml.data);
  if (!parsed.success) {
    problems.push(...schemaProblems(file, parsed.error, yaml.lineOf));
    return failed(idLine, rawId(yaml.data) ?? fileId);
  }
  const fm = parsed.data;
  if (fm.id !== fileId) {
    problems.push({
      file,
      line: idLine,
      message: `\`id\` "${fm.id}" does not match the file name: name the file ${fm.id}.md, or make the id "${fileId}"`,
    });
  }
  const corrections: Correction[] = fm.corrections.map((c, i) => ({
    ...c,
    line: yaml.lineOf(['corrections', i, 'from']),
  }));
  const passages = readPassages(file, parts, fm, corrections, problems);
  if (passages.length === 0)
    problems.push({ file, line: parts.bodyLine, message: 'the article has no passages' });
  checkReferences(file, fm, corrections, passages, yaml.lineOf, problems);
  if (problems.length > before) return failed(idLine, fm.id);

  const { authors, organizations } = authorsOf(fm);
  const article: Article = {
    id: fm.id,
    ...definedFields(fm, ['title', 'description']),
    authors,
    ...(organizations.length > 0 && { organizations }),
    ...definedFields(fm, ['interviewer', 'interviewee', 'outlet', 'date', 'url']),
    kind: fm.kind,
    ...definedFields(fm, ['perspective', 'summary', 'notice']),
    corrections,
    ...(fm.source !== undefined && { source: { file: fm.source, line: yaml.lineOf(['source']) } }),
    short: '',
    file,
    passages,
  };
  const short = fm.short ?? labelCandidates(article)[0] ?? fm.id;
  return {
    article: { ...article, short },
    idLine,
    id: fm.id,
    ...(fm.short !== undefined && { shortLine: yaml.lineOf(['short']) }),
  };
}
