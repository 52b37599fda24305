import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finalize,
  fitChoices,
  PayloadError,
  splitEmbed,
  splitText,
  truncate,
} from '../../src/render/payload.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { button, row } from '../../src/render/components.js';
import { passageEmbed } from '../../src/render/passage.js';
import { expectWithinDiscordLimits } from '../helpers/payload.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { realLibrary } from '../helpers/content.js';
import {
  anyText,
  ENGLAND,
  FAMILY,
  FLAG,
  graphemeBoundaries,
  LONE_SURROGATE,
  pooledText,
  SCRIPT_A,
} from '../helpers/text.js';

describe('truncate', () => {
  it('keeps short text and cuts long text at a word with a visible ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('one two three four five', 12)).toBe('one two…');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abc', 0)).toBe('');
  });
  it('never leaves half a surrogate pair or a dangling backslash', () => {
    const cut = truncate('😀😀😀😀😀😀', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(truncate('abc\\*def', 5)).toBe('abc…');
  });
  it('never cuts a grapheme: a family, a flag or an astral letter at the cut is left out whole', () => {
    expect(truncate(FAMILY.repeat(2), 12)).toBe(`${FAMILY}…`);
    expect(truncate(`abcdefgh${FLAG}`, 11)).toBe('abcdefgh…');
    expect(truncate(`abcdefgh${SCRIPT_A}${SCRIPT_A}`, 11)).toBe(`abcdefgh${SCRIPT_A}…`);
    expect(truncate(`${'w '.repeat(10)}${ENGLAND}`, 30)).toBe(`${'w '.repeat(9)}w…`);
  });
  it('is never longer than max, never cuts a grapheme, and keeps a prefix of the text', () => {
    fc.assert(
      fc.property(anyText(), fc.integer({ min: 0, max: 70 }), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) {
          expect(out).toBe(text);
          return;
        }
        if (max === 0) return;
        expect(out.endsWith('…')).toBe(true);
        const body = out.slice(0, -1);
        expect(text.startsWith(body)).toBe(true);
        expect(graphemeBoundaries(text).has(body.length)).toBe(true);
        expect(body).not.toMatch(/(?<!\\)(\\\\)*\\$/); // no dangling escape
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitText', () => {
  it('splits at word boundaries and loses no word', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const parts = splitText(text, 300);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(300);
    expect(parts.join(' ')).toBe(text);
  });
  it('does not cut inside **bold**', () => {
    const text = `${'a '.repeat(140)}**bold words here** tail`;
    const parts = splitText(text, 290);
    for (const p of parts) expect((p.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });
  it('cuts a single huge word hard rather than looping', () => {
    expect(splitText('x'.repeat(1000), 300).map((p) => p.length)).toEqual([300, 300, 300, 100]);
  });
  it('never splits a grapheme between chunks', () => {
    // A family straddles every 12th unit: the old cut left "👩‍👩‍👧👩‍" in the first chunk.
    expect(splitText(FAMILY.repeat(5), 12)).toEqual(Array.from({ length: 5 }, () => FAMILY));
    expect(splitText(`${'x'.repeat(9)}${SCRIPT_A}yy`, 10)).toEqual(['x'.repeat(9), `${SCRIPT_A}yy`]);
  });
  it('cuts a grapheme longer than a whole chunk between code points, never in a pair', () => {
    const zalgo = `a${'\u0301'.repeat(30)}${SCRIPT_A.repeat(10)}`;
    const parts = splitText(zalgo, 16);
    expect(parts.join('')).toBe(zalgo);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(16);
      expect(p).not.toMatch(LONE_SURROGATE);
    }
  });
  it('chunks: never longer than max, each a run of whole graphemes, nothing lost', () => {
    fc.assert(
      fc.property(pooledText(), fc.integer({ min: 16, max: 60 }), (text, max) => {
        const parts = splitText(text, max);
        const boundaries = graphemeBoundaries(text);
        let at = 0;
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(max);
          const start = text.indexOf(part, at);
          expect(start).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, start).trim()).toBe(''); // only whitespace between chunks
          expect(boundaries.has(start)).toBe(true);
          expect(boundaries.has(start + part.length)).toBe(true);
          at = start + part.length;
        }
        expect(text.slice(at).trim()).toBe('');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitEmbed', () => {
  it('continues a long description in further embeds, marked, with nothing dropped', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    const parts = splitEmbed({ title: 'T', description: words, footer: { text: 'F' } });
    expect(parts.length).toBe(3);
    expect(parts[0]?.description?.endsWith('…')).toBe(true);
    expect(parts[1]?.title).toBe('T (continued)');
    expect(parts[1]?.description?.startsWith('…')).toBe(true);
    expect(parts[2]?.footer?.text).toBe('F');
    expect(parts[0]?.footer).toBeUndefined();
    const rejoined = parts.map((p) => p.description?.replace(/^…|…$/g, '')).join(' ');
    expect(rejoined).toBe(words);
  });
});

describe('finalize', () => {
  it('always sets allowed_mentions to parse nothing', () => {
    expect(finalize({ ephemeral: true, content: 'hi' }).allowed_mentions).toEqual({ parse: [] });
  });
  it('trims content and fields, and never sends an empty message', () => {
    const p = finalize({ ephemeral: false, content: 'y'.repeat(5000) });
    expect(p.content?.length).toBe(LIMITS.content);
    expect(finalize({ ephemeral: true }).content).toBe('…');
  });
  it('keeps the embed total under 6000 and says what was left out', () => {
    const embeds = Array.from({ length: 12 }, (_, i) => ({ title: `E${i}`, description: 'z '.repeat(500) }));
    const p = finalize({ ephemeral: true, embeds });
    expectWithinDiscordLimits(p);
    expect(p.embeds?.at(-1)?.description).toMatch(/^…and \d+ more not shown here/);
  });
  it('refuses broken components instead of sending them', () => {
    const long = 'x'.repeat(101);
    expect(() => finalize({ ephemeral: true, content: 'c', components: [row(button(long, 'L'))] })).toThrow(
      PayloadError,
    );
    expect(() =>
      finalize({ ephemeral: true, content: 'c', components: [row(button('a', 'A'), button('a', 'B'))] }),
    ).toThrow('payload: duplicate custom_id a');
    const six = Array.from({ length: 6 }, (_, i) => row(button(`b${i}`, 'B')));
    expect(() => finalize({ ephemeral: true, content: 'c', components: six })).toThrow(
      'payload: 6 action rows (max 5)',
    );
  });
  it('trims button labels to 80', () => {
    const p = finalize({ ephemeral: true, content: 'c', components: [row(button('id', 'L'.repeat(200)))] });
    const b = p.components?.[0]?.components[0];
    expect(b && 'label' in b ? b.label?.length : 0).toBe(80);
  });
});

describe('finalize with files', () => {
  const file = (name: string, size = 3, description?: string) => ({
    name,
    bytes: new Uint8Array(size),
    ...(description !== undefined && { description }),
  });
  it('keeps files, with descriptions on one line and within 1024 characters', () => {
    const p = finalize({
      ephemeral: true,
      files: [file('chart.png', 3, 'Bars\n of  answers'), file('answers.csv', 5, 'd'.repeat(2000))],
    });
    expectWithinDiscordLimits(p);
    expect(p.content).toBeUndefined();
    expect(p.files?.map((f) => [f.name, f.bytes.length])).toEqual([
      ['chart.png', 3],
      ['answers.csv', 5],
    ]);
    expect(p.files?.[0]?.description).toBe('Bars of answers');
    expect(p.files?.[1]?.description?.length).toBe(LIMITS.attachmentDescription);
  });
  it('leaves out a file too large to upload, and says so', () => {
    const p = finalize({
      ephemeral: true,
      content: 'Summary',
      files: [file('chart.png'), file('answers.csv', LIMITS.attachmentBytes + 1)],
    });
    expectWithinDiscordLimits(p);
    expect(p.files?.map((f) => f.name)).toEqual(['chart.png']);
    expect(p.content).toBe('Summary\n(answers.csv left out: larger than Discord allows a bot to upload.)');
  });
  it('refuses more than 10 files, bad names and duplicates', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => file(`f${i}.txt`));
    expect(() => finalize({ ephemeral: true, files: eleven })).toThrow('payload: 11 files (max 10)');
    expect(() => finalize({ ephemeral: true, files: [file('../x.csv')] })).toThrow(PayloadError);
    expect(() => finalize({ ephemeral: true, files: [file('a b.csv')] })).toThrow(PayloadError);
    expect(() => finalize({ ephemeral: true, files: [file('')] })).toThrow(PayloadError);
    expect(() => finalize({ ephemeral: true, files: [file('a.csv'), file('a.csv')] })).toThrow(
      'payload: duplicate file name a.csv',
    );
  });
});

describe('fitChoices', () => {
  it('caps at 25, trims names to 100, drops duplicates and bad values', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `n${i} ${'long '.repeat(40)}`,
      value: `v${i % 30}`,
    }));
    const out = fitChoices([{ name: 'empty', value: '' }, { name: 'huge', value: 'v'.repeat(101) }, ...many]);
    expect(out).toHaveLength(25);
    expect(new Set(out.map((c) => c.value)).size).toBe(25);
    for (const c of out) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
    }
    expect(out.some((c) => c.value === '' || c.value.length > 100)).toBe(false);
  });
});

describe('every real passage', () => {
  it('renders every passage within limits, with its whole text', async () => {
    const { content } = await realLibrary();
    for (const p of content.passages.values()) {
      const a = content.articleById.get(p.articleId);
      if (!a) throw new Error(p.id);
      const payload = finalize({ ephemeral: true, embeds: [passageEmbed(a, p)] });
      expectWithinDiscordLimits(payload);
      // Nothing cut: the last word of the passage is there.
      const lastWord =
        p.display
          .split(/\s+/)
          .at(-1)
          ?.replace(/[^\p{L}\p{N}]+$/u, '') ?? '';
      expect(payload.embeds?.map((e) => e.description).join(' ')).toContain(lastWord);
    }
  });
  it('splits a passage too long for one embed with a visible continuation', async () => {
    const { content } = await realLibrary();
    // The longest real passage, repeated until it is just too long for one embed (4,096) …
    const [base] = [...content.passages.values()].sort((x, y) => y.display.length - x.display.length);
    const a = content.articleById.get(base?.articleId ?? '');
    if (!base || !a) throw new Error('no passage');
    const repeat = (n: number) => Array.from({ length: n }, () => base.display).join(' ');
    const long = { ...base, display: repeat(Math.ceil(4200 / (base.display.length + 1))) };
    expect(long.display.length).toBeGreaterThan(4096);
    const payload = finalize({ ephemeral: true, embeds: [passageEmbed(a, long)] });
    expectWithinDiscordLimits(payload);
    expect(payload.embeds?.length).toBe(2);
    expect(payload.embeds?.[1]?.title).toMatch(/\(continued\)$/);
    const lastWord = base.display.split(/\s+/).at(-1) ?? '';
    expect(payload.embeds?.[1]?.description?.endsWith(escapeMarkdown(lastWord))).toBe(true);
    // Beyond what one message can hold, the reader is told, never left with a silent cut.
    // … and far beyond what one message's embeds hold (6,000).
    const huge = { ...base, display: repeat(Math.ceil(9000 / (base.display.length + 1))) };
    const cut = finalize({ ephemeral: true, embeds: [passageEmbed(a, huge)] });
    expectWithinDiscordLimits(cut);
    expect(cut.embeds?.at(-1)?.description).toMatch(/^…and \d+ more not shown here/);
  });
});
