import { describe, expect, it } from 'vitest';
import { compare, type Comparison } from '../../src/core/compare.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { compareAnswer, compareMoreAnswer, perspectiveEmbed } from '../../src/render/compare.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { embedLength } from '../../src/render/payload.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { buttons, embedsOf, everyPage, footerOf, tinyCompare } from '../helpers/compare.js';
import { realLibrary, tinyContent } from '../helpers/content.js';
import { GARBLED } from '../helpers/copy-wording.js';
import { buildLibrary } from '../../src/core/index.js';

async function realCompare(input: string, options: Parameters<typeof compare>[3] = {}): Promise<Comparison> {
  const core = await realLibrary();
  const c = compare(core.content, core.index, input, options);
  if (!c) throw new Error(`no comparison for ${input}`);
  return c;
}

/** Every curated topic of the content under test, compared as /compare does. */
async function everyTopic(): Promise<{ topicId: string; c: Comparison }[]> {
  const core = await realLibrary();
  return Promise.all(core.content.topics.map(async (t) => ({ topicId: t.id, c: await realCompare(t.id) })));
}

/** One article with four passages on gas, one with none: enough to page with "More". */
const paging = tinyContent([
  {
    id: 'many',
    body: [
      'The gas pipeline was finished in spring.',
      'Natural gas prices rose after the pipeline closed.',
      'A second gas pipeline is planned.',
      'Gas pipeline politics divides the region.',
    ].join('\n\n'),
    extra: 'short: Many (The Outlet)',
  },
  { id: 'none', body: 'Bread is baked daily.' },
]);
const pagingIndex = createSearchIndex(paging.passages.values());

function pagingCompare(options: Parameters<typeof compare>[3]): Comparison {
  const c = compare(paging, pagingIndex, 'gas', options);
  if (!c) throw new Error('no comparison for gas');
  return c;
}

describe('perspectiveEmbed', () => {
  it('shows each passage with its paragraph, speaker and matched words in bold, markdown escaped', () => {
    const c = tinyCompare('gas');
    const alpha = c.perspectives[0];
    if (!alpha) throw new Error('no alpha');
    expect(perspectiveEmbed(alpha, c.title)).toEqual({
      color: expect.any(Number) as number,
      author: { name: 'Alpha (The Outlet)' },
      title: 'View of alpha',
      url: 'https://example.com/alpha',
      description:
        '**¶1** · Ann Author\n> Europe worried about the price of **natural** **gas**.\n\n' +
        '**¶2** · Ann Author\n> The **gas** **pipeline** to \\*Germany\\* was a threat.',
      fields: [{ name: 'Note', value: 'A \\_partial\\_ copy.' }],
      footer: { text: 'alpha#1 · alpha#2' },
    });
  });
  it('says plainly when an article does not address the topic, with no url, note or passage', () => {
    const c = tinyCompare('gas');
    const beta = c.perspectives[1];
    if (!beta) throw new Error('no beta');
    const e = perspectiveEmbed(beta, c.title);
    expect(e.description).toBe('*This article does not address “Gas and pipelines”.*');
    expect(e.title).toBe('View of beta');
    expect(e.footer).toEqual({ text: 'beta: not addressed' });
    expect(e).not.toHaveProperty('url');
    expect(e).not.toHaveProperty('fields');
  });
  it('escapes what the user typed in the "does not address" line', () => {
    const c = tinyCompare('bread *now* <@123>');
    const alpha = c.perspectives[0];
    if (!alpha) throw new Error('no alpha');
    expect(perspectiveEmbed(alpha, c.title).description).toBe(
      '*This article does not address “bread \\*now\\* \\<@123\\>”.*',
    );
  });
});

const notAddressed = (c: Comparison): string =>
  c.notAddressing.length === 0
    ? ''
    : `\nNot addressed by: ${c.notAddressing.map((p) => escapeMarkdown(p.article.short)).join(', ')}.`;

describe('compareAnswer', () => {
  it('stacks one embed per addressing article, most relevant first, titled with the perspective label', async () => {
    for (const { topicId, c } of await everyTopic()) {
      const out = compareAnswer(c, topicId);
      expect(out.ephemeral).toBe(true);
      expect(out.allowed_mentions).toEqual({ parse: [] });
      // (A topic no article addresses is reported by tests/core/compare.test.ts.)
      if (c.addressing.length > 0)
        expect(out.content, topicId).toMatch(
          new RegExp(
            `^${escapeRegExp(`**Compare:** ${escapeMarkdown(c.title)}`)}(\n.*left out\\.)?${escapeRegExp(notAddressed(c))}$`,
          ),
        );
      const embeds = embedsOf(out);
      expect(embeds.map((e) => e.title)).toEqual(c.addressing.map((p) => p.label));
      expect(embeds.map((e) => e.author?.name)).toEqual(c.addressing.map((p) => p.article.short));
    }
  });
  it('shows each addressing article’s passages, and no block for one that does not address it', async () => {
    let addressed = 0;
    for (const { topicId, c } of await everyTopic()) {
      const embeds = embedsOf(compareAnswer(c, topicId));
      expect(embeds.some((e) => e.description?.includes('does not address'))).toBe(false);
      c.addressing.forEach((p, i) => {
        const e = embeds[i];
        expect(e?.footer?.text, topicId).toBe(footerOf(p));
        const first = p.passages[0];
        addressed += 1;
        expect(e?.description, topicId).toMatch(
          new RegExp(`^\\*\\*¶${String(first?.passage.paragraph)}\\*\\* · .+\n> `),
        );
        expect(e?.url, topicId).toBe(p.article.url);
      });
    }
    expect(addressed).toBeGreaterThan(0);
  });
  it('offers "More from …" exactly for articles with more passages, with decodable ids, then Discuss', async () => {
    for (const { topicId, c } of await everyTopic()) {
      const more = c.addressing
        .filter((p) => p.total > p.passages.length)
        .map((p) => ['compare', 'more', p.article.id, String(p.passages.length), topicId]);
      expect(buttons(compareAnswer(c, topicId)).map(([, id]) => id)).toEqual([
        ...more,
        ['compare', 'discuss', topicId],
      ]);
    }
  });
  it('labels "More from …" with the whole label of the article (unique among articles) and how many remain', () => {
    const out = compareAnswer(pagingCompare({ perArticle: 2 }), 'gas');
    expect(buttons(out)).toEqual([
      ['More from Many (The Outlet) (2)', ['compare', 'more', 'many', '2', 'gas']],
      ['Discuss', ['compare', 'discuss', 'gas']],
    ]);
    expect(out.content).toBe('**Compare:** Gas and pipelines\nNot addressed by: Author (The Outlet).');
  });
  it('names the words no article uses on a line under the title, and still shows what the rest finds', () => {
    const out = compareAnswer(tinyCompare('natural gas outlawed'), 'natural gas outlawed');
    expect(out.content).toBe(
      '**Compare:** natural gas outlawed\nNo article uses “outlawed”, so it was left out.\n' +
        'Not addressed by: Author (The Outlet).',
    );
    expect(embedsOf(out).map((e) => e.footer?.text)).toEqual(['alpha#1']);
    expect(compareAnswer(tinyCompare('natural gas'), 'natural gas').content).toBe(
      '**Compare:** natural gas\nNot addressed by: Author (The Outlet).',
    );
  });
  it('keeps a free-text topic with separators intact in the custom id', () => {
    const out = compareAnswer(tinyCompare('gas | 100%'), 'gas | 100%');
    expect(buttons(out).at(-1)).toEqual(['Discuss', ['compare', 'discuss', 'gas | 100%']]);
  });
  it('says so when no article addresses the topic, escaping what was typed, with no blocks', () => {
    const out = compareAnswer(tinyCompare('cheese *and* <@123>'), 'cheese');
    expect(out.content).toBe(
      'No article addresses “cheese \\*and\\* \\<@123\\>”. Try other words, or pick a topic from the list.\n' +
        'No article uses “cheese” or “123”, so they were left out.',
    );
    expect(out).not.toHaveProperty('embeds');
    expect(buttons(out)).toEqual([['Discuss', ['compare', 'discuss', 'cheese']]]);
  });
  it('stays within Discord’s embed limits for every curated topic, leaving nothing out', async () => {
    for (const { topicId, c } of await everyTopic()) {
      const pages = everyPage(c, topicId);
      for (const out of pages) {
        const total = embedsOf(out).reduce((n, e) => n + embedLength(e), 0);
        expect(total, topicId).toBeLessThanOrEqual(LIMITS.embedTotal);
      }
      const shown = pages.flatMap((out) => embedsOf(out).map((e) => e.author?.name));
      expect(shown, topicId).toEqual(c.addressing.map((p) => p.article.short));
    }
  });
});

describe('compareMoreAnswer', () => {
  it('shows the next passages of one article privately, with a More button while some remain', () => {
    const first = pagingCompare({ perArticle: 2 }).perspectives[0]?.passages.map((p) => p.passage.id) ?? [];
    const c = pagingCompare({ offset: 2, perArticle: 1 });
    const out = compareMoreAnswer(c, 'gas', 'many', 2);
    expect(out.ephemeral).toBe(true);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    expect(out.content).toBe('**Many (The Outlet)** on Gas and pipelines (3–3 of 4)');
    expect(embedsOf(out)).toHaveLength(1);
    expect(embedsOf(out)[0]?.title).toBe('View of many');
    const shown = embedsOf(out)[0]?.footer?.text ?? '';
    expect(shown).toMatch(/^many#\d$/);
    expect(first).not.toContain(shown);
    expect(buttons(out)).toEqual([['More (1)', ['compare', 'more', 'many', '3', 'gas']]]);
  });
  it('has no button once the last passage is shown', () => {
    const out = compareMoreAnswer(pagingCompare({ offset: 2, perArticle: 3 }), 'gas', 'many', 2);
    expect(out.content).toBe('**Many (The Outlet)** on Gas and pipelines (3–4 of 4)');
    expect(embedsOf(out)[0]?.footer?.text.split(' · ')).toHaveLength(2);
    expect(out).not.toHaveProperty('components');
  });
  it('says there is nothing more for an article that does not address the topic, or an unknown one', () => {
    const c = pagingCompare({ offset: 2, perArticle: 3 });
    for (const id of ['none', 'nope']) {
      const out = compareMoreAnswer(c, 'gas', id, 2);
      expect(out).toEqual({
        ephemeral: true,
        allowed_mentions: { parse: [] },
        content: 'There is nothing more from that article on this topic.',
      });
    }
  });
});

describe('only what the reader sees', () => {
  const core = buildLibrary(tinyContent([GARBLED, { id: 'other', body: 'Bread is baked daily.' }]));
  const blocks = (input: string) => {
    const c = compare(core.content, core.index, input);
    if (!c) throw new Error(`no comparison for ${input}`);
    return embedsOf(compareAnswer(c, input)).map((e) => e.description ?? '');
  };
  it('never shows a passage matched by a hidden word of the copy, and bolds what matched', () => {
    // "equally" is shown as "[appear similarly]".
    const [block, ...rest] = blocks('equality');
    expect(rest).toEqual([]);
    expect(block).toContain('> **Equality** before the law');
    expect(block).not.toContain('¶2');
  });
  it('says when the copy’s garbled wording found a passage', () => {
    const [block] = blocks('which alerts');
    expect(block).toContain('which \\[**signals**\\]');
    expect(block).toContain(
      `*${escapeMarkdown("matched the copy's wording “which alerts”, shown corrected as which [signals]")}*`,
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
