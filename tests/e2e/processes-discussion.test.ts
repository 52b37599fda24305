/**
 * A discussion served by bot processes that share one bot (issue 15), set up as in
 * processes.test.ts (tests/e2e/processes-util.ts): two processes, one shard each, behind one REST
 * proxy in front of the stand-in. In both guilds, each answered by the process holding its shard, a
 * teacher posts `/prompt mode:post-first+anonymous thread:true`, two students answer with evidence,
 * the count shows, the teacher reveals the cards (pseudonyms) and /summary sends chart.png and
 * answers.csv. Then both processes stop and one new process holds both shards: what was posted
 * before keeps working, answered by it from the ledgers in Discord, since no process keeps anything
 * of a discussion (a Respond opened on the old process is submitted to the new one and posted, a
 * student answering again keeps their pseudonym, /summary counts every answer).
 */
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntry } from '../../src/core/discussion/ledger.js';
import { PROXY_USER_AGENT_MARK } from '../../src/proxy/server.js';
import type { InteractionHandle, StandIn } from '../../src/sandbox/standin/index.js';
import { manyLibrary, type ManyLibrary } from '../helpers/many-library.js';
import {
  eventually,
  idWith,
  ledgerIdOf,
  postPreview,
  postPrompt,
  press,
  respond,
} from './discussion-util.js';
import type { Running } from './process.js';
import { answeredBy, startProcesses, type Processes } from './processes-util.js';
import { ok } from './util.js';

let many: ManyLibrary;
let processes: Processes;
let standIn: StandIn;
/** The process started to hold both shards once the first two have stopped. */
let merged: Running | undefined;

beforeAll(async () => {
  many = await manyLibrary();
  // LOG_LEVEL debug: each process logs every interaction it answered, with its id and guild.
  processes = await startProcesses({ env: { CONTENT_DIR: many.dir, LOG_LEVEL: 'debug' }, students: 3 });
  standIn = processes.standIn;
}, 60_000);
afterAll(async () => {
  await processes.stop();
  many.remove();
});

const GUILDS = [0, 1] as const;
/** The answer student k (1 or 2) gives in guild g. */
const answerText = (student: number, guild: number) =>
  student === 1 ? `Floods are worse in class ${guild}.` : `They are not in class ${guild}.`;
/** The prompt post of each guild, by guild. */
const prompts: APIMessage[] = [];

const promptOf = (guild: number): APIMessage => {
  const first = prompts[guild];
  const now = first && standIn.message(first.id);
  if (!now) throw new Error(`no prompt in guild ${guild}`);
  return now;
};

/** The messages of a channel or thread of either guild. */
const messagesIn = (channelId: string) =>
  standIn.channelMessages(channelId, standIn.world.channels.get(channelId)?.guildId);

const cardsIn = (promptId: string) =>
  messagesIn(promptId).filter((m) => m.embeds[0]?.author?.name.startsWith('Answer') === true);

/** The byline of the card showing this answer. */
const bylineOf = (promptId: string, text: string) =>
  cardsIn(promptId).find((c) => c.embeds[0]?.description === text)?.embeds[0]?.author?.name;

const ledgerAnswers = (prompt: APIMessage) =>
  messagesIn(ledgerIdOf(prompt))
    .map((m) => decodeEntry(m.embeds[0]?.description))
    .filter((e) => e?.kind === 'answer')
    .map((e) => e.record);

/** Which of `bots` answered the interaction, once one has logged it (the log line follows the reply). */
async function whoAnswered(bots: readonly Running[], h: InteractionHandle): Promise<string[]> {
  await eventually(() => answeredBy(bots, h).length > 0);
  return answeredBy(bots, h);
}

/** The guilds of the interactions a process logged having answered. */
const guildsAnsweredBy = (bot: Running | undefined) => [
  ...new Set(bot?.log().flatMap((e) => (e.msg === 'answered' ? [e.guildId] : []))),
];

/** The teacher's /summary in a prompt's discussion thread: the reply, and answers.csv's text. */
async function summary(guild: number) {
  const h = standIn.slash({ user: 'teacher', guild, channel: promptOf(guild).id, name: 'summary' });
  const report = await h.waitForOriginal((m) =>
    (m.flags ?? 0) & 128 ? false : m.content.length + m.embeds.length > 0,
  );
  const file = report.attachments.find((a) => a.filename === 'answers.csv');
  const csv = file ? await (await fetch(file.url)).text() : '';
  return { h, files: report.attachments.map((a) => a.filename).sort(), csv };
}

async function answer(user: string, prompt: APIMessage, text: string): Promise<APIMessage> {
  const preview = await respond(standIn, user, prompt, { answer: text, evidence: 'river floods' });
  return postPreview(standIn, user, preview);
}

/** The whole post-first anonymous discussion in one guild, up to Reveal and /summary. */
async function discussion(guild: number): Promise<void> {
  const at = `guild ${guild}`;
  const options = { topic: 'river-floods', mode: 'post-first+anonymous', thread: true };
  const prompt = await postPrompt(standIn, options, guild);
  prompts[guild] = prompt;
  expect(prompt.content, at).toContain('0 answers in');
  for (const student of [1, 2]) await answer(`student${student}`, prompt, answerText(student, guild));
  await eventually(() => standIn.message(prompt.id)?.content.includes('2 answers in') === true);
  expect(cardsIn(prompt.id), at).toEqual([]);

  const reveal = press(standIn, 'teacher', promptOf(guild), 'reveal');
  const revealed = await reveal.waitForOriginal((m) => m.content.startsWith('Revealed'));
  expect(revealed.content, at).toContain('Revealed 2 answers');
  expect(await whoAnswered(processes.bots, reveal), at).toEqual([processes.bots[guild]?.name]);
  const bylines = [1, 2].map((student) => bylineOf(prompt.id, answerText(student, guild)));
  for (const b of bylines) expect(b, at).toMatch(/^Answer · Student \d+$/);
  expect(new Set(bylines).size, at).toBe(2);
  // The evidence resolved to a passage, and each record knows its card.
  expect(
    ledgerAnswers(prompt).map((r) => [r.passageId !== undefined, r.cardMessageId !== undefined]),
    at,
  ).toEqual([
    [true, true],
    [true, true],
  ]);

  const { h, files, csv } = await summary(guild);
  expect(await whoAnswered(processes.bots, h), at).toEqual([processes.bots[guild]?.name]);
  expect(files, at).toEqual(['answers.csv', 'chart.png']);
  for (const student of [1, 2]) expect(csv, at).toContain(answerText(student, guild));
}

describe('a post-first anonymous discussion on two processes behind one REST proxy', () => {
  it('in each guild, served by the process holding its shard: answers, count, Reveal, pseudonyms, /summary', async () => {
    // Both classes at once, each on its own process.
    await Promise.all(GUILDS.map(discussion));
    expect(processes.bots.map(guildsAnsweredBy)).toEqual(GUILDS.map((g) => [standIn.guildId(g)]));
  }, 40_000);

  it('a new process holding both shards answers what the stopped ones posted, from the ledgers in Discord', async () => {
    const [old0, old1] = processes.bots;
    if (!old0 || !old1) throw new Error('no processes');
    // A third student opens Respond on guild 1's prompt: the process holding shard 1 shows the modal.
    const prompt1 = promptOf(1);
    const click = standIn.button({
      user: 'student3',
      message: prompt1.id,
      customId: idWith(prompt1, 'respond'),
    });
    const modal = await click.response();
    expect(modal.type).toBe(9);
    expect(await whoAnswered(processes.bots, click)).toEqual([old1.name]);

    // Both processes stop; one new process, on its own, holds both shards.
    for (const bot of [old1, old0]) expect(await bot.stop(), bot.name).toEqual({ code: 0, signal: null });
    const bot = await processes.startBot('0-1');
    merged = bot;
    expect(
      bot
        .log()
        .filter((e) => e.msg === 'connected')
        .map((e) => e.shards),
    ).toEqual([[0, 1]]);
    expect(standIn.sessions.map((s) => [s.shard, s.shardCount, s.identifies, s.connected])).toEqual([
      [0, 2, 2, true],
      [1, 2, 2, true],
    ]);

    // The modal the old process showed is submitted to the new one: its preview, then Post, whose
    // ledger write meets a 429 (kept in force by the stand-in) and waits it out through the proxy.
    const submit = standIn.modalSubmit({
      user: 'student3',
      customId: String(modal.data?.custom_id),
      from: click,
      fields: { answer: 'Third answer.', evidence: 'river floods', reasoning: '' },
    });
    const preview = await submit.waitForOriginal();
    expect(await whoAnswered([bot], submit)).toEqual([bot.name]);
    const ledger1 = ledgerIdOf(prompt1);
    standIn.failNext(1, { status: 429, retryAfter: 1 }, `POST /channels/${ledger1}/messages`);
    expect((await postPreview(standIn, 'student3', preview)).content).toMatch(/^Posted: /);

    // Student 1 answers again, on the new process: the same pseudonym the old process gave them.
    await answer('student1', prompt1, 'Floods are worse, again.');
    const first = bylineOf(prompt1.id, answerText(1, 1));
    expect(bylineOf(prompt1.id, 'Floods are worse, again.')).toBe(first);
    const third = bylineOf(prompt1.id, 'Third answer.');
    expect(third).toMatch(/^Answer · Student \d+$/);
    expect(new Set([first, bylineOf(prompt1.id, answerText(2, 1)), third]).size).toBe(3);
    const record3 = ledgerAnswers(prompt1).find((r) => r.userId === standIn.userId('student3'));
    expect(record3?.passageId).toBeDefined();
    expect(third).toBe(`Answer · ${record3?.pseudonym ?? '?'}`);
    await eventually(() => standIn.message(prompt1.id)?.content.includes('4 answers revealed') === true);

    // /summary in both guilds, answered by the new process from each ledger.
    const [summary0, summary1] = await Promise.all([summary(0), summary(1)]);
    for (const s of [summary0, summary1]) {
      expect(await whoAnswered([bot], s.h)).toEqual([bot.name]);
      expect(s.files).toEqual(['answers.csv', 'chart.png']);
    }
    expect(summary0.csv).toContain(answerText(1, 0));
    for (const text of [answerText(1, 1), answerText(2, 1), 'Third answer.', 'Floods are worse, again.'])
      expect(summary1.csv).toContain(text);
    expect(summary1.csv).toContain(record3?.pseudonym ?? '?');
    expect(guildsAnsweredBy(bot).sort()).toEqual(GUILDS.map((g) => standIn.guildId(g)).sort());

    // The one 429 was waited out: its retry came after Retry-After, nothing came early.
    const limited = standIn.requests.filter((r) => r.status === 429);
    expect(limited.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /channels/${ledger1}/messages`]);
    const retry = standIn.requests.find(
      (r) =>
        r.seq > (limited[0]?.seq ?? 0) && r.method === 'POST' && r.path === `/channels/${ledger1}/messages`,
    );
    expect(retry && ok(retry)).toBe(true);
    expect(retry?.time).toBeGreaterThanOrEqual((limited[0]?.time ?? 0) + 1000);
  }, 60_000);

  it('every REST request went through the proxy; none ignored a rate limit; no process logged an error', () => {
    const direct = standIn.requests.filter(
      (r) => !(r.headers['user-agent'] ?? '').includes(PROXY_USER_AGENT_MARK),
    );
    expect(direct.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(standIn.requests.filter((r) => r.ignoredRateLimit)).toEqual([]);
    expect(standIn.requests.filter((r) => r.status === 401)).toEqual([]);
    expect(standIn.unknownRoutes).toEqual([]);
    const all = [...processes.bots, ...(merged ? [merged] : [])];
    expect(all.flatMap((b) => b.log().filter((e) => Number(e.level) >= 50))).toEqual([]);
  });

  it('SIGTERM stops the new process and the proxy cleanly', async () => {
    for (const p of [merged, processes.proxy])
      expect(await p?.stop(), p?.name).toEqual({ code: 0, signal: null });
  });
});
