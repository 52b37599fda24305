/**
 * Answer cards: posting one (from the ledger entry, so its pseudonym follows the ledger's order),
 * Withdraw (its writer) and Remove (a teacher), Reveal (post-first), reading others' answers
 * (post-first, after answering), and the prompt post's count.
 */
import {
  MessageFlags,
  PermissionFlagsBits,
  type ButtonInteraction,
  type Message,
  type ThreadChannel,
} from 'discord.js';
import type { BotServices, ButtonHandler } from '../src/bot/command.js';
import { editOptions, messageOptions, replyOptions, updateOptions } from '../src/bot/payload-options.js';
import { modeCode, type AnswerRecord, type DiscussionMode } from '../src/core/discussion/answer.js';
import { standing, type Ledger, type LedgerHeader } from '../src/core/discussion/ledger.js';
import { findPassage } from '../src/core/quote.js';
import { CMD } from '../src/render/answer.js';
import {
  cardEmbeds,
  cardPayload,
  countLine,
  promptButtons,
  withdrawnCard,
} from '../src/render/answer-card.js';
import { button, row } from '../src/render/components.js';
import { encodeId } from '../src/render/custom-id.js';
import { finalize, privateNotice, type Payload } from '../src/render/payload.js';
import {
  discussionThread,
  ledgerThread,
  loadLedger,
  promptMessage,
  pseudonymsOf,
  rewriteEntry,
} from './discussion-io.js';

export const NOT_YOURS = 'Only the student who wrote this answer can withdraw it (a teacher can remove it).';
export const TEACHERS_ONLY = 'Only teachers (Manage Messages) can do that.';

/** How a card names its writer: their pseudonym in anonymous mode, else their name. */
function byline(record: AnswerRecord, mode: DiscussionMode, names: Map<string, string>): string {
  return mode.anonymous ? (names.get(record.userId) ?? 'Student') : record.userName || 'Student';
}

function cardParts(bot: BotServices, record: AnswerRecord) {
  const content = bot.library().content;
  const found = record.passageId === undefined ? undefined : findPassage(content, record.passageId);
  const side =
    record.sideArticleId === undefined ? undefined : content.articleById.get(record.sideArticleId)?.short;
  return { ...(found && { passage: found }), ...(side !== undefined && { sideShort: side }) };
}

/** Posts the card of one ledger entry in the prompt's discussion thread and notes it in the ledger. */
export async function postCard(
  bot: BotServices,
  thread: ThreadChannel,
  prompt: Message,
  ledgerMessageId: string,
  mode: DiscussionMode,
  loaded?: Ledger,
): Promise<Message | undefined> {
  const ledger = loaded ?? (await loadLedger(thread));
  const entry = ledger.answers.find((a) => a.messageId === ledgerMessageId);
  if (!entry || entry.record.withdrawn || entry.record.cardMessageId) return undefined;
  const names = pseudonymsOf(ledger, bot.answerSecret ?? '', entry.record.promptMessageId);
  const pseudonym = mode.anonymous ? names.get(entry.record.userId) : undefined;
  const record = { ...entry.record, ...(pseudonym !== undefined && { pseudonym }) };
  const target = await discussionThread(prompt);
  const card = await target.send(
    messageOptions(
      cardPayload({
        record,
        byline: byline(record, mode, names),
        ledgerId: thread.id,
        ledgerMessageId,
        ...cardParts(bot, record),
      }),
    ),
  );
  await rewriteEntry(thread, ledgerMessageId, {
    kind: 'answer',
    record: { ...record, cardMessageId: card.id },
  });
  return card;
}

/** The prompt post's count line and buttons, from the ledger (post-first). */
export async function refreshPromptPost(
  thread: ThreadChannel,
  prompt: Message,
  loaded?: Ledger,
): Promise<void> {
  const ledger = loaded ?? (await loadLedger(thread));
  const header = ledger.header?.header;
  if (!header) return;
  await prompt.edit({
    content: countLine(standing(ledger).length, header.revealed),
    components: [promptButtons(thread.id, header.mode, modeCode(header.mode), header.revealed)],
    allowedMentions: { parse: [] },
  });
}

const isTeacher = (i: ButtonInteraction) =>
  i.memberPermissions?.has(PermissionFlagsBits.ManageMessages) === true;

/** Withdraw (the writer) or Remove (a teacher): the record is marked, the card says so. */
const takeBack =
  (byTeacher: boolean): ButtonHandler =>
  async (i, fields, bot) => {
    const [ledgerId, ledgerMessageId] = fields;
    if (byTeacher && !isTeacher(i)) {
      await i.reply(replyOptions(privateNotice(TEACHERS_ONLY)));
      return;
    }
    const thread = ledgerId ? await ledgerThread(i.client, ledgerId) : undefined;
    const ledger = thread ? await loadLedger(thread) : undefined;
    const entry = ledger?.answers.find((a) => a.messageId === ledgerMessageId);
    if (!thread || !ledger || !entry) {
      await i.reply(replyOptions(privateNotice('This answer can no longer be found.')));
      return;
    }
    if (!byTeacher && entry.record.userId !== i.user.id) {
      await i.reply(replyOptions(privateNotice(NOT_YOURS)));
      return;
    }
    const { cardMessageId } = entry.record;
    const onCard = i.message.id === cardMessageId;
    // On the card: the card says so. On the private "your answer is in" note: the note does,
    // and the card, if there is one, too.
    await i.update(
      updateOptions(onCard ? withdrawnCard(byTeacher) : privateNotice('Your answer was withdrawn.')),
    );
    await rewriteEntry(thread, entry.messageId, {
      kind: 'answer',
      record: { ...entry.record, withdrawn: true },
    });
    const header = ledger.header?.header;
    if (header) {
      if (!onCard && cardMessageId) await editCard(i, header, cardMessageId, withdrawnCard(byTeacher));
      const prompt = await promptMessage(i.client, header.channelId, header.promptMessageId);
      if (prompt && header.mode.postFirst) await refreshPromptPost(thread, prompt);
    }
    bot.log.info(
      { command: 'prompt', action: byTeacher ? 'remove' : 'withdraw', interactionId: i.id },
      'answer taken back',
    );
  };

/** Edits a card in the prompt's discussion thread (or the prompt's channel, when that is a thread). */
async function editCard(i: ButtonInteraction, header: LedgerHeader, cardId: string, payload: Payload) {
  for (const channelId of [header.promptMessageId, header.channelId]) {
    const card = await promptMessage(i.client, channelId, cardId);
    if (card) {
      await card.edit(editOptions(payload));
      return;
    }
  }
}

const reveal: ButtonHandler = async (i, fields, bot) => {
  if (!isTeacher(i)) {
    await i.reply(replyOptions(privateNotice(TEACHERS_ONLY)));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const thread = fields[0] ? await ledgerThread(i.client, fields[0]) : undefined;
  const ledger = thread ? await loadLedger(thread) : undefined;
  const header = ledger?.header;
  if (!thread || !ledger || !header) {
    await i.editReply(editOptions(privateNotice('This prompt’s teachers’ ledger can no longer be found.')));
    return;
  }
  const revealedHeader = { ...header.header, revealed: true };
  await rewriteEntry(thread, header.messageId, { kind: 'header', header: revealedHeader });
  // Read again once the header says "revealed": an answer written before this read is posted
  // here, one written after it posts its own card.
  const current = await loadLedger(thread);
  let posted = 0;
  for (const a of standing(current)) {
    if (a.record.cardMessageId) continue;
    if (await postCard(bot, thread, i.message, a.messageId, header.header.mode, current)) posted++;
  }
  await refreshPromptPost(thread, i.message);
  const where = i.message.thread ? ` in <#${i.message.thread.id}>` : '';
  await i.editReply(
    editOptions(privateNotice(`Revealed ${posted} ${posted === 1 ? 'answer' : 'answers'}${where}.`)),
  );
};

/** One page of the others' answers, for a student who has answered (post-first, before Reveal). */
function othersPage(
  bot: BotServices,
  ledger: Ledger,
  userId: string,
  page: number,
  code: string,
  ledgerId: string,
): Payload {
  const header = ledger.header?.header;
  const mode = header?.mode ?? { postFirst: true, anonymous: false };
  const others = standing(ledger).filter((a) => a.record.userId !== userId);
  if (others.length === 0) return privateNotice('No one else has answered yet.');
  const at = Math.min(Math.max(0, page), others.length - 1);
  const entry = others[at];
  if (!entry) return privateNotice('No one else has answered yet.');
  const names = pseudonymsOf(ledger, bot.answerSecret ?? '', entry.record.promptMessageId);
  const embeds = cardEmbeds({
    record: entry.record,
    byline: byline(entry.record, mode, names),
    ...cardParts(bot, entry.record),
  });
  return finalize({
    ephemeral: true,
    content: `Answer ${at + 1} of ${others.length} (only you can see this).`,
    embeds,
    components: [
      row(
        button(encodeId(CMD, 'others', ledgerId, code, String(at - 1)), '◀', { disabled: at === 0 }),
        button(encodeId(CMD, 'others', ledgerId, code, String(at + 1)), '▶', {
          disabled: at >= others.length - 1,
        }),
      ),
    ],
  });
}

const others: ButtonHandler = async (i, fields, bot) => {
  const [ledgerId, code, pageText] = fields;
  const onPage = i.message.flags.has(MessageFlags.Ephemeral);
  const thread = ledgerId ? await ledgerThread(i.client, ledgerId) : undefined;
  const ledger = thread ? await loadLedger(thread) : undefined;
  let payload: Payload;
  if (!thread || !ledger) payload = privateNotice('This prompt’s answers can no longer be found.');
  else if (!standing(ledger).some((a) => a.record.userId === i.user.id))
    payload = privateNotice('Answer first (press **Respond**): then you can read the others’ answers.');
  else payload = othersPage(bot, ledger, i.user.id, Number(pageText ?? 0) || 0, code ?? '1', thread.id);
  if (onPage) await i.update(updateOptions(payload));
  else await i.reply(replyOptions(payload));
};

export const cardButtons = { withdraw: takeBack(false), remove: takeBack(true), reveal, others } as const;
