import type { APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.js';
import type { Comparison } from '../../src/core/compare.js';
import { pickPrompt, usedPromptIds, type PickOptions, type PromptPick } from '../../src/core/prompts.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { embedLength, type Payload } from '../../src/render/payload.js';
import {
  freePromptPost,
  pollArticles,
  pollFor,
  pollNote,
  promptPost,
  threadName,
} from '../../src/render/prompt.js';
import { TINY, tinyCompare } from '../helpers/compare.js';
import { realLibrary } from '../helpers/content.js';
import { MANY_ARTICLES, MANY_TOPIC, MANY_TOPIC_TITLE } from '../helpers/many-articles.js';
import { manyLibrary, type ManyLibrary } from '../helpers/many-library.js';

async function realPick(topicId: string): Promise<PromptPick> {
  const core = await realLibrary();
  const r = pickPrompt(core.content, core.index, { topicId, level: 'analyze' });
  if (!r.ok) throw new Error(r.error);
  return r.pick;
}

/** What /compare shows for one article: its passage ids, or that it does not address the topic. */
const footerOf = (p: Comparison['perspectives'][number]): string =>
  p.passages.length === 0
    ? `${p.article.id}: not addressed`
    : p.passages.map((x) => x.passage.id).join(' · ');

const embedsOf = (p: Payload): APIEmbed[] => p.embeds ?? [];

/** The line under the question naming the articles that do not address the topic. */
const notAddressed = (c: Comparison): string => {
  const none = c.perspectives.filter((p) => p.total === 0).map((p) => escapeMarkdown(p.article.short));
  return none.length > 0 ? `\n*Not addressed by: ${none.join(', ')}*` : '';
};

describe('pollFor', () => {
  it('asks which argument is better supported, one answer per article plus "Not sure yet"', () => {
    expect(pollFor(TINY.articles)).toEqual({
      question: { text: 'Which argument is better supported by the texts?' },
      answers: [
        { poll_media: { text: 'Alpha (The Outlet)' } },
        { poll_media: { text: 'Author (The Outlet)' } },
        { poll_media: { text: 'Not sure yet' } },
      ],
      duration: 24,
      allow_multiselect: false,
    });
  });
  it('offers the articles it is given by their short labels', async () => {
    const { content } = await realLibrary();
    expect(pollFor(content.articles).answers.map((a) => a.poll_media.text)).toEqual([
      ...content.articles.map((a) => a.short),
      'Not sure yet',
    ]);
  });
  it('keeps answers within 55 characters and at most 10 answers', async () => {
    const core = await realLibrary();
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
    const { content } = await realLibrary();
    for (const topic of content.topics) {
      const pick = await realPick(topic.id);
      const out = promptPost(pick, { poll: false, topicTitle: topic.title });
      expect(out.ephemeral).toBe(false);
      expect(out.allowed_mentions).toEqual({ parse: [] });
      const [question, ...perspectives] = embedsOf(out);
      expect(question).toEqual({
        color: 0x5865f2,
        author: { name: 'Discussion · Analyze' },
        title: topic.title,
        description: `## ${escapeMarkdown(pick.prompt.text)}\nCite the texts: use **/quote**, then **Share**.${notAddressed(pick.evidence)}`,
        footer: { text: `Prompt ${topic.id}:analyze` },
      });
      expect(perspectives.map((e) => e.footer?.text)).toEqual(
        pick.evidence.perspectives.filter((p) => p.total > 0).map(footerOf),
      );
      expect(out).not.toHaveProperty('poll');
    }
  });
  it('escapes markdown in the question', () => {
    const [topic] = TINY.topics;
    if (!topic) throw new Error('no TINY topic');
    const prompt = { ...topic.prompts[0], text: 'Is *this* <@1> right?' } as PromptPick['prompt'];
    const out = promptPost(
      { prompt, evidence: tinyCompare('gas'), restarted: false },
      { poll: false, topicTitle: 'Gas' },
    );
    expect(embedsOf(out)[0]?.description).toBe(
      '## Is \\*this\\* \\<@1\\> right?\nCite the texts: use **/quote**, then **Share**.\n*Not addressed by: Author (The Outlet)*',
    );
  });
  it('adds the poll when asked, offering the articles that address the topic', async () => {
    const { content } = await realLibrary();
    const pick = await realPick(content.topics[0]?.id ?? '');
    const out = promptPost(pick, { poll: true, topicTitle: 'T' });
    const addressing = pick.evidence.perspectives.filter((p) => p.total > 0).map((p) => p.article.short);
    if (addressing.length < 2) {
      // Content with one article on this topic (after a teacher removed one): nothing to choose.
      expect(out).not.toHaveProperty('poll');
      return;
    }
    expect(out.poll?.question).toEqual({ text: 'Which argument is better supported by the texts?' });
    expect(out.poll?.answers.map((a) => a.poll_media.text)).toEqual([
      ...addressing.slice(0, 9),
      'Not sure yet',
    ]);
    for (const a of out.poll?.answers ?? []) expect(a.poll_media.text?.length).toBeLessThanOrEqual(55);
  });
  it('stays within Discord’s embed limits for every prompt', async () => {
    const core = await realLibrary();
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
        const addressing = r.pick.evidence.perspectives.filter((p) => p.total > 0).length;
        expect(embeds.length, r.pick.prompt.id).toBe(1 + Math.min(addressing, LIMITS.embeds - 1));
      }
    }
  });
});

describe('freePromptPost', () => {
  it('fills the written question with the free-text topic, escaped, footer "Prompt free"', () => {
    const c = tinyCompare('natural gas');
    const out = freePromptPost(c, { poll: false });
    expect(out.ephemeral).toBe(false);
    expect(out.allowed_mentions).toEqual({ parse: [] });
    const [question, ...perspectives] = embedsOf(out);
    expect(question).toEqual({
      color: 0x5865f2,
      author: { name: 'Discussion · Evaluate' },
      title: 'natural gas',
      description:
        '## What does each article say about “natural gas”? Which account is better supported by evidence from the texts?\nCite the texts: use **/quote**, then **Share**.\n*Not addressed by: Author (The Outlet)*',
      footer: { text: 'Prompt free' },
    });
    expect(perspectives.map((e) => e.footer?.text.split(' · ')[0])).toEqual(['alpha#1']);
    expect(out).not.toHaveProperty('poll');
  });
  it('escapes markdown in the topic; no poll when fewer than two articles address it', () => {
    // No article uses "now": it is left out, so "gas" alone finds Alpha, the one article on gas.
    const out = freePromptPost(tinyCompare('gas *now*'), { poll: true });
    expect(embedsOf(out)[0]?.description).toBe(
      '## What does each article say about “gas \\*now\\*”? Which account is better supported by evidence from the texts?\nCite the texts: use **/quote**, then **Share**.\n*Not addressed by: Author (The Outlet)*',
    );
    expect(out).not.toHaveProperty('poll');
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
  it('finds the id in what promptPost itself posted', async () => {
    const { content } = await realLibrary();
    for (const topic of content.topics) {
      const out = promptPost(await realPick(topic.id), { poll: true, topicTitle: topic.title });
      expect(usedPromptIds([{ embeds: embedsOf(out) }])).toEqual([`${topic.id}:analyze`]);
    }
  });
});

describe('prompts and polls in a class of ten articles', () => {
  let many: ManyLibrary;
  beforeAll(async () => {
    many = await manyLibrary();
  });
  afterAll(() => {
    many.remove();
  });
  const pickOf = (options: PickOptions): PromptPick => {
    const r = pickPrompt(many.library.content, many.library.index, options);
    if (!r.ok) throw new Error(r.error);
    return r.pick;
  };
  const shortOf = (id: string) => many.library.content.articleById.get(id)?.short ?? id;

  it('polls only the articles that address the topic, most relevant first, plus "Not sure yet"', () => {
    const pick = pickOf({ topicId: MANY_TOPIC, level: 'evaluate' });
    const out = promptPost(pick, { poll: true, topicTitle: MANY_TOPIC_TITLE });
    expect(out.poll?.answers.map((a) => a.poll_media.text)).toEqual([
      ...many.energyByPassages.map(shortOf),
      'Not sure yet',
    ]);
    expect(pollNote(pick.evidence)).toBeUndefined();
  });
  it('shows every addressing article’s evidence in one message, and the others on one line', () => {
    const pick = pickOf({ topicId: MANY_TOPIC, level: 'evaluate' });
    const out = promptPost(pick, { poll: true, topicTitle: MANY_TOPIC_TITLE });
    const [question, ...evidence] = embedsOf(out);
    expect(evidence.map((e) => e.footer?.text.split(' · ')[0]?.split('#')[0])).toEqual(many.energyByPassages);
    expect(embedsOf(out).reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(JSON.stringify(out)).not.toContain('more not shown');
    const none = (many.notAddressing.get(MANY_TOPIC) ?? []).map((id) => escapeMarkdown(shortOf(id)));
    expect(question?.description?.split('\n').at(-1)).toBe(`*Not addressed by: ${none.join(', ')}*`);
  });
  it('polls the two articles of a topic only two address', () => {
    const pick = pickOf({ topicId: 'river-floods', level: 'understand' });
    const poll = promptPost(pick, { poll: true, topicTitle: 'Floods' }).poll;
    expect(poll?.answers.map((a) => a.poll_media.text)).toEqual([
      // Most passages on it first, as in the fixture's counts.
      ...[...MANY_ARTICLES]
        .filter((a) => a.floods > 0)
        .sort((a, b) => b.floods - a.floods)
        .map((a) => shortOf(a.id)),
      'Not sure yet',
    ]);
  });
  it('offers at most 9 articles, the first 9 of the evidence, when more address the topic', () => {
    const pick = pickOf({ topicId: MANY_TOPIC, level: 'evaluate' });
    const [first] = pick.evidence.perspectives;
    if (!first) throw new Error('no perspective');
    const twelve = Array.from({ length: 12 }, (_, i) => ({
      ...first,
      article: { ...first.article, id: `a${String(i)}`, short: `Article ${String(i)}` },
      total: 12 - i,
    }));
    const evidence = { ...pick.evidence, perspectives: twelve };
    expect(pollArticles(evidence).map((a) => a.short)).toEqual(
      Array.from({ length: 9 }, (_, i) => `Article ${String(i)}`),
    );
    const out = promptPost({ ...pick, evidence }, { poll: true, topicTitle: 'T' });
    expect(out.poll?.answers).toHaveLength(10);
    expect(embedsOf(out)).toHaveLength(LIMITS.embeds);
  });
  it('has no poll, and says why, when fewer than two articles address the topic', () => {
    const pick = pickOf({ topicId: MANY_TOPIC, level: 'evaluate' });
    const [first, ...rest] = pick.evidence.perspectives;
    if (!first) throw new Error('no perspective');
    const none = rest.map((p) => ({ ...p, passages: [], total: 0 }));
    const one = { ...pick.evidence, perspectives: [first, ...none] };
    expect(promptPost({ ...pick, evidence: one }, { poll: true, topicTitle: 'T' })).not.toHaveProperty(
      'poll',
    );
    expect(pollNote(one)).toBe(
      `No poll: only ${escapeMarkdown(first.article.short)} addresses this, so a poll would have nothing to choose between.`,
    );
    const zero = { ...pick.evidence, perspectives: [{ ...first, passages: [], total: 0 }, ...none] };
    expect(promptPost({ ...pick, evidence: zero }, { poll: true, topicTitle: 'T' })).not.toHaveProperty(
      'poll',
    );
    expect(pollNote(zero)).toBe('No poll: no article addresses this topic.');
  });
  it('posts a template question for an article outside every topic, with its passages and no poll', () => {
    const inAny = new Set([...many.addressing.values()].flat());
    const outside = many.library.content.articles.find((a) => !inAny.has(a.id));
    if (!outside) throw new Error('no outside article');
    const pick = pickOf({ articleId: outside.id, level: 'analyze' });
    const out = promptPost(pick, { poll: true, topicTitle: `${outside.short}: ${pick.evidence.title}` });
    const [question, evidence, ...rest] = embedsOf(out);
    expect(question?.author?.name).toBe('Discussion · Analyze');
    expect(question?.description).toBe(
      `## ${escapeMarkdown(`How does ${outside.authors[0] ?? ''} reason about “${outside.title ?? ''}”?`)}\nCite the texts: use **/quote**, then **Share**.`,
    );
    expect(question?.footer?.text).toBe(`Prompt article:${outside.id}:analyze:1.1`);
    expect(evidence?.footer?.text).toBe(`${outside.id}#1 · ${outside.id}#2`);
    expect(rest).toEqual([]);
    expect(out).not.toHaveProperty('poll');
    expect(pollNote(pick.evidence)).toMatch(/^No poll: only /);
    expect(usedPromptIds([{ embeds: embedsOf(out) }])).toEqual([pick.prompt.id]);
  });
});
