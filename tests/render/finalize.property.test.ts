/**
 * Properties of `finalize` and `fitChoices` (src/render/limits.ts), as their doc comments state them:
 * whatever a renderer hands over, what goes to Discord is within Discord's limits (checked by the
 * independent tests/helpers/payload.ts), custom ids are checked and never cut, and nothing is
 * dropped without a note saying so.
 */
import fc from 'fast-check';
import type { APIEmbed, RESTAPIPoll } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { button, row, type Row } from '../../src/render/components.js';
import { finalize, fitChoices, PayloadError, type Payload } from '../../src/render/payload.js';
import { expectWithinDiscordLimits } from '../helpers/payload.js';
import { anyText } from '../helpers/text.js';

/** Text of any length up to `max` units: short, or long enough to need a cut or a split. */
const sized = (max: number) =>
  fc.oneof(
    anyText(40),
    fc
      .tuple(anyText(30), fc.integer({ min: 1, max }))
      .map(([t, n]) => (t || 'x').repeat(Math.ceil(n / Math.max(1, t.length))).slice(0, n)),
  );

const embed: fc.Arbitrary<APIEmbed> = fc.record(
  {
    title: sized(400),
    description: sized(15000),
    footer: sized(3000).map((text) => ({ text })),
    author: sized(400).map((name) => ({ name })),
    fields: fc.array(fc.record({ name: sized(400), value: sized(1500), inline: fc.boolean() }), {
      maxLength: 30,
    }),
    color: fc.integer({ min: 0, max: 0xffffff }),
  },
  { requiredKeys: [] },
);

const poll: fc.Arbitrary<RESTAPIPoll> = fc.record({
  question: sized(500).map((text) => ({ text })),
  answers: fc.array(
    sized(100).map((text) => ({ poll_media: { text } })),
    { minLength: 1, maxLength: 14 },
  ),
  duration: fc.integer({ min: -5, max: 2000 }),
  allow_multiselect: fc.boolean(),
});

/** Rows Discord accepts in number and size, with unique ids of 1 to 100 characters and any labels. */
const validRows: fc.Arbitrary<Row[]> = fc
  .array(fc.integer({ min: 1, max: 5 }), { maxLength: 5 })
  .chain((sizes) =>
    fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 100 }), {
        minLength: sizes.reduce((a, b) => a + b, 0),
        maxLength: sizes.reduce((a, b) => a + b, 0),
      })
      .chain((ids) =>
        fc.array(sized(200), { minLength: ids.length, maxLength: ids.length }).map((labels) => {
          let at = 0;
          return sizes.map((n) =>
            row(
              ...Array.from({ length: n }, () => {
                const i = at++;
                return button(ids[i] ?? '', labels[i] ?? '');
              }),
            ),
          );
        }),
      ),
  );

const payload = fc.record(
  {
    content: sized(5000),
    embeds: fc.array(embed, { maxLength: 14 }),
    components: validRows,
    poll,
    ephemeral: fc.boolean(),
  },
  { requiredKeys: ['ephemeral'] },
);

/** Embeds of words: a description (up to three parts' worth) and a title. */
const embedWithText: fc.Arbitrary<APIEmbed> = fc.record({
  title: anyText(20),
  description: fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 1200 }).map((ws) => ws.join(' ')),
});

const NOTE = /more not shown here/;

/** The words (runs of non-space) of a text, in order. */
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '' && w !== '…');

describe('finalize, whatever it is given', () => {
  it('sends a field with an empty name or value as "…", which Discord accepts', () => {
    const out = finalize({ embeds: [{ fields: [{ name: '', value: '' }] }], ephemeral: true });
    expect(out.embeds?.[0]?.fields).toEqual([{ name: '…', value: '…' }]);
  });

  it('returns a payload within Discord limits that pings no one', () => {
    fc.assert(
      fc.property(payload, (p) => {
        expectWithinDiscordLimits(finalize(p));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('keeps every custom id as it was, in its place', () => {
    fc.assert(
      fc.property(validRows, fc.boolean(), (components, ephemeral) => {
        const out = finalize({ content: 'x', components, ephemeral });
        const ids = (rows: readonly Row[] | undefined) =>
          (rows ?? []).map((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : null)));
        expect(ids(out.components)).toEqual(ids(components));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses rows Discord would refuse instead of cutting them', () => {
    const tooMany = fc.integer({ min: 6, max: 9 }).map((n) => ({
      ephemeral: true,
      components: Array.from({ length: n }, (_, i) => row(button(`r${i}`, 'x'))),
    }));
    const tooWide = fc.integer({ min: 6, max: 9 }).map((n) => ({
      ephemeral: true,
      components: [row(...Array.from({ length: n }, (_, i) => button(`b${i}`, 'x')))],
    }));
    const badId = fc
      .oneof(fc.constant(''), fc.string({ minLength: 101, maxLength: 300 }))
      .map((id) => ({ ephemeral: true, components: [row(button(id, 'x'))] }));
    const repeatedId = fc
      .string({ minLength: 1, maxLength: 100 })
      .map((id) => ({ ephemeral: true, components: [row(button(id, 'a'), button(id, 'b'))] }));
    fc.assert(
      fc.property(fc.oneof(tooMany, tooWide, badId, repeatedId), (p) => {
        expect(() => finalize(p)).toThrow(PayloadError);
      }),
      { numRuns: 200 },
    );
  });

  it('drops no description silently: its words are all shown, or a note says what was left out', () => {
    fc.assert(
      fc.property(fc.array(embedWithText, { minLength: 1, maxLength: 12 }), (embeds) => {
        const out: Payload = finalize({ embeds, ephemeral: true });
        const shown = out.embeds ?? [];
        if (shown.some((e) => NOTE.test(e.description ?? ''))) return;
        const given = words(embeds.map((e) => e.description ?? '').join('\n'));
        // The continuation marks ("…") join onto a part's first and last words.
        const seen = words(
          shown
            .map((e) => e.description ?? '')
            .join('\n')
            .replace(/…/g, ' '),
        );
        expect(seen.join(' ').replace(/\s/g, '')).toBe(given.join(' ').replace(/…/g, '').replace(/\s/g, ''));
      }),
      { numRuns: 60 },
    );
  });
});

describe('fitChoices, whatever it is given', () => {
  it('gives at most 25 choices, names of 1 to 100, values of 1 to 100, no value twice', () => {
    const choice = fc.record({ name: sized(300), value: fc.oneof(anyText(20), sized(150)) });
    fc.assert(
      fc.property(fc.array(choice, { maxLength: 60 }), (choices) => {
        const out = fitChoices(choices);
        expect(out.length).toBeLessThanOrEqual(25);
        for (const c of out) {
          expect(c.name.length).toBeGreaterThanOrEqual(1);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeGreaterThanOrEqual(1);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
        expect(new Set(out.map((c) => c.value)).size).toBe(out.length);
        // Values are kept as given (they are what the command receives), never cut.
        for (const c of out) expect(choices.some((given) => given.value === c.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
