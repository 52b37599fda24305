/**
 * /summary in the thread of a prompt with answers (issue 15 §4), driven through the real bot
 * (startBot, discord.js, the router, commands/summary.ts) against the stand-in. The teachers'
 * ledger is the one part stood in for: `answersForThread` hands the bot its records. The e2e tests
 * of the whole Respond flow drive it once the ledger reader is wired into main.ts.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { MessageFlags, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswersForThread } from '../../src/bot/answers.js';
import { startBot, type Bot } from '../../src/bot/client.js';
import type { AnswerRecord } from '../../src/core/discussion/answer.js';
import { buildLibrary } from '../../src/core/index.js';
import { createLogger } from '../../src/logger.js';
import { startStandIn, type StandIn } from '../../src/sandbox/standin/index.js';
import { ANN, answer, classAnswers, content } from '../helpers/answers.js';
import { parseCsv } from '../helpers/csv.js';

let standIn: StandIn | undefined;
let bot: Bot | undefined;
afterEach(async () => {
  await bot?.stop();
  await standIn?.close();
  bot = undefined;
  standIn = undefined;
});

const library = buildLibrary(content);

/** The stand-in, the bot with `answers` as its ledger, and a discussion thread in #general. */
async function running(answers: (threadId: string) => readonly AnswerRecord[] | null) {
  const s = await startStandIn();
  standIn = s;
  const answersForThread: AnswersForThread = (thread) => Promise.resolve(answers(thread.id));
  const b = startBot({
    config: {
      token: s.token,
      guildId: s.guildId(),
      apiBase: s.url,
      logLevel: 'silent',
      importAllowLoopback: false,
    },
    library: () => library,
    log: createLogger('silent'),
    print: () => undefined,
    answersForThread,
  });
  bot = b;
  await b.ready;
  const general = (await b.client.channels.fetch(s.channelId('general'))) as TextChannel;
  const thread = await general.threads.create({ name: 'Discussion: Gas' });
  return { s, threadId: thread.id };
}

async function summaryIn(s: StandIn, threadId: string): Promise<APIMessage> {
  const h = s.slash({ user: 'teacher', name: 'summary', channel: threadId });
  return h.waitForOriginal((m) => m.embeds.length > 0);
}

async function bytesAt(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('/summary of a prompt’s answers', () => {
  it('privately gives the teacher each student’s evidence, with chart.png and answers.csv attached', async () => {
    const records = classAnswers();
    let threadOfPrompt = '';
    const { s, threadId } = await running((id) => (id === threadOfPrompt ? records : null));
    threadOfPrompt = threadId;
    const reply = await summaryIn(s, threadId);
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const [embed] = reply.embeds;
    expect(embed?.title).toBe('Answers in Discussion: Gas');
    expect(embed?.description).toContain('**Bob** — 3 answers: ✓ beta#1, ✗ alpha#9');
    expect(reply.attachments.map((a) => a.filename)).toEqual(['chart.png', 'answers.csv']);

    const png = await bytesAt(reply.attachments[0]?.url ?? '');
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const csv = parseCsv(new TextDecoder().decode(await bytesAt(reply.attachments[1]?.url ?? '')));
    expect(csv.map((row) => row.slice(0, 4))).toEqual([
      ['name', 'user id', 'pseudonyms', 'answers'],
      ['Ann', ANN, '', '3'],
      ['Bob', expect.any(String), '', '3'],
      ['Cat', expect.any(String), '', '0'],
    ]);
    // Nobody else sees it.
    const seen = s.channelWindow({ user: 'student1', channel: threadId, limit: 50 });
    expect(seen.messages.map((m) => m.id)).not.toContain(reply.id);
  });

  it('shows the teacher real names in anonymous mode', async () => {
    const { s, threadId } = await running(() => [answer(ANN, 'Ann', { pseudonym: 'Student 7' })]);
    const reply = await summaryIn(s, threadId);
    expect(reply.embeds[0]?.description).toBe('**Ann** (Student 7) — 1 answer: – no evidence');
  });

  it('counts the thread’s history as before where the thread’s prompt collects no answers', async () => {
    const { s, threadId } = await running(() => null);
    s.say({ user: 'student1', channel: threadId, content: 'I think so.' });
    const reply = await summaryIn(s, threadId);
    expect(reply.embeds[0]?.title).toBe('Participation in Discussion: Gas');
    expect(reply.attachments).toEqual([]);
  });
});
