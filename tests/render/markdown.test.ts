import { describe, expect, it } from 'vitest';
import { boldMatches, echo, escapeMarkdown } from '../../src/render/markdown.js';

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
});
