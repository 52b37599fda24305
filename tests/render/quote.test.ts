import { compactLabels } from '../../src/content/labels.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeId, unpackUser } from '../../src/render/custom-id.js';
import {
  MAX_QUERY_LENGTH,
  pickValue,
  queryFromHeader,
  articleChoices,
  citeAnswer,
  contextAnswer,
  quoteAnswer,
  quoteChoices,
  shareAnswer,
  SOURCE_WORDING_LINE,
  sourceWordingAnswer,
  type QuoteRequest,
} from '../../src/render/quote.js';
import { passageContext } from '../../src/core/context.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { findPassage, findQuote, matchArticles, MAX_RESULTS, suggestPassages } from '../../src/core/quote.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { hasArticle, realLibrary, tinyContent } from '../helpers/content.js';
import { expectWithinDiscordLimits, HOSTILE_QUERIES, mentionsIn } from '../helpers/payload.js';
import { anyText, FAMILY, FLAG, graphemeBoundaries, LONE_SURROGATE, SCRIPT_A } from '../helpers/text.js';

const OWNER = '123456789012345678';

// The core finds, the renderer shows, composed as commands/quote.ts composes them.
const answer = (core: Library, req: QuoteRequest & { index?: number }) =>
  quoteAnswer(findQuote(core, req), req);
const suggest = (core: Library, typed: string, articleId?: string) =>
  quoteChoices(core.content, suggestPassages(core, typed, LIMITS.choices, articleId), typed);
function inArticle(core: Library, id: string) {
  const found = findPassage(core.content, id);
  if (!found) throw new Error(`no passage ${id} in the content under test`);
  return found;
}
function context(core: Library, id: string) {
  const ctx = passageContext(core.content, id, 1);
  if (!ctx) throw new Error(`no passage ${id} in the content under test`);
  return contextAnswer(inArticle(core, id).article, ctx);
}

// Tests about one shipped article's own passages run while that article is in the content under test.
const withSumner = it.skipIf(!hasArticle('sumner-riyadh'));
const withKulakevich = it.skipIf(!hasArticle('kulakevich-qa'));

/** "Short label · para. n · id", as a quote's footer shows a passage. */
async function footerFor(passageId: string): Promise<string> {
  const { content } = await realLibrary();
  const p = content.passages.get(passageId);
  const a = content.articleById.get(passageId.split('#')[0] ?? '');
  if (!p || !a) throw new Error(`no passage ${passageId}`);
  return `${a.short} · para. ${String(p.paragraph)} · ${passageId}`;
}

function buttons(p: ReturnType<typeof quoteAnswer>) {
  return (p.components ?? [])
    .flatMap((r) => r.components)
    .map((c) => ('custom_id' in c ? { id: c.custom_id, disabled: c.disabled } : null));
}

describe('quoteAnswer', () => {
  withKulakevich(
    'shows the best match privately, with speaker, article, paragraph, link, notice and bold matches',
    async () => {
      const core = await realLibrary();
      const p = answer(core, { query: 'disinformation space', public: false, owner: OWNER });
      expectWithinDiscordLimits(p);
      expect(p.ephemeral).toBe(true);
      expect(p.content).toMatch(/^Match 1 of \d+ for “disinformation space”$/);
      const e = p.embeds?.[0];
      expect(e?.author?.name).toBe('The Conversation U.S. editors — quoting Volodymyr Zelenskyy');
      expect(e?.description).toContain('**disinformation**');
      expect(e?.url).toMatch(/^https:\/\/theconversation\.com\//);
      expect(e?.fields?.find((f) => f.name === 'Source')?.value).toBe(
        'The Conversation U.S., February 2025 (interview), paragraph 2',
      );
      const notice = core.content.articleById.get('kulakevich-qa')?.notice ?? '?';
      expect(e?.fields?.find((f) => f.name === 'Note')?.value).toBe(escapeMarkdown(notice));
      expect(e?.footer?.text).toBe(await footerFor('kulakevich-qa#2'));
    },
  );
  it('is public only when asked', async () => {
    const core = await realLibrary();
    const [first] = core.content.passages.values();
    const query = first?.text.split(/\s+/).slice(0, 6).join(' ') ?? '';
    expect(answer(core, { query, public: true, owner: OWNER }).ephemeral).toBe(false);
    expect(answer(core, { query, public: false, owner: OWNER }).ephemeral).toBe(true);
  });
  it('has ◀ ▶ Context Share Cite buttons carrying their state', async () => {
    const core = await realLibrary();
    const first = answer(core, { query: 'Trump', public: false, owner: OWNER });
    const [prev, next, ctx, share, cite] = buttons(first);
    expect(prev).toEqual({ id: 'quote|noop|prev', disabled: true });
    const nextId = decodeId(next?.id ?? '');
    expect(nextId?.command).toBe('quote');
    expect(nextId?.action).toBe('page');
    expect(unpackUser(nextId?.fields[0])).toBe(OWNER);
    expect(nextId?.fields.slice(1)).toEqual(['1', '', '0', '', 'Trump']);
    const shown = first.embeds?.[0]?.footer?.text.split(' · ').at(-1);
    expect(decodeId(ctx?.id ?? '')?.fields).toEqual([shown]);
    expect(decodeId(share?.id ?? '')?.action).toBe('share');
    expect(decodeId(cite?.id ?? '')?.action).toBe('cite');
    // Page 2 shows another passage, with ◀ enabled.
    const second = answer(core, { query: 'Trump', public: false, owner: OWNER, index: 1 });
    expect(second.content).toMatch(/^Match 2 of /);
    expect(second.embeds?.[0]?.footer?.text).not.toBe(first.embeds?.[0]?.footer?.text);
    expect(buttons(second)[0]?.disabled).toBe(false);
  });
  withSumner('shows exactly the picked passage for an autocomplete value', async () => {
    const core = await realLibrary();
    const p = answer(core, { query: 'sumner-riyadh#15', public: false, owner: OWNER });
    expect(p.content).toBeUndefined();
    expect(p.embeds?.[0]?.author?.name).toBe('Donald Trump, as quoted by Mark Sumner');
    expect(p.embeds?.[0]?.footer?.text).toBe(await footerFor('sumner-riyadh#15'));
  });
  it('filters by article', async () => {
    const core = await realLibrary();
    for (const a of core.content.articles) {
      const p = answer(core, { query: 'Trump', articleId: a.id, public: false, owner: OWNER });
      if (p.embeds?.length) expect(p.embeds[0]?.footer?.text).toMatch(new RegExp(`${a.id}#\\d+$`));
    }
    const p = answer(core, { query: 'Trump', articleId: 'kulakevich-qa', public: false, owner: OWNER });
    if (hasArticle('kulakevich-qa')) expect(p.embeds?.[0]?.footer?.text).toMatch(/kulakevich-qa#\d+$/);
  });
  it('says so when nothing matches, and when there is nothing to search', async () => {
    const core = await realLibrary();
    expect(answer(core, { query: 'xyzzy qqqq', public: false, owner: OWNER }).content).toBe(
      'No passage matches “xyzzy qqqq”. Try fewer or different words, or /compare for a topic.',
    );
    expect(answer(core, { query: '  ?! ', public: false, owner: OWNER }).content).toBe(
      'Type some words to search for, e.g. `/quote query: ammunition, not a ride`.',
    );
  });
  it('answers every hostile input with a valid payload that pings nobody', async () => {
    const core = await realLibrary();
    for (const query of HOSTILE_QUERIES) {
      const p = answer(core, { query, public: true, owner: OWNER });
      expectWithinDiscordLimits(p);
      expect(mentionsIn(p)).toEqual([]);
      expect(p.content ?? '').not.toMatch(/(?<!\\)\*\*bold(?<!\\)\*\*/);
    }
  });
  it(`pages through at most ${MAX_RESULTS} matches`, async () => {
    const core = await realLibrary();
    const p = answer(core, { query: 'Trump', public: false, owner: OWNER, index: 999 });
    expect(p.content).toMatch(new RegExp(`^Match (\\d+) of \\1 for`));
    expect(Number(/of (\d+)/.exec(p.content ?? '')?.[1])).toBeLessThanOrEqual(MAX_RESULTS);
  });
});

describe('a corrected passage', () => {
  it('bolds the matched words inside an editor’s [brackets]', () => {
    const core = buildLibrary(
      tinyContent([
        {
          id: 'garbled',
          body: 'Zelenskyy said Trump lives in a “disinformation area.”',
          extra: "corrections:\n  - { from: 'disinformation area', to: 'disinformation space' }",
        },
      ]),
    );
    const p = answer(core, { query: 'disinformation space', public: false, owner: OWNER });
    expect(p.embeds?.[0]?.description).toContain('“**disinformation** \\[**space**\\].”');
  });
});

describe('picking a suggestion', () => {
  it('shows the picked passage first, then pages through the other matches of what was typed', async () => {
    const core = await realLibrary();
    const value = suggest(core, 'Trump')[2]?.value ?? '';
    const [pickedId, typed] = [value.split(' ')[0], value.split(' ').slice(1).join(' ')];
    expect(typed).toBe('Trump');
    const p = answer(core, { query: value, public: false, owner: OWNER });
    expect(p.content).toMatch(/^Match 1 of \d+ for “Trump”$/);
    expect(p.embeds?.[0]?.footer?.text.endsWith(` · ${pickedId ?? ''}`)).toBe(true);
    const next = answer(core, { query: value, public: false, owner: OWNER, index: 1 });
    expect(next.embeds?.[0]?.footer?.text.endsWith(` · ${pickedId ?? ''}`)).toBe(false);
    const all = Array.from({ length: 25 }, (_, i) =>
      answer(core, { query: value, public: false, owner: OWNER, index: i }),
    );
    const shownIds = all.map((a) => a.embeds?.[0]?.footer?.text.split(' · ').at(-1));
    expect(shownIds.filter((id) => id === pickedId)).toHaveLength(1);
  });
  it('keeps the value within 100 characters', () => {
    expect(pickValue('kulakevich-qa#12', 'x '.repeat(200)).length).toBeLessThanOrEqual(100);
    expect(pickValue('kulakevich-qa#12', '  a   b ')).toBe('kulakevich-qa#12 a b');
  });
  it('cuts the value between graphemes: an emoji at the 100th character is left out whole', () => {
    const id = 'kulakevich-qa#12'; // 16 characters and a space: 83 are left for what was typed
    expect(pickValue(id, `${'a'.repeat(82)}${SCRIPT_A}`)).toBe(`${id} ${'a'.repeat(82)}`);
    expect(pickValue(id, `${'a'.repeat(80)}${FAMILY}`)).toBe(`${id} ${'a'.repeat(80)}`);
    expect(pickValue(id, `${'a'.repeat(81)}${FLAG}`)).toBe(`${id} ${'a'.repeat(81)}`);
  });
  it('value: at most 100 characters, a prefix of id and typed text, whole graphemes', () => {
    fc.assert(
      fc.property(anyText(120), (typed) => {
        const value = pickValue('kulakevich-qa#12', typed);
        const whole = `kulakevich-qa#12 ${typed.replace(/\s+/g, ' ').trim()}`;
        expect(value.length).toBeLessThanOrEqual(100);
        expect(whole.startsWith(value)).toBe(true);
        expect(graphemeBoundaries(whole).has(value.length)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it('autocomplete values never hold a lone surrogate, whatever the cut', async () => {
    const core = await realLibrary();
    // A word of the content under test, so that there are suggestions to cut.
    const word = /[A-Za-z]{6,}/.exec([...core.content.passages.values()][0]?.text ?? '')?.[0] ?? '?';
    for (const typed of [`${word} ${SCRIPT_A.repeat(60)}`, `${word} x${SCRIPT_A.repeat(60)}`]) {
      const choices = suggest(core, typed);
      expect(choices.length).toBeGreaterThan(0);
      for (const c of choices) {
        expect(c.value.length).toBeLessThanOrEqual(100);
        expect(c.value).not.toMatch(LONE_SURROGATE);
        expect(c.name).not.toMatch(LONE_SURROGATE);
      }
    }
  });
});

describe('contextAnswer, citeAnswer, shareAnswer', () => {
  withSumner('gives the paragraphs around a passage, privately', async () => {
    const core = await realLibrary();
    const p = context(core, 'sumner-riyadh#15');
    expectWithinDiscordLimits(p);
    expect(p.ephemeral).toBe(true);
    expect(p.embeds?.map((e) => e.author?.name)).toEqual([
      'Paragraph 14 · Mark Sumner',
      '▶ Paragraph 15 · Donald Trump, as quoted by Mark Sumner',
      'Paragraph 16 · Mark Sumner',
    ]);
  });
  withSumner('gives APA and MLA with the paragraph', async () => {
    const core = await realLibrary();
    const p = citeAnswer(inArticle(core, 'sumner-riyadh#39'));
    const names = p.embeds?.[0]?.fields?.map((f) => f.name);
    expect(names).toEqual([
      'APA — in text: (Sumner, 2025, para. 39)',
      'MLA — in text: (Sumner, par. 39)',
      'Note',
    ]);
    expect(p.embeds?.[0]?.fields?.[0]?.value).toBe(
      'Sumner, M. (2025, February). [Opinion column on the U.S.–Russia talks in Riyadh]. Daily Kos.',
    );
  });
  withSumner('posts "Shared by" publicly, with a rendered mention that pings nobody', async () => {
    const core = await realLibrary();
    const p = shareAnswer(inArticle(core, 'sumner-riyadh#39'), OWNER);
    expect(p.ephemeral).toBe(false);
    expect(p.content).toBe(`Shared by <@${OWNER}>`);
    expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(p.embeds?.[0]?.footer?.text).toBe(await footerFor('sumner-riyadh#39'));
  });
});

describe('Source wording', () => {
  const passagesOf = async () => [...(await realLibrary()).content.passages.values()];

  it('is a button on a corrected passage only, in a row of its own', async () => {
    const core = await realLibrary();
    const passages = await passagesOf();
    const corrected = passages.find((p) => p.display !== p.text);
    const plain = passages.find((p) => p.display === p.text);
    if (!corrected || !plain) throw new Error('the content needs a corrected and an uncorrected passage');
    const p = answer(core, { query: corrected.id, public: false, owner: OWNER });
    expectWithinDiscordLimits(p);
    expect(p.components?.[1]?.components).toEqual([
      expect.objectContaining({ custom_id: `quote|source|${corrected.id}`, label: 'Source wording' }),
    ]);
    const q = answer(core, { query: plain.id, public: false, owner: OWNER });
    expect(q.components).toHaveLength(1);
    expect(buttons(q).map((b) => b?.id)).not.toContain(`quote|source|${plain.id}`);
  });

  it('shows every corrected passage privately, word for word as the copy has it, and what was corrected', async () => {
    const core = await realLibrary();
    const corrected = (await passagesOf()).filter((p) => p.display !== p.text);
    expect(corrected.length).toBeGreaterThan(0);
    for (const passage of corrected) {
      const { article } = inArticle(core, passage.id);
      const p = sourceWordingAnswer({ passage, article });
      expectWithinDiscordLimits(p);
      expect(p.ephemeral).toBe(true);
      expect(p.content).toBe(SOURCE_WORDING_LINE);
      const e = p.embeds?.[0];
      expect(e?.description, passage.id).toBe(`> ${escapeMarkdown(passage.text)}`);
      expect(e?.footer?.text).toMatch(new RegExp(` · ${passage.id}$`));
      // Each correction whose garbled text is in this passage is listed, garbled → intended.
      const listed = e?.fields?.find((f) => f.name === 'Corrected in the answer, in [brackets]')?.value ?? '';
      const expected = article.corrections.filter((c) => passage.text.includes(c.from));
      expect(listed.split('\n')).toHaveLength(expected.length);
      for (const c of expected) expect(listed).toContain(escapeMarkdown(`“${c.from}” → “${c.to}”`));
      if (article.notice)
        expect(e?.fields?.at(-1)).toEqual({ name: 'Note', value: escapeMarkdown(article.notice) });
    }
  });

  it('shows the slur as the copy has it, named as a correction', async () => {
    const core = await realLibrary();
    const passage = [...core.content.passages.values()].find((p) => p.text.includes('Jap European'));
    if (!passage) return; // The article was removed: nothing to show.
    const e = sourceWordingAnswer(inArticle(core, passage.id)).embeds?.[0];
    expect(e?.description).toContain('a scholar of Jap European politics');
    expect(e?.description).not.toContain('Eastern');
    expect(e?.fields?.[0]?.value).toContain('“Jap European” → “Eastern European”');
  });
});

describe('quoteChoices', () => {
  withSumner('suggests passages with article, paragraph and the words that matched', async () => {
    const core = await realLibrary();
    const choices = suggest(core, 'ammunition not a ri');
    expect(choices[0]).toEqual({
      value: 'sumner-riyadh#39 ammunition not a ri',
      name: expect.stringMatching(
        new RegExp(
          `^${escapeRegExp(compactLabels(core.content.articles).get('sumner-riyadh') ?? '?')} ¶39: .*ammunition, not a ride`,
        ),
      ) as unknown,
    });
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(core.content.passages.has(c.value.split(' ')[0] ?? '')).toBe(true);
    }
  });
  it('offers starting points for empty input and respects the article filter', async () => {
    const core = await realLibrary();
    const start = suggest(core, '');
    expect(start.length).toBeGreaterThan(3);
    expect(start.length).toBeLessThanOrEqual(25);
    // Starting points are the topics' pinned passages; an article no topic pins has none.
    for (const a of core.content.articles) {
      for (const query of ['', 'Trump']) {
        expect(suggest(core, query, a.id).every((c) => c.value.startsWith(`${a.id}#`))).toBe(true);
      }
    }
  });
  it('never returns more than 25 choices or an invalid one, whatever is typed', async () => {
    const core = await realLibrary();
    for (const q of [...HOSTILE_QUERIES, 'the', 'trump russia ukraine']) {
      const cs = suggest(core, q);
      expect(cs.length).toBeLessThanOrEqual(25);
      for (const c of cs) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('articleChoices', () => {
  it('lists articles matching what is typed', () => {
    const core = buildLibrary(
      tinyContent([
        { id: 'alpha', body: 'A.', extra: 'short: Alpha (Daily Kos)' },
        { id: 'beta', body: 'B.', extra: 'short: Beta (The Outlet)' },
        { id: 'gamma', body: 'C.', untitled: true, extra: 'description: Column on the talks' },
      ]),
    );
    expect(articleChoices(matchArticles(core.content, '')).map((c) => c.value)).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
    expect(articleChoices(matchArticles(core.content, 'daily kos')).map((c) => c.value)).toEqual(['alpha']);
    expect(articleChoices(matchArticles(core.content, 'THE TALKS')).map((c) => c.value)).toEqual(['gamma']);
    expect(articleChoices(matchArticles(core.content, 'bet')).map((c) => c.name)).toEqual([
      'Beta (The Outlet) — Title of beta',
    ]);
    expect(articleChoices(matchArticles(core.content, 'nothing like it'))).toEqual([]);
  });
  it('offers every article under test when nothing is typed', async () => {
    const core = await realLibrary();
    expect(articleChoices(matchArticles(core.content, '')).map((c) => c.value)).toEqual(
      core.content.articles.map((a) => a.id),
    );
  });
});

describe('queryFromHeader', () => {
  it('reads back the whole query from the answer, even one too long for a custom_id', async () => {
    const core = await realLibrary();
    const query = 'the ammunition **not** a ride @everyone <@1> | and some more words to make it long enough';
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const p = answer(core, { query, public: false, owner: OWNER });
    expect(queryFromHeader(p.content)).toBe(query);
    expect(queryFromHeader('something else')).toBeUndefined();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
