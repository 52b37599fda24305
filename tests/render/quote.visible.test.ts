/** /quote's answers and suggestions show only what a reader sees, and say who is speaking. */
import { describe, expect, it } from 'vitest';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { findQuote, suggestPassages } from '../../src/core/quote.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { COPY_WORDING_FIELD } from '../../src/render/passage.js';
import { quoteAnswer, quoteChoices, type QuoteRequest } from '../../src/render/quote.js';
import { tinyContent } from '../helpers/content.js';
import { GARBLED } from '../helpers/copy-wording.js';
import { expectWithinDiscordLimits } from '../helpers/payload.js';

const OWNER = '123456789012345678';
const answer = (core: Library, req: QuoteRequest) => quoteAnswer(findQuote(core, req), req);
const suggest = (core: Library, typed: string) =>
  quoteChoices(core.content, suggestPassages(core, typed, LIMITS.choices), typed);

describe('only what the reader sees', () => {
  const core = buildLibrary(tinyContent([GARBLED, { id: 'talk', body: 'A plain paragraph.' }]));
  const ask = (query: string) => answer(core, { query, public: false, owner: OWNER });
  it('never answers with a passage matched by a word its corrections hide', () => {
    // "alerts" is shown as "[signals]": only the passage that shows "alert" answers.
    const p = ask('<img src=x onerror=alert(1)>');
    expect(p.content).toMatch(/^Match 1 of 1 for/);
    expect(p.embeds?.[0]?.footer?.text).toMatch(/garbled#4$/);
    expect(p.embeds?.[0]?.description).toContain('An **alert** went out');
    const eq = ask('equality');
    expect(eq.content).toMatch(/^Match 1 of 1 for/);
    expect(eq.embeds?.[0]?.description).toContain('**Equality** before');
  });
  it('says when the copy’s garbled wording found the passage, and bolds what it shows instead', () => {
    const p = ask('which alerts');
    expectWithinDiscordLimits(p);
    const e = p.embeds?.[0];
    expect(e?.footer?.text).toMatch(/garbled#1$/);
    expect(e?.fields?.[0]).toEqual({
      name: COPY_WORDING_FIELD,
      value: escapeMarkdown("matched the copy's wording “which alerts”, shown corrected as which [signals]"),
    });
    expect(e?.description).toContain('which \\[**signals**\\]');
    // Found by what it shows: no such field.
    const shown = ask('which signals');
    expect(shown.embeds?.[0]?.fields?.map((f) => f.name)).not.toContain(COPY_WORDING_FIELD);
  });
  it('names the copy’s wording on the autocomplete line too, within 100 characters', () => {
    const [choice] = suggest(core, 'sanctions remain which alerts');
    expect(choice?.name).toContain('(copy: “which alerts”)');
    expect(choice?.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
  });
});

describe('autocomplete says who is speaking', () => {
  const long = 'Maximiliana Konstantinopolous-Wetherington de la Vega y Fuentes';
  const core = buildLibrary(
    tinyContent([
      {
        id: 'chat',
        body: [
          '[Q] Why did the harbour talks fail?',
          '[A] The harbour talks failed over money.',
          '[author] The harbour reopened later.',
          '[editors] The harbour series ends here.',
        ].join('\n\n'),
        extra: `interviewer: Ivy Asker\ninterviewee: ${long}`,
      },
    ]),
  );
  it('names the interviewer, the interviewee and the editors, and not the author', () => {
    const names = new Map(suggest(core, 'harbour').map((c) => [c.value.split(' ')[0], c.name]));
    expect(names.get('chat#1')).toContain('¶1: Ivy Asker (interviewer) — ');
    expect(names.get('chat#2')).toMatch(/¶2: Maximiliana Konstantinopolous-\S*… — /);
    expect(names.get('chat#3')).toMatch(/¶3: The harbour reopened/);
    expect(names.get('chat#4')).toContain('¶4: The Outlet editors — ');
    for (const name of names.values()) expect(name.length).toBeLessThanOrEqual(LIMITS.choiceName);
  });
});
