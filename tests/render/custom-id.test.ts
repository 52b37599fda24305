import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeId, encodeId, packUser, unpackUser } from '../../src/render/custom-id.js';
import { anyText, FAMILY, FLAG, graphemeBoundaries, SCRIPT_A } from '../helpers/text.js';

describe('encodeId / decodeId', () => {
  it('round-trips fields, including separators and percent signs', () => {
    const id = encodeId('quote', 'page', 'abc', '3', '', '1', 'a|b %7C 100%');
    expect(decodeId(id)).toEqual({
      command: 'quote',
      action: 'page',
      fields: ['abc', '3', '', '1', 'a|b %7C 100%'],
    });
  });
  it('stays within 100 characters, cutting only the last field', () => {
    const query = '“ammunition” ü 🙂 '.repeat(20);
    const id = encodeId('quote', 'page', 'zzzzzzzzzzzz', '24', 'kulakevich-qa', '0', query);
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodeId(id);
    expect(decoded?.fields.slice(0, 4)).toEqual(['zzzzzzzzzzzz', '24', 'kulakevich-qa', '0']);
    expect(query.startsWith(decoded?.fields[4] ?? 'x')).toBe(true);
    expect(decoded?.fields[4]).not.toMatch(/[\uD800-\uDBFF]$/);
  });
  it('never leaves half an escape at the cut', () => {
    for (let n = 0; n < 10; n++) {
      const id = encodeId('q', 'p', 'x'.repeat(80 + n), '||||||||||');
      expect(id.length).toBeLessThanOrEqual(100);
      expect(id).not.toMatch(/%[0-9A-F]?$/);
    }
  });
  it('cuts the last field between graphemes', () => {
    // "q|p|" leaves 96 characters for the last field.
    expect(decodeId(encodeId('q', 'p', `${'x'.repeat(92)}${FAMILY}`))?.fields).toEqual(['x'.repeat(92)]);
    expect(decodeId(encodeId('q', 'p', `${'x'.repeat(93)}${FLAG}`))?.fields).toEqual(['x'.repeat(93)]);
    expect(decodeId(encodeId('q', 'p', `${'x'.repeat(95)}${SCRIPT_A}`))?.fields).toEqual(['x'.repeat(95)]);
  });
  it('last field: at most 100 characters in all, a prefix of whole graphemes, others intact', () => {
    fc.assert(
      fc.property(anyText(4), anyText(120), (first, last) => {
        const id = encodeId('quote', 'page', first, last);
        const decoded = decodeId(id);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(decoded?.fields[0]).toBe(first);
        const kept = decoded?.fields[1] ?? '';
        expect(last.startsWith(kept)).toBe(true);
        expect(graphemeBoundaries(last).has(kept.length)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it('rejects ids without a command and an action', () => {
    expect(decodeId('')).toBeNull();
    expect(decodeId('quote')).toBeNull();
  });
});

describe('packUser / unpackUser', () => {
  it('round-trips snowflakes in at most 13 characters', () => {
    for (const id of ['123456789012345678', '1', '18446744073709551615']) {
      const packed = packUser(id);
      expect(packed.length).toBeLessThanOrEqual(13);
      expect(unpackUser(packed)).toBe(id);
    }
  });
  it('rejects garbage', () => {
    expect(unpackUser(undefined)).toBeNull();
    expect(unpackUser('NOT-VALID')).toBeNull();
    expect(packUser('abc')).toBe('0');
  });
});
