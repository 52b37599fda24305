import type { APIButtonComponentWithCustomId, APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.js';
import { compare, type Comparison } from '../../src/core/compare.js';
import { pickPrompt, type PromptPick } from '../../src/core/prompts.js';
import { createSearchIndex } from '../../src/core/search.js';
import {
  compareAnswer,
  compareMoreAnswer,
  freePromptPost,
  perspectiveEmbed,
  pollFor,
  promptPost,
  threadName,
  usedPromptIds,
} from '../../src/render/compare.js';
import { decodeId } from '../../src/render/custom-id.js';
import { embedLength, LIMITS, type Payload } from '../../src/render/limits.js';
import { realCore, tinyContent } from '../helpers/content.js';

const tiny = tinyContent([
  {
    id: 'alpha',
    body: [
      'Europe worried about the price of natural gas.',
      'The gas pipeline to *Germany* was a threat.',
      'Nothing here about fuel.',
    ].join('\n\n'),
    extra: ['short: Alpha (The Outlet)', 'url: https://example.com/alpha', 'notice: A _partial_ copy.'].join(
      '\n',
    ),
  },
  { id: 'beta', body: 'Bread is baked daily.' },
]);
const tinyIndex = createSearchIndex(tiny.passages.values());

function tinyCompare(input: string): Comparison {
  const c = compare(tiny, tinyIndex, input);
  if (!c) throw new Error(`no comparison for ${input}`);
  return c;
}

async function realCompare(input: string, options: Parameters<typeof compare>[3] = {}): Promise<Comparison> {
  const core = await realCore();
  const c = compare(core.content, core.index, input, options);
  if (!c) throw new Error(`no comparison for ${input}`);
  return c;
}

async function realPick(topicId: string): Promise<PromptPick> {
  const core = await realCore();
  const r = pickPrompt(core.content, core.index, { topicId, level: 'analyze' });
  if (!r.ok) throw new Error(r.error);
  return r.pick;
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

describe('compareAnswer', () => {
  it('stacks one embed per article, in article order, titled with the perspective label', async () => {
    const core = await realCore();
    const c = await realCompare('china-triangle');
    const out = compareAnswer(c, 'china-triangle');
    expect(out.ephemeral).toBe(true);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    expect(out.content).toBe('**Compare:** China and the diplomatic triangle');
    expect(embedsOf(out).map((e) => e.title)).toEqual(core.content.articles.map((a) => a.perspective));
    expect(embedsOf(out).map((e) => e.author?.name)).toEqual([
      'Kulakevich (The Conversation U.S.)',
      'Sumner (Daily Kos)',
    ]);
  });
  it('says exactly that Sumner does not address China, and shows Kulakevich’s passages', async () => {
    const out = compareAnswer(await realCompare('china-triangle'), 'china-triangle');
    const [kulakevich, sumner] = embedsOf(out);
    expect(sumner?.description).toBe('*This article does not address “China and the diplomatic triangle”.*');
    expect(sumner?.footer?.text).toBe('sumner-riyadh: not addressed');
    expect(kulakevich?.footer?.text).toBe('kulakevich-qa#14 · kulakevich-qa#20');
    expect(kulakevich?.description).toMatch(/^\*\*¶14\*\* · Tatsiana Kulakevich\n> /);
    expect(kulakevich?.url).toMatch(/^https:\/\/theconversation\.com\//);
    expect(sumner).not.toHaveProperty('url');
  });
  it('offers "More from …" only for articles with more passages, with decodable ids, then Discuss', async () => {
    const out = compareAnswer(await realCompare('china-triangle'), 'china-triangle');
    expect(buttons(out)).toEqual([
      ['More from Kulakevich (1)', ['compare', 'more', 'kulakevich-qa', '2', 'china-triangle']],
      ['Discuss', ['compare', 'discuss', 'china-triangle']],
    ]);
  });
  it('offers "More from …" for every article that has more', async () => {
    const out = compareAnswer(await realCompare('riyadh-talks'), 'riyadh-talks');
    expect(buttons(out).map(([, id]) => id)).toEqual([
      ['compare', 'more', 'kulakevich-qa', '2', 'riyadh-talks'],
      ['compare', 'more', 'sumner-riyadh', '2', 'riyadh-talks'],
      ['compare', 'discuss', 'riyadh-talks'],
    ]);
  });
  it('keeps a free-text topic with separators intact in the custom id', () => {
    const out = compareAnswer(tinyCompare('gas | 100%'), 'gas | 100%');
    expect(buttons(out).at(-1)).toEqual(['Discuss', ['compare', 'discuss', 'gas | 100%']]);
  });
  it('says so when no article addresses the topic, escaping what was typed', () => {
    const out = compareAnswer(tinyCompare('cheese *and* <@123>'), 'cheese');
    expect(out.content).toBe(
      'No article addresses “cheese \\*and\\* \\<@123\\>”. Try other words, or pick a topic from the list.',
    );
    expect(embedsOf(out).map((e) => e.footer?.text)).toEqual(['alpha: not addressed', 'beta: not addressed']);
    expect(buttons(out)).toEqual([['Discuss', ['compare', 'discuss', 'cheese']]]);
  });
  it('stays within Discord’s embed limits for every curated topic', async () => {
    const core = await realCore();
    for (const t of core.content.topics) {
      const out = compareAnswer(await realCompare(t.id), t.id);
      const total = embedsOf(out).reduce((n, e) => n + embedLength(e), 0);
      expect(total, t.id).toBeLessThanOrEqual(LIMITS.embedTotal);
      // Nothing was left out for size: one embed per article.
      expect(embedsOf(out).length, t.id).toBe(core.content.articles.length);
    }
  });
});

describe('compareMoreAnswer', () => {
  it('shows the next passages of one article privately, with a More button while some remain', async () => {
    const c = await realCompare('riyadh-talks', { offset: 2, perArticle: 1 });
    const out = compareMoreAnswer(c, 'riyadh-talks', 'kulakevich-qa', 2);
    expect(out.ephemeral).toBe(true);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    expect(out.content).toBe(
      "**Kulakevich (The Conversation U.S.)** on The Riyadh talks and Ukraine's exclusion (3–3 of 5)",
    );
    expect(embedsOf(out)).toHaveLength(1);
    expect(embedsOf(out)[0]?.title).toBe(c.perspectives[0]?.article.perspective);
    expect(buttons(out)).toEqual([['More (2)', ['compare', 'more', 'kulakevich-qa', '3', 'riyadh-talks']]]);
  });
  it('has no button once the last passage is shown', async () => {
    const c = await realCompare('riyadh-talks', { offset: 2, perArticle: 3 });
    const out = compareMoreAnswer(c, 'riyadh-talks', 'kulakevich-qa', 2);
    expect(out.content).toBe(
      "**Kulakevich (The Conversation U.S.)** on The Riyadh talks and Ukraine's exclusion (3–5 of 5)",
    );
    // #8 and #15 are pinned (shown first); the rest are what search found, best first.
    expect(embedsOf(out)[0]?.footer?.text).toBe('kulakevich-qa#18 · kulakevich-qa#27 · kulakevich-qa#3');
    expect(out).not.toHaveProperty('components');
  });
  it('says there is nothing more for an article that does not address the topic, or an unknown one', async () => {
    const c = await realCompare('china-triangle', { offset: 2, perArticle: 3 });
    for (const id of ['sumner-riyadh', 'nope']) {
      const out = compareMoreAnswer(c, 'china-triangle', id, 2);
      expect(out).toEqual({
        ephemeral: true,
        allowed_mentions: { parse: [] },
        content: 'There is nothing more from that article on this topic.',
      });
    }
  });
});

describe('pollFor', () => {
  it('asks which argument is better supported, one answer per article plus "Not sure yet"', async () => {
    const core = await realCore();
    expect(pollFor(core.content.articles)).toEqual({
      question: { text: 'Which argument is better supported by the texts?' },
      answers: [
        { poll_media: { text: 'Kulakevich (The Conversation U.S.)' } },
        { poll_media: { text: 'Sumner (Daily Kos)' } },
        { poll_media: { text: 'Not sure yet' } },
      ],
      duration: 24,
      allow_multiselect: false,
    });
  });
  it('keeps answers within 55 characters and at most 10 answers', async () => {
    const core = await realCore();
    const base = core.content.articles[0] as Article;
    const many = Array.from({ length: 12 }, (_, i) => ({ ...base, short: `${String(i)} ${'x'.repeat(80)}` }));
    const poll = pollFor(many);
    expect(poll.answers).toHaveLength(LIMITS.pollAnswers);
    expect(poll.answers.at(-1)?.poll_media.text).toBe('Not sure yet');
    expect(poll.answers[0]?.poll_media.text).toHaveLength(55);
    expect(poll.answers[0]?.poll_media.text?.endsWith('…')).toBe(true);
    for (const a of poll.answers) expect(a.poll_media.text?.length).toBeLessThanOrEqual(55);
  });
});

describe('promptPost', () => {
  it('posts the question publicly, with the prompt id in the footer and each perspective below', async () => {
    const pick = await realPick('china-triangle');
    const out = promptPost(pick, { poll: false, topicTitle: 'China and the diplomatic triangle' });
    expect(out.ephemeral).toBe(false);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    const [question, ...perspectives] = embedsOf(out);
    expect(question).toEqual({
      color: 0x5865f2,
      author: { name: 'Discussion · Analyze' },
      title: 'China and the diplomatic triangle',
      description: `## ${pick.prompt.text}\nCite the texts: use **/quote**, then **Share**.`,
      footer: { text: 'Prompt china-triangle:analyze' },
    });
    expect(perspectives.map((e) => e.footer?.text)).toEqual([
      'kulakevich-qa#14 · kulakevich-qa#20',
      'sumner-riyadh: not addressed',
    ]);
    expect(out).not.toHaveProperty('poll');
  });
  it('adds the poll when asked', async () => {
    const out = promptPost(await realPick('china-triangle'), { poll: true, topicTitle: 'China' });
    expect(out.poll?.question).toEqual({ text: 'Which argument is better supported by the texts?' });
    expect(out.poll?.answers.map((a) => a.poll_media.text)).toEqual([
      'Kulakevich (The Conversation U.S.)',
      'Sumner (Daily Kos)',
      'Not sure yet',
    ]);
    for (const a of out.poll?.answers ?? []) expect(a.poll_media.text?.length).toBeLessThanOrEqual(55);
  });
  it('stays within Discord’s embed limits for every prompt', async () => {
    const core = await realCore();
    for (const t of core.content.topics) {
      for (const level of ['understand', 'analyze', 'evaluate'] as const) {
        const r = pickPrompt(core.content, core.index, { topicId: t.id, level });
        if (!r.ok) throw new Error(r.error);
        const out = promptPost(r.pick, { poll: true, topicTitle: t.title });
        const embeds = embedsOf(out);
        expect(
          embeds.reduce((n, e) => n + embedLength(e), 0),
          r.pick.prompt.id,
        ).toBeLessThanOrEqual(LIMITS.embedTotal);
        expect(embeds.length, r.pick.prompt.id).toBe(1 + core.content.articles.length);
      }
    }
  });
});

describe('freePromptPost', () => {
  it('fills the written question with the free-text topic, escaped, footer "Prompt free"', async () => {
    const c = await realCompare('potash fertilizer');
    const out = freePromptPost(c, { poll: false });
    expect(out.ephemeral).toBe(false);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    const [question, ...perspectives] = embedsOf(out);
    expect(question).toEqual({
      color: 0x5865f2,
      author: { name: 'Discussion · Evaluate' },
      title: 'potash fertilizer',
      description:
        '## What does each article say about “potash fertilizer”? Which account is better supported by evidence from the texts?\nCite the texts: use **/quote**, then **Share**.',
      footer: { text: 'Prompt free' },
    });
    expect(perspectives.map((e) => e.footer?.text.split(' · ')[0])).toEqual([
      'kulakevich-qa#21',
      'sumner-riyadh: not addressed',
    ]);
    expect(out).not.toHaveProperty('poll');
  });
  it('escapes markdown in the topic and adds the poll when asked', () => {
    const out = freePromptPost(tinyCompare('gas *now*'), { poll: true });
    expect(embedsOf(out)[0]?.description).toBe(
      '## What does each article say about “gas \\*now\\*”? Which account is better supported by evidence from the texts?\nCite the texts: use **/quote**, then **Share**.',
    );
    expect(out.poll?.answers.map((a) => a.poll_media.text)).toEqual([
      'Alpha (The Outlet)',
      'Author (The Outlet)',
      'Not sure yet',
    ]);
  });
});

describe('threadName', () => {
  it('prefixes "Discussion: " and flattens whitespace', () => {
    expect(threadName('China and\n the   triangle')).toBe('Discussion: China and the triangle');
  });
  it('keeps within 100 characters with a visible "…"', () => {
    const name = threadName('word '.repeat(40));
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.startsWith('Discussion: word word')).toBe(true);
    expect(name.endsWith('…')).toBe(true);
    const exact = 'x'.repeat(100 - 'Discussion: '.length);
    expect(threadName(exact)).toBe(`Discussion: ${exact}`);
  });
});

describe('usedPromptIds', () => {
  it('reads the prompt ids from prompt footers and ignores every other embed and message', () => {
    expect(
      usedPromptIds([
        { embeds: [{ footer: { text: 'Prompt riyadh-talks:analyze' } }, { footer: { text: 'x#1 · x#2' } }] },
        { embeds: [] },
        { embeds: [{ footer: null }, {}] },
        {
          embeds: [{ footer: { text: 'Prompted by a teacher' } }, { footer: { text: 'id: sumner-riyadh' } }],
        },
        { embeds: [{ footer: { text: 'Prompt china-triangle:evaluate ' } }] },
      ]),
    ).toEqual(['riyadh-talks:analyze', 'china-triangle:evaluate']);
  });
  it('finds the id in what promptPost itself posted', async () => {
    const pick = await realPick('nato-europe');
    const out = promptPost(pick, { poll: true, topicTitle: 'NATO' });
    expect(usedPromptIds([{ embeds: embedsOf(out) }])).toEqual(['nato-europe:analyze']);
  });
});
