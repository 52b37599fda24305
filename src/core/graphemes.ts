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
 * A code unit that no grapheme rule joins to its neighbour: Latin up to U+02FF (below the combining
 * accents) and the punctuation U+2010–U+2027 (dashes, curly quotes, "…"; not the joiners U+200C and
 * U+200D). Between two of them there is always a boundary (GB999), except CR LF.
 */
function isSimple(unit: number): boolean {
  return unit < 0x300 || (unit >= 0x2010 && unit <= 0x2027);
}

/**
 * Whether a boundary at `index` (0 < index < length) is certain from the two code units around
 * it. Most cuts fall in plain text, and the check saves segmenting, which costs tens of µs a cut.
 */
function plainBoundary(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return isSimple(before) && isSimple(after) && !(before === 0x0d && after === 0x0a);
}

/**
 * The longest prefix of `text` made of whole graphemes and at most `max` UTF-16 code units long.
 * Empty when even the first grapheme is longer than `max` (e.g. a letter with hundreds of accents).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (plainBoundary(text, max)) return text.slice(0, max);
  // The grapheme the cut falls in starts at the last boundary at or before the cut.
  const around = segmenter.segment(text.slice(0, max + LOOKAHEAD)).containing(max);
  return text.slice(0, around?.index ?? 0);
}

/** The text without its last grapheme. */
export function dropLast(text: string): string {
  return clip(text, text.length - 1);
}

/** The first grapheme boundary at or after `index` (an index inside a grapheme moves to its end). */
export function boundaryAtOrAfter(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  if (plainBoundary(text, index)) return index;
  const around = segmenter.segment(text).containing(index);
  if (!around || around.index === index) return index;
  return around.index + around.segment.length;
}
