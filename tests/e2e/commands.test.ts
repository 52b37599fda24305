/**
 * Every command, autocomplete and button, through the real discord.js client in the bot process
 * and the local Discord stand-in. Assertions are on what a student or teacher would see.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { compare } from '../../src/core/compare.js';
import { decodeId } from '../../src/render/custom-id.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { StandInError } from '../../src/sandbox/standin/index.js';
import { hasArticle, realLibrary } from '../helpers/content.js';
import { buttonIds, startStack, visibleText, type Stack } from './harness.js';
import { EPHEMERAL } from './util.js';

// The bot runs on the content under test (content/, or TEST_CONTENT_DIR); expectations come from the
// same content loaded here. Tests about one shipped article's own passages run while it is there.
const withSumner = it.skipIf(!hasArticle('sumner-riyadh'));
const withKulakevich = it.skipIf(!hasArticle('kulakevich-qa'));

/** A curated topic of the content under test. */
const TOPIC = (await realLibrary()).content.topics[0]?.id ?? 'no topic';

/** The text of a curated prompt, as the content under test has it. */
async function promptText(topicId: string, level: 'understand' | 'analyze' | 'evaluate'): Promise<string> {
  const { content } = await realLibrary();
  const prompt = content.topics.find((t) => t.id === topicId)?.prompts.find((p) => p.level === level);
  if (!prompt) throw new Error(`no prompt ${topicId}:${level}`);
  return prompt.text;
}

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.stop();
});

type Shown = {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  allowed_mentions?: unknown;
  poll?: unknown;
};

async function run(
  name: string,
  options: Record<string, string | boolean>,
  user = 'student1',
  channel = 'discussion',
) {
  const h = stack.standIn.slash({ user, channel, name, options });
  const r = await h.response();
  return { h, type: r.type, data: r.data as Shown };
}

async function click(message: { id: string }, customId: string, user = 'student1') {
  const h = stack.standIn.button({ user, message, customId });
  const r = await h.response();
  return { h, type: r.type, data: r.data as Shown };
}

function expectPrivate(d: Shown) {
  expect((d.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  expect(d.allowed_mentions).toEqual({ parse: [] });
}

describe('/quote', () => {
  withKulakevich(
    'answers privately with the passage, its speaker, article, paragraph and notice',
    async () => {
      const { type, data } = await run('quote', { query: 'disinformation space' });
      expect(type).toBe(4);
      expectPrivate(data);
      const text = visibleText(data);
      // The wording, its corrections and the notice are the content's: read from it.
      const { content } = await realLibrary();
      const passage = content.passages.get('kulakevich-qa#2');
      const notice = content.articleById.get('kulakevich-qa')?.notice ?? '';
      expect(text).toContain('kulakevich-qa#2');
      expect(text).toContain(escapeMarkdown(passage?.display.split(/[,.]/)[0] ?? '?'));
      expect(text).toContain('**disinformation**');
      expect(text).toContain('The Conversation U.S. editors');
      expect(text).toContain('paragraph 2');
      expect(text).toContain(escapeMarkdown(notice.split(/[.;]/)[0] ?? '?'));
    },
  );

  withSumner('credits a quoted paragraph to the person quoted', async () => {
    const { data } = await run('quote', { query: 'sumner-riyadh#15' });
    expect(data.embeds?.[0]?.author?.name).toBe('Donald Trump, as quoted by Mark Sumner');
    expect(data.embeds?.[0]?.description).toContain('You should have never started it.');
  });

  it('is public with public:true', async () => {
    const { data } = await run('quote', { query: 'Trump', public: true });
    expect(data.embeds?.length).toBeGreaterThan(0);
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocompletes starting points and every article', async () => {
    const { content } = await realLibrary();
    const empty = await stack.standIn
      .autocomplete({ user: 'student1', name: 'quote', focused: 'query', options: { query: '' } })
      .choices();
    expect(empty.length).toBeGreaterThan(3);
    for (const c of empty) expect(content.passages.has(String(c.value).split(' ')[0] ?? '')).toBe(true);
    const articles = await stack.standIn
      .autocomplete({
        user: 'student1',
        name: 'quote',
        focused: 'article',
        options: { query: 'x', article: '' },
      })
      .choices();
    expect(articles.map((c) => c.value)).toEqual(content.articles.map((a) => a.id));
  });

  withSumner('autocompletes passages as you type, and articles', async () => {
    const h = stack.standIn.autocomplete({
      user: 'student1',
      channel: 'discussion',
      name: 'quote',
      focused: 'query',
      options: { query: 'ammunition not a ri' },
    });
    const choices = await h.choices();
    expect(choices[0]?.value).toBe('sumner-riyadh#39 ammunition not a ri');
    expect(choices[0]?.name).toMatch(/^Sumner ¶39: .*ammunition, not a ride/);
    expect(choices.length).toBeLessThanOrEqual(25);
    const articles = await stack.standIn
      .autocomplete({
        user: 'student1',
        name: 'quote',
        focused: 'article',
        options: { query: 'x', article: 'kos' },
      })
      .choices();
    expect(articles).toEqual([
      { name: expect.stringMatching(/^Sumner \(Daily Kos\)/) as unknown, value: 'sumner-riyadh' },
    ]);
  });

  it('pages with ◀ ▶, shows context, shares without pinging, and cites', async () => {
    const { h, data } = await run('quote', { query: 'Trump' });
    expect(data.content).toMatch(/^Match 1 of (\d+) for “Trump”$/);
    const message = h.original() ?? (await h.waitForOriginal());
    const [, next, ctx, share, cite] = buttonIds(data);

    const page2 = await click(message, next ?? '');
    expect(page2.type).toBe(7);
    expect(page2.data.content).toMatch(/^Match 2 of /);
    const prev = buttonIds(page2.data)[0] ?? '';
    const page1 = await click(message, prev);
    expect(page1.data.content).toMatch(/^Match 1 of /);

    const context = await click(message, ctx ?? '');
    expectPrivate(context.data);
    expect(context.data.embeds?.some((e) => e.author?.name.startsWith('▶ Paragraph'))).toBe(true);

    const shared = await click(message, share ?? '');
    expect(shared.type).toBe(4);
    expect((shared.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(shared.data.content).toBe(`Shared by <@${stack.standIn.userId('student1')}>`);
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
    const posted = stack.standIn.channelMessages('discussion').find((m) => m.content.startsWith('Shared by'));
    expect(posted?.mentions ?? []).toEqual([]);
    expect(posted?.mention_everyone).toBe(false);

    const citation = await click(message, cite ?? '');
    expectPrivate(citation.data);
    expect(visibleText(citation.data)).toMatch(/APA — in text: \(/);
    expect(visibleText(citation.data)).toMatch(/MLA — in text: \(/);
  });

  it('shows a picked suggestion first, and ▶ goes on to the other matches', async () => {
    const choices = await stack.standIn
      .autocomplete({ user: 'student1', name: 'quote', focused: 'query', options: { query: 'Trump' } })
      .choices();
    const picked = String(choices[1]?.value ?? '');
    const { h, data } = await run('quote', { query: picked });
    expect(data.content).toMatch(/^Match 1 of \d+ for “Trump”$/);
    expect(data.embeds?.[0]?.footer?.text.endsWith(picked.split(' ')[0] ?? '?')).toBe(true);
    const message = h.original() ?? (await h.waitForOriginal());
    const next = await click(message, buttonIds(data)[1] ?? '');
    expect(next.data.content).toMatch(/^Match 2 of /);
    expect(next.data.embeds?.[0]?.footer?.text.endsWith(picked.split(' ')[0] ?? '?')).toBe(false);
  });

  it('shows a corrected passage privately as the copy has it, with Source wording', async () => {
    const loaded = await loadContent('content');
    if (!loaded.ok) throw new Error('the repository content must load');
    const passages = [...loaded.content.passages.values()];
    const corrected = passages.find((p) => p.display !== p.text);
    const plain = passages.find((p) => p.display === p.text);
    if (!corrected || !plain) throw new Error('the content needs a corrected and an uncorrected passage');

    const { h, data } = await run('quote', { query: corrected.id, public: true });
    const message = h.original() ?? (await h.waitForOriginal());
    const source = buttonIds(data).find((id) => id.startsWith('quote|source|'));
    expect(source).toBe(`quote|source|${corrected.id}`);
    const shown = await click(message, source ?? '', 'student2');
    expect(shown.type).toBe(4);
    expectPrivate(shown.data);
    expect(shown.data.content).toBe(
      'Source wording: this passage exactly as the copy of the article has it, without the editor’s corrections.',
    );
    // Word for word as the copy has it (markdown escaped), not the bracketed display.
    const description = shown.data.embeds?.[0]?.description ?? '';
    expect(description.replace(/\\(.)/g, '$1')).toBe(`> ${corrected.text}`);

    const other = await run('quote', { query: plain.id });
    expect(buttonIds(other.data).some((id) => id.startsWith('quote|source|'))).toBe(false);
  });

  it('lets only the person who ran it page a public result', async () => {
    const { h, data } = await run('quote', { query: 'Trump', public: true });
    const message = h.original() ?? (await h.waitForOriginal());
    const other = await click(message, buttonIds(data)[1] ?? '', 'student2');
    expectPrivate(other.data);
    expect(other.data.content).toBe(
      'Only the person who ran this /quote can page through it. Run /quote yourself to search.',
    );
  });

  it('says so when nothing matches', async () => {
    const { data } = await run('quote', { query: 'xyzzy plugh' });
    expectPrivate(data);
    expect(data.content).toBe(
      'No passage matches “xyzzy plugh”. Try fewer or different words, or /compare for a topic.',
    );
  });
});

describe('/compare', () => {
  it('autocompletes curated topics and allows free text', async () => {
    const all = await stack.standIn
      .autocomplete({ user: 'student1', name: 'compare', focused: 'topic', options: { topic: '' } })
      .choices();
    const { content } = await realLibrary();
    expect(all).toEqual(content.topics.slice(0, 25).map((t) => ({ name: t.title, value: t.id })));
    const typed = await stack.standIn
      .autocomplete({
        user: 'student1',
        name: 'compare',
        focused: 'topic',
        options: { topic: TOPIC.slice(0, 5) },
      })
      .choices();
    expect(typed.map((c) => c.value)).toContain(TOPIC);
    const free = await stack.standIn
      .autocomplete({ user: 'student1', name: 'compare', focused: 'topic', options: { topic: 'potash' } })
      .choices();
    expect(free).toEqual([{ name: 'Search: potash', value: 'potash' }]);
  });

  it('shows the blocks of the articles that address the topic, lists the others, and pages “more”', async () => {
    const core = await realLibrary();
    // A curated topic on which some article has more passages than /compare shows at first.
    const topicId =
      core.content.topics.find((t) =>
        compare(core.content, core.index, t.id)?.perspectives.some((p) => p.total > p.passages.length),
      )?.id ?? '';
    const expected = compare(core.content, core.index, topicId);
    if (!expected) throw new Error('no topic with more passages');
    const { h, data } = await run('compare', { topic: topicId });
    expectPrivate(data);
    expect(data.embeds?.map((e) => e.author?.name)).toEqual(expected.addressing.map((p) => p.article.short));
    expected.addressing.forEach((p, i) => {
      const first = p.passages[0];
      expect(data.embeds?.[i]?.description, p.article.id).toContain(
        `**¶${String(first?.passage.paragraph)}**`,
      );
    });
    const others = expected.notAddressing.map((p) => escapeMarkdown(p.article.short));
    if (others.length > 0) expect(data.content).toContain(`\nNot addressed by: ${others.join(', ')}.`);
    else expect(data.content).not.toContain('Not addressed by');
    const ids = buttonIds(data);
    expect(ids.at(-1)).toBe(`compare|discuss|${topicId}`);
    const withMore = expected.perspectives.find((p) => p.total > p.passages.length);
    if (!withMore) throw new Error(`no article has more passages on ${topicId}`);
    const moreId = ids.find((id) => decodeId(id)?.fields[0] === withMore.article.id) ?? '';
    const message = h.original() ?? (await h.waitForOriginal());
    const more = await click(message, moreId);
    expectPrivate(more.data);
    expect(more.data.content).toContain(
      `**${escapeMarkdown(withMore.article.short)}** on ${expected.title} (${String(withMore.passages.length + 1)}–`,
    );
  });

  it('Discuss is refused to students and posts the question for teachers', async () => {
    const mine = await run('compare', { topic: TOPIC }, 'student1');
    const myMessage = mine.h.original() ?? (await mine.h.waitForOriginal());
    const refused = await click(myMessage, buttonIds(mine.data).at(-1) ?? '', 'student1');
    expectPrivate(refused.data);
    expect(refused.data.content).toBe(
      'Only teachers (members who can Manage Messages) can post a discussion to the class.',
    );
    const { h, data } = await run('compare', { topic: TOPIC }, 'teacher');
    const message = h.original() ?? (await h.waitForOriginal());
    const posted = await click(message, buttonIds(data).at(-1) ?? '', 'teacher');
    expect((posted.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(posted.data.embeds?.[0]?.footer?.text).toBe(`Prompt ${TOPIC}:analyze`);
    expect(visibleText(posted.data)).toContain(escapeMarkdown(await promptText(TOPIC, 'analyze')));
  });
});

describe('/prompt and /summary', () => {
  it('is hidden from students (Manage Messages by default)', () => {
    expect(() =>
      stack.standIn.slash({ user: 'student1', channel: 'general', name: 'prompt', options: {} }),
    ).toThrow(StandInError);
  });

  it('posts a question with evidence, a poll and a thread; /summary counts the thread', async () => {
    const { h } = await run(
      'prompt',
      { topic: TOPIC, level: 'evaluate', thread: true, poll: true },
      'teacher',
      'general',
    );
    const done = await h.waitForOriginal((m) => m.content.startsWith('Posted:'));
    expect((done.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const threadId = /Thread: <#(\d+)>/.exec(done.content)?.[1];
    expect(threadId).toBeDefined();

    const post = stack.standIn
      .channelMessages('general')
      .findLast((m) => m.embeds[0]?.footer?.text === `Prompt ${TOPIC}:evaluate`);
    expect(post).toBeDefined();
    const { content, index } = await realLibrary();
    expect(post?.embeds[0]?.description).toContain(escapeMarkdown(await promptText(TOPIC, 'evaluate')));
    // The articles that address the topic, in /compare's order: the most relevant first.
    const shorts = (compare(content, index, TOPIC)?.addressing ?? []).map((p) => p.article.short);
    expect(post?.embeds.slice(1).map((e) => e.author?.name)).toEqual(shorts.slice(0, 9));
    if (shorts.length >= 2) {
      expect(post?.poll?.question.text).toBe('Which argument is better supported by the texts?');
      expect(post?.poll?.answers.map((a) => a.poll_media.text)).toEqual([
        ...shorts.slice(0, 9),
        'Not sure yet',
      ]);
    } else {
      // One article on the topic (a teacher removed the other): no poll, and the teacher is told.
      expect(post?.poll).toBeUndefined();
      expect(done.content).toMatch(/\nNo poll: /);
    }

    // Students talk in the thread and share a passage into it.
    stack.standIn.say({
      user: 'student1',
      channel: threadId ?? '',
      content: 'I think Sumner overstates it.',
    });
    stack.standIn.say({ user: 'student2', channel: threadId ?? '', content: 'Kulakevich has evidence.' });
    stack.standIn.say({ user: 'student2', channel: threadId ?? '', content: 'Look at this paragraph.' });
    // Any passage will do: the last one of the last article.
    const cited = content.articles.at(-1)?.passages.at(-1);
    const citedArticle = content.articles.at(-1);
    if (!cited || !citedArticle) throw new Error('no passage to cite');
    const q = await run('quote', { query: cited.id }, 'student2', threadId);
    const qMessage = q.h.original() ?? (await q.h.waitForOriginal());
    await click(qMessage, buttonIds(q.data)[3] ?? '', 'student2');

    const outside = await run('summary', {}, 'teacher', 'general');
    expect(outside.data.content).toBe(
      'Run /summary inside a discussion thread (for example one opened by /prompt thread:true).',
    );
    const s = await run('summary', {}, 'teacher', threadId);
    const summary = s.h.original()?.embeds.length
      ? s.h.original()
      : await s.h.waitForOriginal((m) => m.embeds.length > 0);
    expect((summary?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const text = visibleText(summary ?? {});
    expect(text).toContain(`<@${stack.standIn.userId('student1')}> — 1 message, no citations`);
    expect(text).toContain(
      `<@${stack.standIn.userId('student2')}> — 2 messages, cited ¶${String(cited.paragraph)} (${cited.articleId})`,
    );
    expect(text).toContain(`${escapeMarkdown(citedArticle.short)}: 1 (100%)`);
  });

  it('rotates through prompts without repeating in a channel', async () => {
    const seen = new Set<string>();
    for (let n = 0; n < 3; n++) {
      const { h } = await run('prompt', {}, 'teacher', 'discussion');
      await h.waitForOriginal((m) => m.content.startsWith('Posted:'));
    }
    for (const m of stack.standIn.channelMessages('discussion')) {
      const footer = m.embeds[0]?.footer?.text ?? '';
      if (footer.startsWith('Prompt ')) {
        expect(seen.has(footer)).toBe(false);
        seen.add(footer);
      }
    }
    // All distinct, including the Discuss post from the /compare test in this channel.
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe('/articles and /help', () => {
  it('lists the articles privately', async () => {
    const { data } = await run('articles', {});
    expectPrivate(data);
    const { content } = await realLibrary();
    expect(data.embeds?.map((e) => e.footer?.text)).toEqual(content.articles.map((a) => `id: ${a.id}`));
    for (const a of content.articles)
      if (a.perspective) expect(visibleText(data)).toContain(escapeMarkdown(a.perspective));
  });
  it('explains the commands', async () => {
    const { data } = await run('help', {});
    expectPrivate(data);
    for (const c of ['/quote', '/compare', '/prompt', '/summary', '/articles'])
      expect(visibleText(data)).toContain(c);
  });
});

describe('start-up', () => {
  it('registered the commands once, to the guild, and asked only for the Guilds intent', () => {
    const puts = stack.standIn.requests.filter((r) => r.method === 'PUT' && r.path.includes('/commands'));
    expect(puts).toHaveLength(1);
    expect(
      stack.standIn
        .commands(stack.standIn.guildId())
        .map((c) => c.name)
        .sort(),
    ).toEqual(['article', 'articles', 'compare', 'help', 'prompt', 'quote', 'summary']);
    const identify = stack.standIn.events.find((e) => e.direction === 'in' && e.op === 2);
    expect((identify?.d as { intents: number }).intents).toBe(1);
  });
  it('printed the invite link and never the token', () => {
    const { stdout, stderr } = stack.output();
    expect(stdout).toMatch(
      /https:\/\/discord\.com\/oauth2\/authorize\?client_id=\d+&scope=bot\+applications\.commands&permissions=\d+/,
    );
    expect(stdout + stderr).not.toContain(stack.standIn.token);
  });
});
