import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boldMatches, echo, escapeMarkdown } from '../../src/render/markdown.js';
import { anyText, FAMILY, FLAG, LONE_SURROGATE, SCRIPT_A } from '../helpers/text.js';

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, spoilers, links and mentions', () => {
    expect(escapeMarkdown('**b** _i_ ~~s~~ `c` ||sp|| [l](u) <@1>')).toBe(
      '\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[l\\](u) \\<@1\\>',
    );
  });
  it('escapes block syntax only at the start of a line', () => {
    expect(escapeMarkdown('# h\n> q\n- l\n1. n\nmid # - > 2.')).toBe(
      '\\# h\n\\> q\n\\- l\n1\\. n\nmid # - \\> 2.',
    );
  });
  it('breaks @everyone and @here', () => {
    expect(escapeMarkdown('@everyone @here')).toBe('@\u200Beveryone @\u200Bhere');
  });
  it('leaves ordinary punctuation alone', () => {
    expect(escapeMarkdown('Trump’s “deal” — U.S.-Russia, 21% (2025).')).toBe(
      'Trump’s “deal” — U.S.-Russia, 21% (2025).',
    );
  });
});

describe('boldMatches', () => {
  it('bolds matched segments and escapes all of them', () => {
    expect(
      boldMatches([
        { text: 'a *b* ', match: false },
        { text: 'c_d', match: true },
      ]),
    ).toBe('a \\*b\\* **c\\_d**');
  });
});

describe('echo', () => {
  it('shows user input on one line, escaped, invisible characters removed, cut to length', () => {
    expect(echo('  two\nlines **x**\u200B ')).toBe('two lines \\*\\*x\\*\\*');
    expect(echo('y'.repeat(500), 20)).toBe(`${'y'.repeat(19)}…`);
  });
  it('cuts between graphemes: an emoji, a flag or an astral letter at the cut is left out whole', () => {
    expect(echo(`${'y'.repeat(18)}${FLAG}${FLAG}`, 20)).toBe(`${'y'.repeat(18)}…`);
    expect(echo(`${'y'.repeat(18)}${SCRIPT_A}z`, 20)).toBe(`${'y'.repeat(18)}…`);
    expect(echo(`${'y'.repeat(15)}${FAMILY}`, 20)).toBe(`${'y'.repeat(15)}…`);
    expect(echo(`${'y'.repeat(11)}${FAMILY}`, 20)).toBe(`${'y'.repeat(11)}${FAMILY}`);
  });
  it('keeps the joiners inside an emoji, and removes any other', () => {
    expect(echo(`ri\u200Dde ${FAMILY}\u200D \u200D${FAMILY}`)).toBe(`ride ${FAMILY} ${FAMILY}`);
  });
  it('is bounded and never leaves a lone surrogate', () => {
    fc.assert(
      fc.property(anyText(200), fc.integer({ min: 1, max: 120 }), (text, max) => {
        const out = echo(text, max);
        expect(out).not.toMatch(LONE_SURROGATE);
        expect(out).not.toMatch(/\n/);
        // Escaping at most doubles what was kept (plus a zero-width space per @everyone / @here).
        expect(out.replace(/\\(.)/gu, '$1').replace(/\u200B/g, '').length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 1000 },
    );
  });
});
