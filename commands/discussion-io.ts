/**
 * Where a discussion's state lives in Discord, read and written: the teachers' ledger (a private
 * thread of JSON entries, see src/core/discussion/ledger.ts), the prompt post, and the discussion
 * thread the cards go to. Nothing is kept in the bot's memory: a restart loses nothing.
 */
import {
  ChannelType,
  ThreadAutoArchiveDuration,
  type AnyThreadChannel,
  type Client,
  type Message,
  type SendableChannels,
  type TextChannel,
  type ThreadChannel,
} from 'discord.js';
import type { AnswersForThread } from '../src/bot/answers.js';
import type { BotServices } from '../src/bot/command.js';
import { modeCode, type DiscussionMode } from '../src/core/discussion/answer.js';
import { editOptions, messageOptions } from '../src/bot/payload-options.js';
import type { AnswerRecord } from '../src/core/discussion/answer.js';
import {
  encodeEntry,
  readLedger,
  type Ledger,
  type LedgerEntry,
  type LedgerHeader,
} from '../src/core/discussion/ledger.js';
import { assignPseudonyms } from '../src/core/discussion/pseudonym.js';
import { countLine, ledgerAnswerLine, ledgerPayload, promptButtons } from '../src/render/answer-card.js';
import { LIMITS } from '../src/render/discord-limits.js';
import { truncate, type Payload } from '../src/render/payload.js';
import { threadName } from '../src/render/prompt.js';

/** Most fetches of a ledger's history (100 messages each): 1,000 answers per prompt. */
export const LEDGER_FETCHES = 10;

/** Opens a prompt's ledger: a private thread only the bot, the teacher and moderators see. */
export async function openLedger(
  parent: TextChannel,
  title: string,
  teacherId: string,
): Promise<ThreadChannel> {
  const thread = await parent.threads.create({
    name: truncate(`Teachers’ ledger: ${title}`, LIMITS.threadName),
    type: ChannelType.PrivateThread,
    invitable: false,
    autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
  });
  await thread.members.add(teacherId);
  return thread;
}

export async function writeHeader(
  thread: ThreadChannel,
  header: LedgerHeader,
  promptUrl: string,
): Promise<void> {
  const line = `Teachers’ ledger for ${promptUrl}: one message per answer, read back by the bot. Please do not edit or delete them.`;
  await thread.send(messageOptions(ledgerPayload(encodeEntry({ kind: 'header', header }), line)));
}

/** The ledger thread by id, or undefined when it is gone or not a thread. */
export async function ledgerThread(client: Client, ledgerId: string): Promise<ThreadChannel | undefined> {
  const channel = await client.channels.fetch(ledgerId).catch(() => null);
  return channel?.isThread() ? channel : undefined;
}

/** The whole ledger, read from the thread's history (the bot's own messages only). */
export async function loadLedger(thread: ThreadChannel): Promise<Ledger> {
  const own: { id: string; text: string | undefined }[] = [];
  let before: string | undefined;
  for (let n = 0; n < LEDGER_FETCHES; n++) {
    const page = await thread.messages.fetch({ limit: LIMITS.messagesPerFetch, ...(before && { before }) });
    for (const m of page.values()) {
      if (m.author.id === thread.client.user.id)
        own.push({ id: m.id, text: m.embeds[0]?.description ?? undefined });
    }
    if (page.size < LIMITS.messagesPerFetch) break;
    before = [...page.keys()].reduce((a, b) => (BigInt(a) < BigInt(b) ? a : b));
  }
  return readLedger(own);
}

/** Each writer's pseudonym on this prompt (anonymous mode), from the ledger's order. */
export function pseudonymsOf(ledger: Ledger, secret: string, promptMessageId: string): Map<string, string> {
  return assignPseudonyms(
    secret,
    promptMessageId,
    ledger.answers.map((a) => a.record),
  );
}

export async function appendAnswer(thread: ThreadChannel, record: AnswerRecord): Promise<Message> {
  return thread.send(
    messageOptions(
      ledgerPayload(encodeEntry({ kind: 'answer', record }), ledgerAnswerLine(record, record.pseudonym)),
    ),
  );
}

export async function rewriteEntry(
  thread: ThreadChannel,
  messageId: string,
  entry: LedgerEntry,
): Promise<void> {
  const line =
    entry.kind === 'answer'
      ? ledgerAnswerLine(entry.record, entry.record.pseudonym)
      : 'Teachers’ ledger: one message per answer, read back by the bot. Please do not edit or delete them.';
  const message = await thread.messages.fetch(messageId);
  await message.edit(editOptions(ledgerPayload(encodeEntry(entry), line)));
}

/** The prompt post, by id, in a channel the bot can send to. */
export async function promptMessage(
  client: Client,
  channelId: string,
  messageId: string,
): Promise<Message | undefined> {
  const channel = await client.channels.fetch(channelId).catch(() => null);
  if (!channel?.isTextBased() || !('messages' in channel)) return undefined;
  return channel.messages.fetch(messageId).catch(() => undefined);
}

/**
 * Where a prompt's answer cards go: its discussion thread, opened if needed (another process may
 * have just opened it: then that one), or the prompt's own channel when it is a thread already.
 */
export async function discussionThread(prompt: Message): Promise<SendableChannels> {
  const channel = prompt.channel;
  if (channel.isThread() && 'send' in channel) return channel;
  if (prompt.thread) return prompt.thread;
  const title = prompt.embeds[0]?.title ?? 'answers';
  try {
    return await prompt.startThread({
      name: threadName(title),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
  } catch (err) {
    const existing = await prompt.client.channels.fetch(prompt.id).catch(() => null);
    if (existing?.isThread()) return existing;
    throw err;
  }
}

/** The prompt post with its Respond row (and post-first's count line and buttons) when it has a ledger. */
export function withRespond(
  payload: Payload,
  ledger: ThreadChannel | undefined,
  mode: DiscussionMode,
): Payload {
  if (!ledger) return payload;
  return {
    ...payload,
    ...(mode.postFirst && { content: countLine(0, false) }),
    components: [promptButtons(ledger.id, mode, modeCode(mode))],
  };
}

/** The prompt's ledger, opened in the channel (or the thread's parent); undefined if it cannot be. */
export async function openLedgerFor(
  channel: SendableChannels,
  title: string,
  teacherId: string,
  bot: BotServices,
): Promise<ThreadChannel | undefined> {
  const parent = channel.isThread() ? channel.parent : channel;
  if (!parent || parent.type !== ChannelType.GuildText) return undefined;
  try {
    return await openLedger(parent, title, teacherId);
  } catch (err) {
    bot.log.warn({ err, command: 'prompt' }, 'could not open the teachers’ ledger');
    return undefined;
  }
}

/** The ledger id a prompt post's Respond button names, if it has one. */
function ledgerIdOf(message: Message): string | undefined {
  for (const row of message.components) {
    if (!('components' in row)) continue;
    for (const c of row.components) {
      const id = 'customId' in c ? c.customId : null;
      const m = id ? /^prompt\|respond\|(\d+)\|/.exec(id) : null;
      if (m?.[1]) return m[1];
    }
  }
  return undefined;
}

/** The prompt post a discussion thread belongs to: its starter, or else the newest one inside it. */
async function promptOfThread(thread: AnyThreadChannel): Promise<Message | undefined> {
  const parent = thread.parent;
  const starter =
    parent && 'messages' in parent
      ? await parent.messages.fetch(thread.id).catch(() => undefined)
      : undefined;
  if (starter && ledgerIdOf(starter)) return starter;
  const recent = await thread.messages.fetch({ limit: LIMITS.messagesPerFetch }).catch(() => undefined);
  return [...(recent?.values() ?? [])].find((m) => m.author.id === thread.client.user.id && ledgerIdOf(m));
}

/**
 * /summary's answers (src/bot/answers.ts): those in the teachers' ledger of the prompt the thread
 * discusses, withdrawn ones included. Null for a thread of no prompt with a ledger, and for a prompt
 * nobody answered with Respond: the class talked in the thread instead, and /summary counts that.
 */
export const answersFromLedger: AnswersForThread = async (thread) => {
  const prompt = await promptOfThread(thread);
  const ledgerId = prompt && ledgerIdOf(prompt);
  const ledger = ledgerId ? await ledgerThread(thread.client, ledgerId) : undefined;
  if (!prompt || !ledger) return null;
  const { answers } = await loadLedger(ledger);
  const records = answers.map((a) => a.record).filter((r) => r.promptMessageId === prompt.id);
  return records.length > 0 ? records : null;
};
