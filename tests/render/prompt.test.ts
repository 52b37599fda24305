import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.js';
import type { Comparison } from '../../src/core/compare.js';
import { pickPrompt, usedPromptIds, type PromptPick } from '../../src/core/prompts.js';
import { LIMITS } from '../../src/render/discord-limits.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { embedLength, type Payload } from '../../src/render/payload.js';
import { freePromptPost, pollFor, promptPost, threadName } from '../../src/render/prompt.js';
import { TINY, tinyCompare } from '../helpers/compare.js';
import { realLibrary } from '../helpers/content.js';

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
  it('offers every article under test by its short label', async () => {
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
        description: `## ${escapeMarkdown(pick.prompt.text)}\nCite the texts: use **/quote**, then **Share**.`,
        footer: { text: `Prompt ${topic.id}:analyze` },
      });
      expect(perspectives.map((e) => e.footer?.text)).toEqual(pick.evidence.perspectives.map(footerOf));
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
      '## Is \\*this\\* \\<@1\\> right?\nCite the texts: use **/quote**, then **Share**.',
    );
  });
  it('adds the poll when asked', async () => {
    const { content } = await realLibrary();
    const out = promptPost(await realPick(content.topics[0]?.id ?? ''), { poll: true, topicTitle: 'T' });
    expect(out.poll?.question).toEqual({ text: 'Which argument is better supported by the texts?' });
    expect(out.poll?.answers.map((a) => a.poll_media.text)).toEqual([
      ...content.articles.map((a) => a.short),
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
        expect(embeds.length, r.pick.prompt.id).toBe(1 + core.content.articles.length);
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
        '## What does each article say about “natural gas”? Which account is better supported by evidence from the texts?\nCite the texts: use **/quote**, then **Share**.',
      footer: { text: 'Prompt free' },
    });
    expect(perspectives.map((e) => e.footer?.text.split(' · ')[0])).toEqual([
      'alpha#1',
      'beta: not addressed',
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
  it('finds the id in what promptPost itself posted', async () => {
    const { content } = await realLibrary();
    for (const topic of content.topics) {
      const out = promptPost(await realPick(topic.id), { poll: true, topicTitle: topic.title });
      expect(usedPromptIds([{ embeds: embedsOf(out) }])).toEqual([`${topic.id}:analyze`]);
    }
  });
});
