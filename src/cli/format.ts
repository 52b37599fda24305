/** Terminal and JSON output for the CLI. JSON shapes are documented in the README. */
import { definedFields } from '../content/fields.js';
import type { Article, InnerQuote, Passage } from '../content/types.js';
import type { Citation } from '../core/cite.js';
import { unusedWordsNote, type Comparison } from '../core/compare.js';
import type { PassageContext } from '../core/context.js';
import {
  articleName,
  articleSource,
  highlight,
  innerQuotesLine,
  quotedWords,
  speakerLine,
  type Segment,
} from '../core/reader-text.js';
import type { PromptPick } from '../core/prompts.js';

import { matchedWords, type SearchHit } from '../core/search/index.js';

export interface PassageJson {
  passageId: string;
  articleId: string;
  paragraph: number;
  /** The name of the person whose words these are. */
  speaker: string;
  /** How to credit it: "Donald Trump, as quoted by Mark Sumner". */
  attribution: string;
  /** Exactly the source wording. */
  text: string;
  /** What a reader sees, with corrections in [brackets]. */
  display: string;
  score: number;
  /** The words of the passage that matched, for highlighting. */
  terms: string[];
  quotes: { speaker: string; text: string }[];
  /**
   * The words of the person searched for, quoted inside this passage, which is someone else's:
   * credited "Volodymyr Zelenskyy, as quoted by Mark Sumner". Only when there are some.
   */
  quoted?: { speaker: string; attribution: string; text: string; display: string }[];
  section?: string;
  notice?: string;
  pinned?: boolean;
}

export function passageJson(
  p: Passage,
  article: Article | undefined,
  hit?: Partial<SearchHit>,
  pinned?: boolean,
): PassageJson {
  return {
    passageId: p.id,
    articleId: p.articleId,
    paragraph: p.paragraph,
    speaker: p.speaker.name,
    attribution: speakerLine(p),
    text: p.text,
    display: p.display,
    score: Number.isFinite(hit?.score) ? Math.round((hit?.score ?? 0) * 1000) / 1000 : 0,
    terms: matchedWords(p.display + ' ' + p.text, [...(hit?.matched ?? [])]),
    quotes: p.quotes.map((q) => ({ ...q })),
    ...(article &&
      hit?.quoted?.length && { quoted: quotedWords(article, p, hit.quoted).map((q) => ({ ...q })) }),
    ...(p.section !== undefined && { section: p.section }),
    ...(article?.notice !== undefined && { notice: article.notice }),
    ...(pinned !== undefined && { pinned }),
  };
}

/** The article fields `articles --json` gives, in the README's order (optional ones only when set). */
const ARTICLE_JSON_FIELDS = [
  'title',
  'description',
  'authors',
  'outlet',
  'date',
  'url',
  'kind',
  'perspective',
  'summary',
  'notice',
] as const;

export function articleJson(a: Article) {
  return {
    articleId: a.id,
    ...definedFields(a, ARTICLE_JSON_FIELDS),
    passages: a.passages.length,
    corrections: a.corrections.length,
  };
}

/** Output styling: bold for matches, and a wrap width. */
export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly width: number;
}

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, width: 100 };
export const ANSI: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  width: 100,
};

/** Wraps highlighted text to the style's width, indenting each line. */
export function wrap(segments: readonly Segment[], style: Style, indent: string): string {
  const tokens: { text: string; match: boolean }[] = [];
  for (const s of segments) {
    for (const piece of s.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) tokens.push({ text: ' ', match: false });
      else {
        const prev = tokens.at(-1);
        // Glue punctuation or a word directly to the token before it when there was no space.
        if (prev && prev.text !== ' ') tokens.push({ text: '', match: false });
        tokens.push({ text: piece, match: s.match });
      }
    }
  }
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  const max = Math.max(20, style.width - indent.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.text === ' ') {
      // Break here if the next word (with anything glued to it) does not fit.
      let next = 0;
      for (let j = i + 1; j < tokens.length && tokens[j]?.text !== ' '; j++)
        next += tokens[j]?.text.length ?? 0;
      if (visible + 1 + next > max && visible > 0) {
        lines.push(line);
        line = '';
        visible = 0;
      } else {
        line += ' ';
        visible += 1;
      }
      continue;
    }
    line += t.match ? style.bold(t.text) : t.text;
    visible += t.text.length;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function source(a: Article | undefined, p: Passage): string {
  return a ? `${articleName(a)} — ${articleSource(a)}, para. ${p.paragraph}` : `para. ${p.paragraph}`;
}

export function passageText(
  p: Passage,
  article: Article | undefined,
  matched: readonly string[],
  style: Style,
  label: string,
  inBlock = false,
  quoted: readonly InnerQuote[] = [],
): string {
  // Inside an article's block (compare, context) the article is already named, with its notice.
  const where = inBlock ? `para. ${p.paragraph}` : source(article, p);
  const lines = [
    `${label}${style.bold(speakerLine(p))} · ${where} ${style.dim(`[${p.id}]`)}`,
    wrap(highlight(p.display, matched), style, '   '),
  ];
  const inner = innerQuotesLine(p);
  if (inner) lines.push(style.dim(`   (${inner})`));
  // The words of the person searched for, credited to them; the paragraph above stays its speaker's.
  if (article)
    for (const q of quotedWords(article, p, quoted))
      lines.push(`   ${style.bold(`${q.attribution}:`)} ${q.display}`);
  if (article?.notice && !inBlock) lines.push(style.dim(`   Note: ${article.notice}`));
  return lines.join('\n');
}

function articleHeader(a: Article, style: Style, extra = ''): string[] {
  return [
    `${style.bold(a.short)}${extra}`,
    `   ${articleName(a)} — ${articleSource(a)}`,
    ...(a.notice ? [style.dim(`   Note: ${a.notice}`)] : []),
  ];
}

export function comparisonText(c: Comparison, style: Style): string {
  const out = [style.bold(`Compare: ${c.title}`), ''];
  if (c.addressing.length === 0) out.push(`No article addresses “${c.title}”.`, '');
  const unused = unusedWordsNote(c);
  if (unused !== undefined) out.push(style.dim(unused), '');
  for (const p of c.addressing) {
    out.push(...articleHeader(p.article, style, ` — ${p.label}`));
    for (const h of p.passages)
      out.push(passageText(h.passage, p.article, h.matched, style, h.pinned ? ' ★ ' : ' • ', true));
    if (p.total > p.passages.length) out.push(style.dim(`   (${p.total - p.passages.length} more)`));
    out.push('');
  }
  if (c.notAddressing.length > 0)
    out.push(style.dim(`Not addressed by: ${c.notAddressing.map((p) => p.article.short).join(', ')}.`));
  return out.join('\n').trimEnd();
}

export function promptText(pick: PromptPick, style: Style): string {
  return [
    style.bold(`Discussion (${pick.prompt.level}): `) + pick.prompt.text,
    style.dim(`[${pick.prompt.id}]${pick.restarted ? ' — every prompt has been used; starting over' : ''}`),
    '',
    comparisonText(pick.evidence, style),
  ].join('\n');
}

export function contextText(ctx: PassageContext, article: Article | undefined, style: Style): string {
  const show = (p: Passage, mark: string) => passageText(p, article, [], style, mark, article !== undefined);
  const header = article ? [articleHeader(article, style).join('\n')] : [];
  return [
    ...header,
    ...ctx.before.map((p) => show(p, '   ')),
    show(ctx.passage, ' ▶ '),
    ...ctx.after.map((p) => show(p, '   ')),
  ].join('\n\n');
}

export function articlesText(articles: readonly Article[], style: Style): string {
  return articles
    .map((a) =>
      [
        `${style.bold(articleName(a))} ${style.dim(`[${a.id}]`)}`,
        `   ${[a.authors.join(', '), articleSource(a)].filter(Boolean).join(' — ')}${a.url ? `\n   ${a.url}` : ''}`,
        ...(a.perspective !== undefined ? [`   Perspective: ${a.perspective}`] : []),
        ...(a.summary !== undefined ? [`   ${a.summary}`] : []),
        ...(a.notice ? [style.dim(`   Note: ${a.notice}`)] : []),
      ].join('\n'),
    )
    .join('\n\n');
}

export function citationsText(citations: readonly Citation[], style: Style): string {
  return citations
    .map((c) => `${style.bold(c.style.toUpperCase())}  ${c.reference}\n     In text: ${c.inText}`)
    .join('\n');
}
