/**
 * Hostile input through the real bot process: huge strings, mentions, markdown, bidi and zero-width
 * characters, emoji and regex specials, as /quote, /quote's autocomplete and /compare (and its
 * autocomplete). Discord would cap option lengths itself; the stand-in passes what it is given, so
 * the bot must cope on its own. The stand-in validates every body against Discord's limits, so any
 * payload the bot gets wrong shows up as a recorded 4xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord-api-types/v10';
import type { CallbackRecord, InteractionHandle, StandInUser } from '../../src/sandbox/standin/index.js';
import { buildMessage } from '../../src/sandbox/standin/messages.js';
import { realLibrary } from '../helpers/content.js';
import { buttonIds, startStack, visibleText, type Stack } from './harness.js';
import {
  APOLOGY_TEXT,
  callbacksFor,
  EPHEMERAL,
  logEntries,
  OLD_BUTTON_TEXT,
  ok,
  pinged,
  postAsBot,
  requestsFor,
} from './util.js';

let stack: Stack;
let studentId: string;
let teacherRoleId: string;

beforeAll(async () => {
  stack = await startStack();
  studentId = stack.standIn.userId('student2');
  teacherRoleId = stack.standIn.world.resolveGuild().teacherRoleId;
});
afterAll(async () => {
  await stack.stop();
});

const WORDS = ['ammunition', 'ride', 'Zelenskyy', 'Riyadh', 'talks', 'Putin', 'Ukraine', 'dictator', 'NATO'];
const HUGE = Array.from({ length: 1000 }, (_, i) => WORDS[i % WORDS.length])
  .join(' ')
  .slice(0, 6000)
  .padEnd(6000, 'x');

const INPUTS: readonly (readonly [string, () => string])[] = [
  ['a 6000-character query', () => HUGE],
  ['mentions', () => `@everyone @here <@${studentId}> <@&${teacherRoleId}> ammunition`],
  ['markdown', () => '**x** __y__ ~~z~~ `c` ||s|| > q # h [l](https://example.com) ride'],
  ['bidi and zero-width characters', () => '\u202Eammunition\u202C not a\u200B ri\u200Dde\uFEFF'],
  ['emoji', () => '🙂🇺🇦👍🏽 ammunition 🙂🇺🇦👍🏽'],
  ['regex specials', () => '.*+?^${}()|[]\\ ammunition'],
];

/** A mention Discord would render live: `<@id>`, `<@!id>` or `<@&id>` not preceded by a backslash. */
const LIVE_MENTION = /(?<!\\)<@[!&]?\d{17,20}>/;
/** `@everyone` / `@here` that is not broken up (the bot inserts a zero-width space after the @). */
const LIVE_EVERYONE = /@(everyone|here)/;

/** Everything a student could see from a callback: the message, or the autocomplete choice names. */
function shownText(callback: CallbackRecord): string {
  const data = callback.data ?? {};
  const choices = Array.isArray(data.choices) ? (data.choices as { name: string }[]) : [];
  return [visibleText(data), ...choices.map((c) => c.name)].join('\n');
}

/** The interaction got one accepted callback and nothing the stand-in (Discord) refused. */
async function answeredOnce(h: InteractionHandle): Promise<CallbackRecord> {
  const callback = await h.response(5000);
  const { standIn } = stack;
  const callbacks = callbacksFor(standIn, h);
  expect(callbacks.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
  expect(callbacks.filter(ok)).toHaveLength(1);
  const refused = requestsFor(standIn, h).filter((r) => r.status >= 400);
  expect(
    refused.map((r) => `${r.method} ${r.route ?? r.path} → ${r.status} ${JSON.stringify(r.response)}`),
  ).toEqual([]);
  return callback;
}

/** Checks a message-bearing callback: allowed_mentions empty, no live mention, nobody pinged. */
function checkMessage(h: InteractionHandle, callback: CallbackRecord): string {
  const data = callback.data ?? {};
  expect(data.allowed_mentions).toEqual({ parse: [] });
  const text = shownText(callback);
  expect(text).not.toMatch(LIVE_MENTION);
  expect(text).not.toMatch(LIVE_EVERYONE);
  expect(text).not.toContain(APOLOGY_TEXT);
  const stored = h.original();
  expect(stored, 'the reply is stored').toBeDefined();
  if (stored) expect(pinged(stored)).toEqual({ users: 0, roles: 0, everyone: false });
  return text;
}

describe.each(INPUTS)('hostile input: %s', (_name, input) => {
  let quoteReply: InteractionHandle | undefined;

  it('/quote answers once, safely', async () => {
    const query = input();
    const h = stack.standIn.slash({
      user: 'student1',
      channel: 'discussion',
      name: 'quote',
      options: { query },
    });
    quoteReply = h;
    const callback = await answeredOnce(h);
    expect(callback.type).toBe(4);
    const text = checkMessage(h, callback);
    // The query is echoed in one line with its markdown escaped and bidi / zero-width controls removed.
    expect(text).not.toContain('**x**');
    expect(text).not.toContain('[l](https://example.com)');
    expect(text).not.toContain('||s||');
    expect(text).not.toMatch(/[\u202A-\u202E\uFEFF]/);
  });

  it('▶ on that answer (its custom_id carries the query) pages once, safely', async () => {
    const reply = quoteReply?.original();
    expect(reply, 'the /quote reply').toBeDefined();
    if (!reply) return;
    const header = /^Match (\d+) of (\d+) for/.exec(reply.content);
    const next = buttonIds(reply).find((id) => id.startsWith('quote|page|'));
    if (!header || Number(header[2]) < 2) {
      expect(next, 'no ▶ when there is only one match').toBeUndefined();
      return;
    }
    expect(next).toBeDefined();
    if (!next) return;
    const h = stack.standIn.button({ user: 'student1', message: reply, customId: next });
    const callback = await answeredOnce(h);
    expect(callback.type).toBe(7);
    const text = checkMessage(h, callback);
    // Page 2 of the same result list: the full query was read back from the header.
    expect(text).toMatch(new RegExp(`^Match 2 of ${header[2] ?? ''} for`));
  });

  it("/quote's autocomplete answers once with valid choices", async () => {
    const query = input();
    const h = stack.standIn.autocomplete({
      user: 'student1',
      channel: 'discussion',
      name: 'quote',
      focused: 'query',
      options: { query },
    });
    const callback = await answeredOnce(h);
    expect(callback.type).toBe(8);
    const choices = await h.choices();
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('/compare answers once, safely', async () => {
    const topic = input();
    const h = stack.standIn.slash({
      user: 'student1',
      channel: 'discussion',
      name: 'compare',
      options: { topic },
    });
    const callback = await answeredOnce(h);
    expect(callback.type).toBe(4);
    const text = checkMessage(h, callback);
    expect(text).not.toContain('[l](https://example.com)');
    expect(text).not.toMatch(/[\u202A-\u202E\uFEFF]/);
  });

  it("/compare's autocomplete answers once with valid choices", async () => {
    const topic = input();
    const h = stack.standIn.autocomplete({
      user: 'student1',
      channel: 'discussion',
      name: 'compare',
      focused: 'topic',
      options: { topic },
    });
    const callback = await answeredOnce(h);
    expect(callback.type).toBe(8);
    // Choice names are plain text in Discord's picker (never markdown, never a ping), so an echoed
    // "Search: @everyone <@id>" is harmless there; the stand-in has checked the names' and values' lengths.
    expect((await h.choices()).length).toBeLessThanOrEqual(25);
  });
});

describe('hostile button ids', () => {
  // Names every plain object has: a lookup that is not by own key finds them and calls them.
  const IDS = ['quote|constructor|x', 'quote|toString|x', 'quote|__proto__|x', 'compare|valueOf|x'];

  it('a button naming an inherited property gets the short private "old button" answer', async () => {
    const { standIn } = stack;
    const message = await postAsBot(standIn, 'discussion', {
      content: 'A message with crafted buttons',
      allowed_mentions: { parse: [] },
      components: [
        {
          type: 1,
          components: IDS.map((customId) => ({ type: 2, style: 2, custom_id: customId, label: customId })),
        },
      ],
    });
    for (const customId of IDS) {
      const h = standIn.button({ user: 'student1', message: message.id, customId });
      const callback = await answeredOnce(h);
      expect(callback.type, customId).toBe(4);
      expect(callback.data?.content, customId).toBe(OLD_BUTTON_TEXT);
      expect(Number(callback.data?.flags ?? 0) & EPHEMERAL, customId).toBe(EPHEMERAL);
    }
  });
});

describe('/prompt with a topic that is not one', () => {
  const TOPICS: readonly (readonly [string, () => string])[] = [
    ['a 6000-character topic', () => HUGE],
    [
      'markdown and mentions',
      () => `**x** [l](https://example.com) ||s|| @everyone <@${studentId}> <@&${teacherRoleId}> # h`,
    ],
  ];

  it.each(TOPICS)('%s: a short private "unknown topic", escaped, never the apology', async (_name, topic) => {
    const h = stack.standIn.slash({
      user: 'teacher',
      channel: 'general',
      name: 'prompt',
      options: { topic: topic() },
    });
    const reply = await h.waitForOriginal((m) => m.content !== '', 5000);
    expect(reply.content).toMatch(/^Unknown topic /);
    expect(reply.content).toContain('Topics: ');
    // What was typed is cut to a short echo (at most 100 characters, each possibly escaped); the
    // list of the content's own topics follows it.
    const topicList = (await realLibrary()).content.topics.map((t) => t.id).join(', ');
    expect(reply.content.length).toBeLessThanOrEqual(250 + topicList.length);
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).not.toContain('**x**');
    expect(reply.content).not.toContain('[l](https://example.com)');
    expect(reply.content).not.toContain('||s||');
    expect(reply.content).not.toMatch(LIVE_MENTION);
    expect(reply.content).not.toMatch(LIVE_EVERYONE);
    expect(pinged(reply)).toEqual({ users: 0, roles: 0, everyone: false });
    const refused = requestsFor(stack.standIn, h).filter((r) => r.status >= 400);
    expect(refused.map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual([]);
  });
});

describe('/summary with impostors in the thread', () => {
  /** Posts a copy of `original` into the thread as `author` (another bot, or a webhook). */
  function postAs(
    author: StandInUser,
    threadId: string,
    original: APIMessage,
    content: string,
    webhook = false,
  ) {
    const { world } = stack.standIn;
    const channel = world.channels.get(threadId);
    if (!channel) throw new Error(`no thread ${threadId}`);
    const message = buildMessage(world, {
      channel,
      author,
      body: { content, embeds: original.embeds, allowed_mentions: { parse: [] } },
    });
    if (webhook) message.webhook_id = author.id;
    world.addMessage(channel, message);
  }

  it('counts only this bot’s own "Shared by" posts, not another bot’s or a webhook’s', async () => {
    const { standIn } = stack;
    const started = standIn.slash({
      user: 'teacher',
      channel: 'general',
      name: 'prompt',
      options: { topic: 'minerals-deal', thread: true },
    });
    const posted = await started.waitForOriginal((m) => m.content.startsWith('Posted:'), 10_000);
    const threadId = /Thread: <#(\d+)>/.exec(posted.content)?.[1] ?? '';
    expect(threadId).not.toBe('');

    // student1 shares a passage for real.
    const q = standIn.slash({
      user: 'student1',
      channel: threadId,
      name: 'quote',
      options: { query: 'kulakevich-qa#19' },
    });
    const answer = await q.waitForOriginal();
    const share = buttonIds(answer).find((id) => id.startsWith('quote|share|')) ?? '';
    await answeredOnce(standIn.button({ user: 'student1', message: answer, customId: share }));
    const real = standIn.channelMessages(threadId).find((m) => m.content.startsWith('Shared by'));
    if (!real) throw new Error('the share was not posted');

    // Another bot and a webhook forge the same post, crediting student2.
    const student2 = `<@${standIn.userId('student2')}>`;
    const otherBot: StandInUser = {
      key: 'other-bot',
      id: '1100000000000000001',
      username: 'copycat',
      globalName: null,
      bot: true,
    };
    const hook: StandInUser = {
      key: 'hook',
      id: '1100000000000000002',
      username: 'Discussion Guide',
      globalName: null,
      bot: true,
    };
    postAs(otherBot, threadId, real, `Shared by ${student2}`);
    postAs(hook, threadId, real, `Shared by ${student2}`, true);

    const s = standIn.slash({ user: 'teacher', channel: threadId, name: 'summary', options: {} });
    const summary = await s.waitForOriginal((m) => m.embeds.length > 0, 10_000);
    const text = visibleText(summary);
    expect(text).toContain(`<@${standIn.userId('student1')}> — 0 messages, cited ¶19 (kulakevich-qa)`);
    expect(text).not.toContain(student2);
    expect(summary.embeds[0]?.fields?.find((f) => f.name === 'Passages cited')?.value).toBe('1');
  });
});

describe('after the hostile input', () => {
  it('the bot is alive, logged no failure and still answers a normal /quote', async () => {
    expect(stack.bot.exitCode).toBeNull();
    expect(stack.bot.signalCode).toBeNull();
    const h = stack.standIn.slash({
      user: 'student1',
      channel: 'discussion',
      name: 'quote',
      options: { query: 'ammunition not a ride' },
    });
    const callback = await answeredOnce(h);
    expect(shownText(callback)).toContain('ammunition');
    const failures = logEntries(stack.output().stderr).filter((e) => Number(e.level) >= 50);
    expect(failures).toEqual([]);
  });

  it('no request of the whole file was refused by the stand-in', () => {
    const refused = stack.standIn.requests.filter((r) => r.status >= 400);
    expect(refused.map((r) => `${r.method} ${r.path} → ${r.status} ${JSON.stringify(r.response)}`)).toEqual(
      [],
    );
  });
});
