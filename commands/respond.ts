/**
 * The Respond flow on a prompt post: the modal, the private preview (the draft lives in it, never
 * in the bot's memory), correcting the evidence and the side, and Post, which writes the answer to
 * the teachers' ledger and, unless the prompt is post-first, puts its card in the discussion thread.
 */
import {
  MessageFlags,
  type ButtonInteraction,
  type Message,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { BotServices, ButtonHandler, ModalHandler, SelectHandler } from '../src/bot/command.js';
import { editOptions, replyOptions, updateOptions } from '../src/bot/payload-options.js';
import type { Library } from '../src/core/index.js';
import {
  ANSWER_MAX,
  EVIDENCE_MAX,
  modeFromCode,
  REASONING_MAX,
  tidyDraft,
  type AnswerRecord,
} from '../src/core/discussion/answer.js';
import { promptArticleIds, resolveEvidence, sideChoices } from '../src/core/discussion/evidence.js';
import { findPassage } from '../src/core/quote.js';
import {
  CMD,
  FIELD,
  NONE,
  previewPayload,
  readPreview,
  respondModal,
  type DraftPlace,
  type PreviewState,
} from '../src/render/answer.js';
import { button, row } from '../src/render/components.js';
import { encodeId } from '../src/render/custom-id.js';
import { finalize, privateNotice, type Payload } from '../src/render/payload.js';
import { appendAnswer, ledgerThread, loadLedger, promptMessage, pseudonymsOf } from './discussion-io.js';
import { postCard, refreshPromptPost } from './discussion-cards.js';

const DRAFT_LIMITS = { answer: ANSWER_MAX, evidence: EVIDENCE_MAX, reasoning: REASONING_MAX } as const;

export const GONE =
  'This prompt’s answers can no longer be found (its teachers’ ledger was deleted). Ask your teacher for a new prompt.';

function placeOf(fields: readonly string[], promptMessageId?: string): DraftPlace | undefined {
  const [ledgerId, mode, promptId] = fields;
  const prompt = promptMessageId ?? promptId;
  if (!ledgerId || !/^\d+$/.test(ledgerId) || !prompt || !/^\d+$/.test(prompt)) return undefined;
  return { ledgerId, mode: mode ?? '0', promptMessageId: prompt };
}

/** The articles of the prompt post (from its evidence footers), read from Discord. */
async function articlesOf(
  i: { client: Message['client']; channelId: string | null },
  core: Library,
  promptId: string,
) {
  const prompt = i.channelId ? await promptMessage(i.client, i.channelId, promptId) : undefined;
  const known = new Set(core.content.articleById.keys());
  return promptArticleIds(prompt?.embeds.map((e) => e.footer?.text) ?? [], known);
}

/** The preview for a state: the evidence resolved again (the same words find the same passages). */
async function preview(
  i: ModalSubmitInteraction | StringSelectMenuInteraction,
  bot: BotServices,
  place: DraftPlace,
  state: PreviewState,
) {
  const core = bot.library();
  const articleIds = await articlesOf(i, core, place.promptMessageId);
  const evidence = resolveEvidence(core, state.draft.evidence, articleIds);
  const chosenId = state.passageId;
  const found = chosenId === undefined ? undefined : findPassage(core.content, chosenId);
  const hit = evidence.kind === 'found' ? evidence.hits.find((h) => h.passage.id === chosenId) : undefined;
  const sides = sideChoices(articleIds).flatMap((id) => core.content.articleById.get(id) ?? []);
  return previewPayload({
    place,
    state: found
      ? state
      : { draft: state.draft, ...(state.sideArticleId && { sideArticleId: state.sideArticleId }) },
    evidence,
    ...(found && { chosen: { ...found, matched: hit?.matched ?? [] } }),
    sides,
    articleShort: (id) => core.content.articleById.get(id)?.short ?? id,
  });
}

const respond: ButtonHandler = async (i, fields) => {
  const place = placeOf(fields, i.message.id);
  if (!place) {
    await i.reply(replyOptions(privateNotice(GONE)));
    return;
  }
  await i.showModal(respondModal(place, DRAFT_LIMITS));
};

const edit: ButtonHandler = async (i, fields) => {
  const place = placeOf(fields);
  const state = readPreview(i.message.embeds.map((e) => e.toJSON()));
  if (!place || !state) {
    await i.reply(replyOptions(privateNotice('This preview can no longer be read. Press Respond again.')));
    return;
  }
  await i.showModal(respondModal(place, DRAFT_LIMITS, state.draft));
};

const draftSubmitted: ModalHandler = async (i, fields, bot) => {
  const place = placeOf(fields);
  const draft = tidyDraft({
    answer: i.fields.getTextInputValue(FIELD.answer),
    evidence: i.fields.getTextInputValue(FIELD.evidence),
    reasoning: i.fields.getTextInputValue(FIELD.reasoning),
  });
  if (!place || draft.answer === '') {
    await i.reply(
      replyOptions(privateNotice('Your answer was empty, so there is nothing to post. Press Respond again.')),
    );
    return;
  }
  const fromPreview = i.message?.flags.has(MessageFlags.Ephemeral) === true;
  const before = fromPreview && i.message ? readPreview(i.message.embeds.map((e) => e.toJSON())) : undefined;
  const core = bot.library();
  const articleIds = await articlesOf(i, core, place.promptMessageId);
  const evidence = resolveEvidence(core, draft.evidence, articleIds);
  const first = evidence.kind === 'found' ? evidence.hits[0]?.passage.id : undefined;
  const state: PreviewState = {
    draft,
    ...(first !== undefined && { passageId: first }),
    ...(before?.sideArticleId !== undefined && { sideArticleId: before.sideArticleId }),
  };
  const payload = await preview(i, bot, place, state);
  if (fromPreview && i.isFromMessage()) await i.update(updateOptions(payload));
  else await i.reply(replyOptions(payload));
};

function pickedState(
  i: StringSelectMenuInteraction,
  which: 'passageId' | 'sideArticleId',
): PreviewState | undefined {
  const state = readPreview(i.message.embeds.map((e) => e.toJSON()));
  const value = i.values[0];
  if (!state || value === undefined) return undefined;
  const passageId = which === 'passageId' ? value : state.passageId;
  const sideArticleId = which === 'sideArticleId' ? value : state.sideArticleId;
  return {
    draft: state.draft,
    ...(passageId !== undefined && passageId !== NONE && { passageId }),
    ...(sideArticleId !== undefined && sideArticleId !== NONE && { sideArticleId }),
  };
}

const select =
  (which: 'passageId' | 'sideArticleId'): SelectHandler =>
  async (i, fields, bot) => {
    const place = placeOf(fields);
    const state = pickedState(i, which);
    if (!place || !state) {
      await i.reply(replyOptions(privateNotice('This preview can no longer be read. Press Respond again.')));
      return;
    }
    await i.update(updateOptions(await preview(i, bot, place, state)));
  };

function displayName(i: ButtonInteraction): string {
  const member = i.member;
  if (member && 'displayName' in member) return member.displayName;
  return member?.nick ?? i.user.globalName ?? i.user.username;
}

const post: ButtonHandler = async (i, fields, bot) => {
  const place = placeOf(fields);
  const state = readPreview(i.message.embeds.map((e) => e.toJSON()));
  if (!place || !state) {
    await i.reply(replyOptions(privateNotice('This preview can no longer be read. Press Respond again.')));
    return;
  }
  await i.deferUpdate();
  const thread = await ledgerThread(i.client, place.ledgerId);
  if (!thread) {
    await i.editReply(editOptions(privateNotice(GONE)));
    return;
  }
  const ledger = await loadLedger(thread);
  const mode = ledger.header?.header.mode ?? modeFromCode(place.mode);
  const record: AnswerRecord = {
    promptMessageId: place.promptMessageId,
    userId: i.user.id,
    userName: displayName(i),
    draft: state.draft,
    ...(state.passageId !== undefined && { passageId: state.passageId }),
    ...(state.sideArticleId !== undefined && { sideArticleId: state.sideArticleId }),
    postedAt: new Date().toISOString(),
  };
  const secret = bot.answerSecret ?? '';
  const guess = mode.anonymous
    ? pseudonymsOf(
        { answers: [...ledger.answers, { messageId: 'new', record }] },
        secret,
        place.promptMessageId,
      ).get(i.user.id)
    : undefined;
  const written = await appendAnswer(thread, { ...record, ...(guess !== undefined && { pseudonym: guess }) });
  const prompt = i.channelId ? await promptMessage(i.client, i.channelId, place.promptMessageId) : undefined;
  // Read again after writing: answers written meanwhile (by any process) settle the pseudonym,
  // and a Reveal pressed meanwhile shows this answer at once.
  const after = await loadLedger(thread);
  const hidden = mode.postFirst && after.header?.header.revealed !== true;
  let where = 'Your answer is in. It stays hidden until your teacher reveals the answers.';
  if (!hidden && prompt) {
    const card = await postCard(bot, thread, prompt, written.id, mode, after);
    where = card ? `Posted: ${card.url}` : 'Posted.';
  }
  if (prompt && mode.postFirst) await refreshPromptPost(thread, prompt, after);
  bot.log.info({ command: 'prompt', action: 'post', interactionId: i.id, hidden }, 'answer posted');
  await i.editReply(editOptions(postedNote(where, place.ledgerId, written.id)));
};

/** The private note after Post, with a Withdraw button (the only one while the answer is hidden). */
function postedNote(text: string, ledgerId: string, ledgerMessageId: string): Payload {
  return finalize({
    ephemeral: true,
    content: text,
    components: [row(button(encodeId(CMD, 'withdraw', ledgerId, ledgerMessageId), 'Withdraw my answer'))],
  });
}

export const respondButtons = { respond, edit, post } as const;
export const respondModals = { draft: draftSubmitted } as const;
export const respondSelects = { pick: select('passageId'), side: select('sideArticleId') } as const;
