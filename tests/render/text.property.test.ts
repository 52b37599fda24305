/**
 * Properties of the cuts (src/render/graphemes.ts, truncate and splitText) and of custom ids, as
 * their doc comments state them, beyond the ones in graphemes.test.ts, limits.test.ts and
 * custom-id.test.ts: any text and any size, words kept whole, and ids that round-trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeId, encodeId, packUser, unpackUser } from '../../src/render/custom-id.js';
import { dropLast } from '../../src/core/graphemes.js';
import { splitText, truncate } from '../../src/render/payload.js';
import { anyText, graphemeBoundaries, LONE_SURROGATE } from '../helpers/text.js';

/** Words of 1 to `longest` letters joined by single spaces. */
const wordsText = (longest: number, most = 80) =>
  fc
    .array(
      fc.integer({ min: 1, max: longest }).map((n) => 'w'.repeat(n)),
      { maxLength: most },
    )
    .map((ws) => ws.join(' '));

/** Without whitespace: what must survive any split. */
const ink = (text: string) => text.replace(/\s/g, '');

describe('splitText, any text at any size', () => {
  // From 2 units: a chunk of 1 cannot hold an astral letter.
  it('chunks are never longer than max, lose nothing but boundary whitespace, and split no pair', () => {
    fc.assert(
      fc.property(anyText(120), fc.integer({ min: 2, max: 70 }), (text, max) => {
        const parts = splitText(text, max);
        expect(parts.length).toBeGreaterThanOrEqual(1);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(max);
          if (!LONE_SURROGATE.test(text)) expect(part).not.toMatch(LONE_SURROGATE);
        }
        expect(ink(parts.join(''))).toBe(ink(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('cuts only between words when every word is shorter than half a chunk', () => {
    const sizedWords = fc
      .integer({ min: 8, max: 80 })
      .chain((max) => fc.tuple(fc.constant(max), wordsText(Math.floor(max / 2) - 1)));
    fc.assert(
      fc.property(sizedWords, ([max, text]) => {
        const parts = splitText(text, max);
        expect(parts.join(' ')).toBe(text);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a short **bold** span in one chunk', () => {
    const span = fc
      .integer({ min: 1, max: 3 })
      .map((n) => `**${Array.from({ length: n }, () => 'b').join(' ')}**`);
    const piece = fc.oneof(
      fc.integer({ min: 1, max: 6 }).map((n) => 'w'.repeat(n)),
      span,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 24, max: 60 }), (pieces, max) => {
        const parts = splitText(pieces.join(' '), max);
        for (const part of parts) expect((part.match(/\*\*/g) ?? []).length % 2).toBe(0);
        expect(parts.join(' ')).toBe(pieces.join(' '));
      }),
      { numRuns: 500 },
    );
  });
});

describe('truncate, at a word boundary when one is near', () => {
  it('ends at a space when the kept text has one past half of max', () => {
    fc.assert(
      fc.property(wordsText(12, 40), fc.integer({ min: 4, max: 90 }), (text, max) => {
        const out = truncate(text, max);
        if (text.length <= max) return;
        const body = out.slice(0, -1);
        const kept = text.slice(0, max - 1);
        if (kept.lastIndexOf(' ') > max * 0.5) expect(text.charAt(body.length)).toBe(' ');
        else expect(body).toBe(kept);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dropLast', () => {
  it('removes exactly the last grapheme', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const out = dropLast(text);
        const boundaries = [...graphemeBoundaries(text)].sort((a, b) => a - b);
        expect(out).toBe(text.slice(0, boundaries.at(-2) ?? 0));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('encodeId / decodeId, any fields', () => {
  const name = fc.string({ minLength: 1, maxLength: 8 });
  // Fields before the last are ids and counts the bot wrote: short. The last may be anything.
  const head = fc.array(fc.stringMatching(/^[\w#.:-]{1,20}$/), { maxLength: 4 });

  it('round-trips every field when the id fits in 100 characters, and is never longer', () => {
    fc.assert(
      fc.property(name, name, head, fc.option(anyText(40)), (command, action, first, last) => {
        const fields = last === null ? first : [...first, last];
        const id = encodeId(command, action, ...fields);
        expect(id.length).toBeLessThanOrEqual(100);
        const decoded = decodeId(id);
        expect(decoded?.command).toBe(command);
        expect(decoded?.action).toBe(action);
        expect(decoded?.fields.slice(0, first.length)).toEqual(first);
        if (last === null) expect(decoded?.fields).toEqual(first);
        else {
          const kept = decoded?.fields.at(-1) ?? '';
          expect(decoded?.fields).toHaveLength(fields.length);
          expect(last.startsWith(kept)).toBe(true);
          expect(graphemeBoundaries(last).has(kept.length)).toBe(true);
          // Cut only when it had to be.
          if (kept !== last) expect(encodeId(command, action, ...first, kept).length).toBeGreaterThan(80);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds no command in an id without a command and an action', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (s) => {
        expect(decodeId(`|${s}`)).toBeNull();
        expect(decodeId(s.replace(/\|/g, ''))).toBeNull();
      }),
    );
  });
});

describe('packUser / unpackUser', () => {
  it('round-trips every 64-bit snowflake in at most 13 characters', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (n) => {
        const packed = packUser(n.toString());
        expect(packed.length).toBeLessThanOrEqual(13);
        expect(unpackUser(packed)).toBe(n.toString());
      }),
      { numRuns: 1000 },
    );
  });
});
