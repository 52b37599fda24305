/**
 * Words a reader sees around a passage: who is speaking, where it comes from, what matched.
 * Plain strings and segments; each front end (terminal, Discord) adds its own formatting.
 */
import { applyCorrections } from '../content/corrections.js';
import { kindLabel, type Article, type Correction, type InnerQuote, type Passage } from '../content/types.js';
import { MONTHS } from './cite.js';
import { boundaryAtOrAfter, clip } from './graphemes.js';
import { matchesTerm, type CopyWording } from './search/index.js';
import { words } from './text.js';

/** Starts the footer of the bot's own prompt posts, so /prompt can rotate without storing anything. */
export const PROMPT_FOOTER_PREFIX = 'Prompt ';

/** "Tatsiana Kulakevich", "Amy Lieberman (interviewer)", "Donald Trump, as quoted by Mark Sumner". */
export function speakerLine(p: Passage): string {
  const { name, role, quotedBy } = p.speaker;
  if (role === 'quoted') return `${name}, as quoted by ${quotedBy ?? 'the author'}`;
  if (role === 'interviewer') return `${name} (interviewer)`;
  return name;
}

/**
 * Who speaks a passage, for a one-line list (autocomplete), when it is not simply the article's
 * author: "Amy Lieberman (interviewer)", "Tatsiana Kulakevich" (an interviewee), "Donald Trump
 * (quoted)", "The Outlet editors". Undefined for the author's own words.
 */
export function voiceTag(p: Passage): string | undefined {
  const { name, role } = p.speaker;
  if (role === 'author') return undefined;
  if (role === 'interviewer') return `${name} (interviewer)`;
  if (role === 'quoted') return `${name} (quoted)`;
  return name;
}

/**
 * Why a passage was found by words a reader does not see in it: the query held a garbled phrase of
 * the copy, which the passage shows corrected (see SearchHit.copyWording).
 */
export function copyWordingLine(c: CopyWording): string {
  return `matched the copy's wording “${c.from}”, shown corrected as ${c.shown}`;
}

/** "quoting Volodymyr Zelenskyy" when the passage reports other people's words. */
export function innerQuotesLine(p: Passage): string | undefined {
  const names = [...new Set(p.quotes.map((q) => q.speaker))];
  return names.length > 0 ? `quoting ${names.join(' and ')}` : undefined;
}

/** The editor's corrections a reader sees in this passage, in the order they occur in it. */
export function passageCorrections(a: Article, p: Passage): readonly Correction[] {
  return applyCorrections(p.text, a.corrections).applied;
}

/** The article's title, or its description in brackets when the title is unknown. */
export function articleName(a: Article): string {
  return a.title ?? `[${a.description ?? 'Untitled'}]`;
}

/** "Daily Kos, February 2025 (opinion)"; just "primary source" when neither outlet nor date is known. */
export function articleSource(a: Article): string {
  const date = a.date ? formatDate(a.date) : undefined;
  const where = [a.outlet, date].filter(Boolean).join(', ');
  return where === '' ? kindLabel(a.kind) : `${where} (${kindLabel(a.kind)})`;
}

/** "2025-02" → "February 2025"; "2025-02-19" → "19 February 2025". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return [d, m ? MONTHS[m - 1] : undefined, y].filter(Boolean).join(' ');
}

export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

/** Splits a text into runs, marking the words that matched a search (for bold). */
export function highlight(text: string, matched: readonly string[]): Segment[] {
  const set = new Set(matched);
  const out: Segment[] = [];
  let pos = 0;
  for (const w of words(text)) {
    if (!matchesTerm(w.word, set)) continue;
    if (w.start > pos) out.push({ text: text.slice(pos, w.start), match: false });
    out.push({ text: w.word, match: true });
    pos = w.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  return mergeAdjacent(out);
}

function mergeAdjacent(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && last.match === s.match) out[out.length - 1] = { text: last.text + s.text, match: s.match };
    else out.push(s);
  }
  return out;
}

/**
 * A window of at most `max` characters around the first matched word, cut at word boundaries,
 * with "…" where text was left out. Used where a whole passage does not fit (autocomplete).
 */
export function snippet(text: string, matched: readonly string[], max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  if (max < 8) return clip(flat, Math.max(0, max));
  const set = new Set(matched);
  const first = words(flat).find((w) => matchesTerm(w.word, set));
  const budget = max - 2; // room for two ellipses
  let start = first ? Math.max(0, first.start - Math.floor(budget / 4)) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space === -1 || space > (first?.start ?? 0) ? start : space + 1;
  }
  // Never start or end inside a grapheme (a surrogate pair, an emoji sequence, a flag).
  start = boundaryAtOrAfter(flat, start);
  let end = Math.min(flat.length, start + budget);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const shown = clip(flat.slice(start), end - start);
  return `${start > 0 ? '…' : ''}${shown.trim()}${start + shown.length < flat.length ? '…' : ''}`;
}

/** A person's words quoted inside someone else's paragraph, as a reader is shown them. */
export interface QuotedWords {
  readonly speaker: string;
  /** "Volodymyr Zelenskyy, as quoted by Mark Sumner": the paragraph's speaker reports them. */
  readonly attribution: string;
  /** Exactly as the passage has them (the `quotes:` entry). */
  readonly text: string;
  /** What a reader sees: within “…”, with the editor's corrections in [brackets]. */
  readonly display: string;
}

const OUTER_QUOTE_MARKS = /^[\s"“”„«»]+|[\s"“”„«»]+$/g;

/** The quoted words of a hit (see SearchHit.quoted), credited to the person who said them. */
export function quotedWords(
  article: Article,
  passage: Passage,
  quotes: readonly InnerQuote[],
): QuotedWords[] {
  return quotes.map((q) => {
    const corrected = applyCorrections(q.text, article.corrections).display;
    return {
      speaker: q.speaker,
      attribution: `${q.speaker}, as quoted by ${passage.speaker.name}`,
      text: q.text,
      display: `“${corrected.replace(OUTER_QUOTE_MARKS, '')}”`,
    };
  });
}
