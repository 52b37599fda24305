/**
 * Markdown for Discord: escaping what users type and what articles say, so nothing in either can
 * format, link or mention, and bold for matched words.
 */
import type { Segment } from '../core/present.js';

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

/** Text a user typed, shown back safely in one line (no markdown, no line breaks). */
export function echo(text: string, max = 100): string {
  const flat = text
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return escapeMarkdown(cut);
}
