import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryAtOrAfter, clip, dropLast } from '../../src/core/graphemes.js';
import {
  anyText,
  ENGLAND,
  E_ACUTE,
  FAMILY,
  FLAG,
  graphemeBoundaries,
  SCRIPT_A,
  THUMB,
} from '../helpers/text.js';

describe('clip', () => {
  it('keeps text that fits, whole', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip(FAMILY, 8)).toBe(FAMILY);
    expect(clip('', 0)).toBe('');
  });

  it.each([
    ['a family', FAMILY],
    ['a flag', FLAG],
    ['an astral letter', SCRIPT_A],
    ['a tag-sequence flag', ENGLAND],
    ['a skin tone', THUMB],
    ['an accent', E_ACUTE],
  ])('leaves out %s that straddles the cut, whole', (_name, grapheme) => {
    for (let inside = 1; inside < grapheme.length; inside++) {
      expect(clip(`ab${grapheme}cd`, 2 + inside)).toBe('ab');
    }
    expect(clip(`ab${grapheme}cd`, 2 + grapheme.length)).toBe(`ab${grapheme}`);
  });

  it('gives nothing when even the first grapheme is too long', () => {
    expect(clip(FAMILY, 7)).toBe('');
    expect(clip('abc', 0)).toBe('');
    expect(clip('abc', -1)).toBe('');
  });

  it('drops the last grapheme whole', () => {
    expect(dropLast(`a${FAMILY}`)).toBe('a');
    expect(dropLast(`${FLAG}${FLAG}`)).toBe(FLAG);
    expect(dropLast('')).toBe('');
  });

  it('is never longer than max, is a prefix, ends between graphemes and is the longest such', () => {
    fc.assert(
      fc.property(anyText(), fc.integer({ min: 0, max: 70 }), (text, max) => {
        const out = clip(text, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(0, max));
        expect(text.startsWith(out)).toBe(true);
        const boundaries = graphemeBoundaries(text);
        expect(boundaries.has(out.length)).toBe(true);
        // The next whole grapheme would not have fitted.
        const next = Math.min(...[...boundaries].filter((b) => b > out.length));
        if (out.length < text.length) expect(next).toBeGreaterThan(max);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('boundaryAtOrAfter', () => {
  it('keeps a boundary and moves an index inside a grapheme to its end', () => {
    const family = '👩‍👩‍👧';
    const text = `a${family}b`;
    expect(boundaryAtOrAfter(text, 1)).toBe(1);
    for (let i = 2; i <= family.length; i++) expect(boundaryAtOrAfter(text, i)).toBe(1 + family.length);
    expect(boundaryAtOrAfter(text, 0)).toBe(0);
    expect(boundaryAtOrAfter(text, 99)).toBe(text.length);
  });
});

/**
 * Units next to the shortcut's edges: plain Latin and punctuation (cut without segmenting) beside
 * what joins to them (CR LF, combining accents, joiners, an emoji modifier, a regional indicator).
 */
const EDGE_UNITS = [
  'a',
  ' ',
  '\r',
  '\n',
  'ÿ',
  'ʯ', // U+02AF, the last plain letter below the accents
  '\u0300', // the first combining accent
  '\u036F',
  '\u2010',
  '’',
  '—',
  '…',
  '\u2027',
  '\u2028',
  '\u200C', // zero-width non-joiner: joins to what comes before it
  '\u200D', // zero-width joiner
  '\u200B',
  '©', // an emoji that a joiner can pull into a sequence
  '🏽',
  '🇺',
  '\u1100', // a Hangul leading consonant
  '\u0600', // Arabic number sign: joins to what follows it
  'है',
];

describe('the plain-text shortcut', () => {
  const edgeText = fc.string({ unit: fc.constantFrom(...EDGE_UNITS), maxLength: 30, size: 'max' });

  it('cuts exactly where segmenting the whole text would', () => {
    fc.assert(
      fc.property(edgeText, fc.integer({ min: 0, max: 40 }), (text, max) => {
        const boundaries = graphemeBoundaries(text);
        const expected = Math.max(...[...boundaries].filter((b) => b <= Math.max(0, max)));
        expect(clip(text, max)).toBe(text.slice(0, expected));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the next boundary exactly where segmenting the whole text would', () => {
    fc.assert(
      fc.property(edgeText, fc.integer({ min: 0, max: 40 }), (text, index) => {
        const boundaries = graphemeBoundaries(text);
        const expected = Math.min(...[...boundaries].filter((b) => b >= Math.min(index, text.length)));
        expect(boundaryAtOrAfter(text, index)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps CR LF, a curly quote with an accent and a joined emoji whole', () => {
    expect(clip('ab\r\ncd', 3)).toBe('ab');
    expect(clip('ab’\u0301cd', 3)).toBe('ab');
    expect(clip('ab\u00A9\u200D\u00A9cd', 4)).toBe('ab');
    expect(boundaryAtOrAfter('ab\r\ncd', 3)).toBe(4);
  });
});
