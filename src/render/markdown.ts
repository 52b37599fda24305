/**
 * Markdown for Discord: escaping what users type and what articles say, so nothing in either can
 * format, link or mention, and bold for matched words.
 */
import type { Segment } from '../core/reader-text.js';
import { truncate } from './payload.js';

/**
 * Escapes Discord markdown: emphasis, code, spoilers, quotes, headings, lists, masked links,
 * and `<…>` mentions and timestamps. Mentions are also disarmed by `allowed_mentions`.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\*_~`|[\]<>]/g, (c) => `\\${c}`)
      .replace(/^(\s*)([#>-])(?=\s)/gm, (_, s: string, m: string) => `${s}\\${m}`)
      // A backslash only escapes punctuation: "\1." would show the backslash, "1\." does not.
      .replace(/^(\s*)(\d+)\.(?=\s)/gm, (_, s: string, n: string) => `${s}${n}\\.`)
      .replace(/@(everyone|here)/g, '@\u200B$1')
  );
}

/** Escaped text with matched words in bold. */
export function boldMatches(segments: readonly Segment[]): string {
  return segments.map((s) => (s.match ? `**${escapeMarkdown(s.text)}**` : escapeMarkdown(s.text))).join('');
}

/** Zero-width, joining and direction controls: invisible, or they reorder what follows. */
const INVISIBLE = /[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
/** A zero-width joiner outside an emoji sequence (inside one, it makes 👩‍👩‍👧 one picture). */
const STRAY_JOINER =
  /(?<!\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/**
 * Text a user typed, shown back safely in one line (no markdown, no line breaks), cut to `max`
 * characters before escaping (so at most twice that after).
 */
export function echo(text: string, max = 100): string {
  const flat = text.replace(INVISIBLE, '').replace(STRAY_JOINER, '').replace(/\s+/g, ' ').trim();
  return escapeMarkdown(truncate(flat, max));
}

/** ASCII punctuation: what Discord's markdown lets a backslash escape. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Escapes every ASCII punctuation mark with a backslash: the text shows exactly as typed (no
 * markdown, no mentions) and {@link unescapeAll} gives it back unchanged, so a draft can be kept in
 * the message that shows it.
 */
export function escapeAll(text: string): string {
  return text.replace(PUNCTUATION, (c) => `\\${c}`);
}

/** The text {@link escapeAll} escaped. */
export function unescapeAll(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
