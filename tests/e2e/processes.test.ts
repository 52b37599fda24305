/**
 * Two bot processes share one bot: SHARD_COUNT=2 in both, SHARD_IDS=0 in one and SHARD_IDS=1 in the
 * other, each started as `npm start` starts it, and both sending REST through one REST proxy
 * (`npm run proxy`, @discordjs/proxy) in front of the stand-in, as README's "Deploying N processes
 * on M machines" says (tests/e2e/processes-util.ts). The stand-in has 2 shards and 2 guilds (guild
 * i on shard i) and keeps its 429s in force, so a process that ignored a rate limit would be caught.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/core/compare.js';
import { PROXY_USER_AGENT_MARK } from '../../src/proxy/server.js';
import { World, type InteractionHandle, type StandIn } from '../../src/sandbox/standin/index.js';
import { realLibrary } from '../helpers/content.js';
import { visibleText } from './harness.js';
import type { Running } from './process.js';
import { answeredBy as processesThatAnswered, startProcesses, type Processes } from './processes-util.js';
import { callbacksFor, ok, requestsFor } from './util.js';

const library = await realLibrary();
/** A topic two articles address, so that /prompt poll:true has a poll (if the content has one). */
const TOPIC =
  library.content.topics.find(
    (t) => (compare(library.content, library.index, t.id)?.addressing.length ?? 0) >= 2,
  )?.id ??
  library.content.topics[0]?.id ??
  'no topic';
/** Words of a passage, for /quote, and a word of it the answer must show. */
const PASSAGE = [...library.content.passages.values()].find((p) => p.text.split(' ').length >= 8);
const QUERY = PASSAGE?.text.split(' ').slice(0, 8).join(' ') ?? 'no passage';
const SHOWN = QUERY.split(' ').find((w) => /^[A-Za-z]{6,}$/.test(w)) ?? '';

let processes: Processes;
let standIn: StandIn;
let proxy: Running;
/** bots[i] holds shard i. */
let bots: readonly Running[] = [];

beforeAll(async () => {
  processes = await startProcesses();
  ({ standIn, proxy, bots } = processes);
}, 60_000);

afterAll(() => processes.stop());

const connected = (bot: Running | undefined) => bot?.log().filter((e) => e.msg === 'connected') ?? [];

function prompt(guild: number): InteractionHandle {
  return standIn.slash({
    user: 'teacher',
    guild,
    channel: 'general',
    name: 'prompt',
    options: { topic: TOPIC, level: 'evaluate', thread: true, poll: true },
  });
}

/** The prompt post the handle's /prompt put in `general`, its thread, and the teacher's notice. */
async function posted(h: InteractionHandle, guild: number) {
  const done = await h.waitForOriginal((m) => m.content.startsWith('Posted:'), 15_000);
  const threadId = /Thread: <#(\d+)>/.exec(done.content)?.[1];
  const post = standIn
    .channelMessages('general', guild)
    .find((m) => m.embeds[0]?.footer?.text === `Prompt ${TOPIC}:evaluate`);
  return { done, threadId, post };
}

/** Which bot process logged having answered this interaction. */
const answeredBy = (h: InteractionHandle) => processesThatAnswered(bots, h);

describe('two processes, one shard each, behind one REST proxy', () => {
  it('each process identifies its own shard only; the one with shard 0 registers the commands', () => {
    expect(standIn.sessions.map((s) => [s.shard, s.shardCount, s.identifies, s.connected])).toEqual([
      [0, 2, 1, true],
      [1, 2, 1, true],
    ]);
    expect(connected(bots[0]).map((e) => e.shards)).toEqual([[0]]);
    expect(connected(bots[1]).map((e) => e.shards)).toEqual([[1]]);
    expect(bots.map((b) => b.stdout().includes('Invite the bot'))).toEqual([true, false]);
    expect(bots.map((b) => b.log().some((e) => String(e.msg).startsWith('slash commands')))).toEqual([
      true,
      false,
    ]);
    expect(standIn.commands().map((c) => c.name)).toContain('prompt');
  });

  it('/quote and /prompt (thread and poll) are answered in each guild, by the process holding it', async () => {
    for (const guild of [0, 1]) {
      expect(World.shardOf(standIn.guildId(guild), 2)).toBe(guild);
      const quote = standIn.slash({
        user: 'student1',
        guild,
        channel: 'discussion',
        name: 'quote',
        options: { query: QUERY },
      });
      const reply = await quote.response();
      expect(reply.type, `guild ${guild}`).toBe(4);
      expect(visibleText(reply.data ?? {})).toContain(SHOWN);
      expect(callbacksFor(standIn, quote).map(ok)).toEqual([true]);

      const h = prompt(guild);
      const { done, threadId, post } = await posted(h, guild);
      expect(answeredBy(h), `guild ${guild}`).toEqual([bots[guild]?.name]);
      expect(threadId).toBeDefined();
      expect(standIn.guild(guild).channels.find((c) => c.id === threadId)?.parentId).toBe(
        standIn.channelId('general', guild),
      );
      // The poll, when the content has two articles on a topic (else the teacher is told why not).
      if (post?.poll === undefined) expect(done.content).toMatch(/\nNo poll: /);
      else expect(post.poll.answers.at(-1)?.poll_media.text).toBe('Not sure yet');
    }
  });

  it('every REST request reached the stand-in through the proxy, with the bot’s own token', () => {
    expect(standIn.requests.length).toBeGreaterThan(10);
    const direct = standIn.requests.filter(
      (r) => !(r.headers['user-agent'] ?? '').includes(PROXY_USER_AGENT_MARK),
    );
    expect(direct.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    // Interaction callbacks and webhooks carry no Authorization header; everything else does.
    const unauthorized = standIn.requests.filter((r) => r.status === 401);
    expect(unauthorized).toEqual([]);
    expect(standIn.unknownRoutes).toEqual([]);
  });

  it('a global 429 answered to one process holds the other process’s requests until it has passed', async () => {
    const general0 = standIn.channelId('general', 0);
    const general1 = standIn.channelId('general', 1);
    standIn.failNext(1, { status: 429, retryAfter: 1, global: true }, `POST /channels/${general0}/messages`);
    const first = prompt(0);
    const limited = await standIn.waitFor((r) => r.status === 429 && r.injected, 10_000);
    // The proxy has seen the 429 before the other process asks for anything.
    await proxy.waitFor('Discord answered 429');
    const second = prompt(1);
    const [a, b] = await Promise.all([posted(first, 0), posted(second, 1)]);
    expect([a.threadId, b.threadId].map((t) => t !== undefined)).toEqual([true, true]);
    expect(answeredBy(second)).toEqual([bots[1]?.name]);

    // The other process's requests that the global limit covers (all but its interaction callback)
    // reached the stand-in only once the 429 had passed; nothing came too early.
    const fromSecond = [
      ...requestsFor(standIn, second),
      ...standIn.requests.filter((r) => r.path.startsWith(`/channels/${general1}/`)),
    ].filter((r) => r.seq > limited.seq && !r.path.endsWith('/callback'));
    expect(fromSecond.length).toBeGreaterThanOrEqual(3);
    for (const r of fromSecond)
      expect(r.time, `${r.method} ${r.path}`).toBeGreaterThanOrEqual(limited.time + 1000);
    expect(standIn.requests.filter((r) => r.ignoredRateLimit)).toEqual([]);
    expect(standIn.requests.filter((r) => r.status === 429)).toEqual([limited]);
    expect(bots.flatMap((bot) => bot.log().filter((e) => Number(e.level) >= 50))).toEqual([]);
  });

  it('SIGTERM stops the processes and the proxy cleanly', async () => {
    for (const p of [...bots, proxy]) expect(await p.stop(), p.name).toEqual({ code: 0, signal: null });
    expect(
      standIn.events
        .filter((e) => e.direction === 'close' && e.code === 1000)
        .map((e) => e.shard)
        .sort(),
    ).toEqual([0, 1]);
  });
});
