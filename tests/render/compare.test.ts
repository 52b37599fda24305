import type { APIButtonComponentWithCustomId, APIEmbed } from 'discord-api-types/v10';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { compare, type Comparison } from '../../src/core/compare.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import {
  compareAnswer,
  compareMoreAnswer,
  comparePageAnswer,
  comparePages,
  pagesFingerprint,
  perspectiveEmbed,
} from '../../src/render/compare.js';
import { decodeId } from '../../src/render/custom-id.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { embedLength, splitEmbed, type Payload } from '../../src/render/payload.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { tinyCompare } from '../helpers/compare.js';
import { realLibrary, tinyContent } from '../helpers/content.js';
import {
  MANY_TOPIC,
  MANY_TOPIC_TITLE,
  writeManyArticles,
  type ManyArticlesFolder,
} from '../helpers/many-articles.js';

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

/** What /compare shows for one article: its passage ids, or that it does not address the topic. */
const footerOf = (p: Comparison['perspectives'][number]): string =>
  p.passages.length === 0
    ? `${p.article.id}: not addressed`
    : p.passages.map((x) => x.passage.id).join(' · ');

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

/** The buttons of a payload, as [label, decoded custom id]. */
function buttons(p: Payload): [string | undefined, string[] | null][] {
  return (p.components ?? []).flatMap((r) =>
    r.components.map((c): [string | undefined, string[] | null] => {
      const b = c as APIButtonComponentWithCustomId;
      const d = decodeId(b.custom_id);
      return [b.label, d && [d.command, d.action, ...d.fields]];
    }),
  );
}

const embedsOf = (p: Payload): APIEmbed[] => p.embeds ?? [];

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

/** Every page of a comparison, reached as a user does: by following each page's Next ▶ button. */
function everyPage(c: Comparison, topicKey: string): Payload[] {
  const pages = [compareAnswer(c, topicKey)];
  for (;;) {
    const next = buttons(pages.at(-1) ?? compareAnswer(c, topicKey)).find(([label]) => label === 'Next ▶');
    const id = next?.[1];
    if (!id || id[1] !== 'page') return pages;
    const [, , target, count, fingerprint, key] = id;
    const page = comparePageAnswer(c, key ?? '', {
      page: Number(target),
      pageCount: Number(count),
      fingerprint: fingerprint ?? '',
    });
    if (!page) throw new Error(`stale page button ${id.join('|')}`);
    pages.push(page);
    if (pages.length > 20) throw new Error('the Next buttons go round in circles');
  }
}

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
        expect(out.content, topicId).toBe(`**Compare:** ${escapeMarkdown(c.title)}${notAddressed(c)}`);
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
  it('labels "More from …" with the author and how many remain', () => {
    const out = compareAnswer(pagingCompare({ perArticle: 2 }), 'gas');
    expect(buttons(out)).toEqual([
      ['More from Many (2)', ['compare', 'more', 'many', '2', 'gas']],
      ['Discuss', ['compare', 'discuss', 'gas']],
    ]);
    expect(out.content).toBe('**Compare:** Gas and pipelines\nNot addressed by: Author (The Outlet).');
  });
  it('keeps a free-text topic with separators intact in the custom id', () => {
    const out = compareAnswer(tinyCompare('gas | 100%'), 'gas | 100%');
    expect(buttons(out).at(-1)).toEqual(['Discuss', ['compare', 'discuss', 'gas | 100%']]);
  });
  it('says so when no article addresses the topic, escaping what was typed, with no blocks', () => {
    const out = compareAnswer(tinyCompare('cheese *and* <@123>'), 'cheese');
    expect(out.content).toBe(
      'No article addresses “cheese \\*and\\* \\<@123\\>”. Try other words, or pick a topic from the list.',
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

describe('/compare pages in a class of ten articles', () => {
  let folder: ManyArticlesFolder;
  let library: Library;
  async function load(dir: string): Promise<Library> {
    const loaded = await loadContent(dir);
    if (!loaded.ok)
      throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    return buildLibrary(loaded.content);
  }
  beforeAll(async () => {
    folder = writeManyArticles();
    library = await load(folder.dir);
  });
  afterAll(() => {
    folder.remove();
  });
  const energy = (lib: Library = library): Comparison => {
    const c = compare(lib.content, lib.index, MANY_TOPIC);
    if (!c) throw new Error('no comparison');
    return c;
  };

  it('does not fit one message, so it has pages', () => {
    const c = energy();
    const all = c.addressing.flatMap((p) => splitEmbed(perspectiveEmbed(p, c.title)));
    expect(all.reduce((n, e) => n + embedLength(e), 0)).toBeGreaterThan(LIMITS.embedTotal);
    expect(comparePages(c).length).toBeGreaterThan(1);
  });
  it('shows every addressing article exactly once across the pages, most relevant first, each block whole', () => {
    const c = energy();
    const pages = everyPage(c, MANY_TOPIC);
    expect(pages.length).toBe(comparePages(c).length);
    const embeds = pages.flatMap(embedsOf);
    expect(embeds.map((e) => e.author?.name)).toEqual(c.addressing.map((p) => p.article.short));
    expect(embeds.map((e) => e.footer?.text)).toEqual(c.addressing.map(footerOf));
    expect(embeds.some((e) => /not shown|does not address/.test(e.description ?? ''))).toBe(false);
    expect(new Set(c.addressing.map((p) => p.article.id))).toEqual(
      new Set(folder.addressing.get(MANY_TOPIC)),
    );
  });
  it('lists exactly the two other articles on one "Not addressed by" line, and numbers the pages', () => {
    const c = energy();
    const names = (folder.notAddressing.get(MANY_TOPIC) ?? []).map(
      (id) => library.content.articleById.get(id)?.short,
    );
    expect(names).toHaveLength(2);
    const pages = everyPage(c, MANY_TOPIC);
    pages.forEach((out, k) => {
      expect(out.content).toBe(
        `**Compare:** ${MANY_TOPIC_TITLE} · Page ${String(k + 1)} of ${String(pages.length)}\nNot addressed by: ${names.join(', ')}.`,
      );
    });
  });
  it('keeps every page within Discord’s limits', () => {
    for (const out of everyPage(energy(), MANY_TOPIC)) {
      const embeds = embedsOf(out);
      expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
      expect(out.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
      expect(out.components?.length ?? 0).toBeLessThanOrEqual(LIMITS.actionRows);
      for (const r of out.components ?? [])
        expect(r.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      expect(out.ephemeral).toBe(true);
    }
  });
  it('has ◀ Prev and Next ▶, disabled at the ends, and Prev goes back', () => {
    const c = energy();
    const pages = everyPage(c, MANY_TOPIC);
    const nav = (out: Payload) =>
      (out.components?.[0]?.components ?? []).map((b) => {
        const x = b as APIButtonComponentWithCustomId;
        return [x.label, x.disabled, decodeId(x.custom_id)?.action];
      });
    expect(nav(pages[0] ?? compareAnswer(c, MANY_TOPIC))).toEqual([
      ['◀ Prev', true, 'noop'],
      ['Next ▶', false, 'page'],
    ]);
    expect(nav(pages.at(-1) ?? compareAnswer(c, MANY_TOPIC))).toEqual([
      ['◀ Prev', false, 'page'],
      ['Next ▶', true, 'noop'],
    ]);
    const prev = buttons(pages[1] ?? compareAnswer(c, MANY_TOPIC)).find(([label]) => label === '◀ Prev')?.[1];
    const [, , target, count, fingerprint] = prev ?? [];
    expect(
      comparePageAnswer(c, MANY_TOPIC, {
        page: Number(target),
        pageCount: Number(count),
        fingerprint: fingerprint ?? '',
      }),
    ).toEqual(pages[0]);
  });
  it('recognises a stale page button: wrong page, page count or fingerprint, or changed articles', async () => {
    const c = energy();
    const pages = comparePages(c);
    const ref = { page: 1, pageCount: pages.length, fingerprint: pagesFingerprint(pages) };
    expect(comparePageAnswer(c, MANY_TOPIC, ref)).not.toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, page: pages.length })).toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, page: Number('x') })).toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, pageCount: pages.length + 1 })).toBeNull();
    expect(comparePageAnswer(c, MANY_TOPIC, { ...ref, fingerprint: 'zzz' })).toBeNull();
    // The same folder with the most relevant article removed pages differently.
    const changed = writeManyArticles();
    try {
      rmSync(path.join(changed.dir, 'articles', `${c.addressing[0]?.article.id ?? ''}.md`));
      expect(comparePageAnswer(energy(await load(changed.dir)), MANY_TOPIC, ref)).toBeNull();
    } finally {
      changed.remove();
    }
  });
});
