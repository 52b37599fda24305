/**
 * The one place text is cut. Discord's limits count UTF-16 code units; a cut there can split a
 * surrogate pair (a lone surrogate, which Discord shows as "�" or refuses) or a grapheme (👩‍👩‍👧
 * becomes 👩‍👩, a flag becomes a letter). {@link clip} cuts only between graphemes.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * How far past the cut the text is segmented. Whether a grapheme boundary falls at a position
 * depends on the text before it and the one code point after it, so a window a little longer than
 * the cut gives the same boundaries as the whole text, without segmenting all of a long text.
 */
const LOOKAHEAD = 8;

/**
 * The longest prefix of `text` made of whole graphemes and at most `max` UTF-16 code units long.
 * Empty when even the first grapheme is longer than `max` (e.g. a letter with hundreds of accents).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = 0;
  for (const { index, segment } of segmenter.segment(text.slice(0, max + LOOKAHEAD))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** The text without its last grapheme. */
export function dropLast(text: string): string {
  return clip(text, text.length - 1);
}

/** The first grapheme boundary at or after `index` (an index inside a grapheme moves to its end). */
export function boundaryAtOrAfter(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  const around = segmenter.segment(text).containing(index);
  if (!around || around.index === index) return index;
  return around.index + around.segment.length;
}
