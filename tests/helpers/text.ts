/**
 * Text for testing cuts: graphemes that are more than one UTF-16 unit (and more than one code point),
 * and fast-check arbitraries mixing them with plain text, markdown and escapes. The grapheme checks
 * segment the whole text independently of src/render/graphemes.ts.
 */
import fc from 'fast-check';

export const FAMILY = '👩‍👩‍👧'; // 3 emoji joined by ZWJ: 8 UTF-16 units, one grapheme
export const FLAG = '🇺🇦'; // 2 regional indicators: 4 units
export const SCRIPT_A = '𝒜'; // 1 astral code point: a surrogate pair
export const ENGLAND = '🏴󠁧󠁢󠁥󠁮󠁧󠁿'; // a flag made of tag characters: 14 units
export const THUMB = '👍🏽'; // emoji + skin tone modifier
export const E_ACUTE = 'e\u0301'; // a letter and a combining accent

const POOL = [
  FAMILY,
  FLAG,
  SCRIPT_A,
  ENGLAND,
  THUMB,
  E_ACUTE,
  'a',
  'Z',
  ' ',
  '\n',
  '. ',
  '\\',
  '*',
  '**',
  '%',
  '|',
  '@',
];

/** One unit of a test string: a pooled grapheme, any code point, or any printable grapheme. */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/**
 * Strings of emoji, flags, astral letters, accents, markdown and anything else, of 0 to `maxLength`
 * units (`size: 'max'`: fast-check's default size would keep them short of most cuts).
 */
export const anyText = (maxLength = 60): fc.Arbitrary<string> => fc.string({ unit, maxLength, size: 'max' });

/** Strings of the pooled graphemes only (no whitespace that combines with what follows it). */
export const pooledText = (maxLength = 200): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...POOL), maxLength, size: 'max' });

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Every position in `text` where a grapheme starts or ends (0 and text.length included). */
export function graphemeBoundaries(text: string): Set<number> {
  const out = new Set([0, text.length]);
  for (const s of segmenter.segment(text)) out.add(s.index);
  return out;
}

/** A high surrogate without its low half, or a low one without its high half. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
