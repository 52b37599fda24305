/** /compare topic:<text> — what each article says on a topic, side by side. */
import { SlashCommandBuilder } from '@discordjs/builders';
import { PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import type { BotServices, Command } from '../src/bot/command.js';
import { replyOptions, updateOptions } from '../src/bot/payload-options.js';
// The core's compare is named for what it does here: comparing the articles on one topic.
import { compare as compareOnTopic, findTopic } from '../src/core/compare.js';
import { pickPrompt } from '../src/core/prompts.js';
import { matchTopics } from '../src/core/quote.js';
import {
  compareAnswer,
  compareMoreAnswer,
  comparePageAnswer,
  evidenceFollowUps,
  STALE_PAGE,
  topicChoices,
} from '../src/render/compare.js';
import { privateNotice } from '../src/render/payload.js';
import { freePromptPost, promptPost } from '../src/render/prompt.js';
import { modeCode, OPEN_MODE } from '../src/core/discussion/answer.js';
import { promptButtons } from '../src/render/answer-card.js';
import { openLedgerFor, writeHeader } from './discussion-io.js';

export const TEACHERS_ONLY =
  'Only teachers (members who can Manage Messages) can post a discussion to the class.';
/** Longest free-text topic: short enough that its buttons' custom_ids hold all of it. */
export const MAX_TOPIC_LENGTH = 60;
const NOTHING = 'Type a topic with some words in it, or pick one from the list.';

const data = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('What each article says on a topic, side by side')
  .addStringOption((o) =>
    o
      .setName('topic')
      .setDescription('Pick a topic, or type your own')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(MAX_TOPIC_LENGTH),
  )
  .toJSON();

async function discuss(i: ButtonInteraction, [topic]: readonly string[], bot: BotServices): Promise<void> {
  if (!i.memberPermissions?.has(PermissionFlagsBits.ManageMessages)) {
    await i.reply(replyOptions(privateNotice(TEACHERS_ONLY)));
    return;
  }
  const core = bot.library();
  const curated = findTopic(core.content, topic ?? '');
  const c = compareOnTopic(core.content, core.index, topic ?? '');
  if (!c) {
    await i.reply(replyOptions(privateNotice(NOTHING)));
    return;
  }
  let payload;
  if (curated) {
    const pick = pickPrompt(core.content, core.index, { topicId: curated.id, level: 'analyze' });
    payload = pick.ok
      ? promptPost(pick.pick, { poll: false, topicTitle: curated.title })
      : freePromptPost(c, { poll: false });
  } else {
    payload = freePromptPost(c, { poll: false });
  }
  await i.reply(replyOptions(payload));
  await addRespond(i, curated?.title ?? c.title, bot);
  // A class with many articles: the blocks the post had no room for follow it, never dropped.
  for (const more of evidenceFollowUps(c, payload)) await i.followUp(replyOptions(more));
}

/** Gives the posted discussion its teachers' ledger and Respond button (open mode), as /prompt does. */
async function addRespond(i: ButtonInteraction, title: string, bot: BotServices): Promise<void> {
  const channel = i.channel;
  if (!channel?.isSendable()) return;
  const ledger = await openLedgerFor(channel, title, i.user.id, bot);
  if (!ledger) return;
  const posted = await i.fetchReply();
  await writeHeader(
    ledger,
    { promptMessageId: posted.id, channelId: posted.channelId, mode: OPEN_MODE, revealed: false },
    posted.url,
  );
  await i.editReply({ components: [promptButtons(ledger.id, OPEN_MODE, modeCode(OPEN_MODE))] });
}

/** ◀ Prev / Next ▶: shows another page in place, or says privately that the buttons are stale. */
async function page(i: ButtonInteraction, fields: readonly string[], bot: BotServices): Promise<void> {
  const [target, pageCount, fingerprint, topic] = fields;
  const core = bot.library();
  const c = topic === undefined ? null : compareOnTopic(core.content, core.index, topic);
  const payload =
    c &&
    comparePageAnswer(c, c.topic?.id ?? topic ?? '', {
      page: Number(target),
      pageCount: Number(pageCount),
      fingerprint: fingerprint ?? '',
    });
  if (!payload) {
    await i.reply(replyOptions(privateNotice(STALE_PAGE)));
    return;
  }
  await i.update(updateOptions(payload));
}

export const compare = {
  data,
  async execute(i, bot) {
    const topic = i.options.getString('topic', true);
    const core = bot.library();
    const c = compareOnTopic(core.content, core.index, topic);
    if (!c) {
      await i.reply(replyOptions(privateNotice(NOTHING)));
      return;
    }
    await i.reply(replyOptions(compareAnswer(c, c.topic?.id ?? topic)));
  },
  autocomplete: (i, bot) => {
    const typed = i.options.getFocused();
    return topicChoices(matchTopics(bot.library().content, typed), typed, { freeText: true });
  },
  buttons: {
    async more(i, [articleId, offset, topic], bot) {
      const core = bot.library();
      const from = Number(offset);
      const c = compareOnTopic(core.content, core.index, topic ?? '', {
        offset: Number.isInteger(from) ? from : 0,
        perArticle: 3,
      });
      if (!c || !articleId || !core.content.articleById.has(articleId)) {
        await i.reply(replyOptions(privateNotice('That button has expired. Run /compare again.')));
        return;
      }
      await i.reply(
        replyOptions(
          compareMoreAnswer(c, c.topic?.id ?? topic ?? '', articleId, Number.isInteger(from) ? from : 0),
        ),
      );
    },
    discuss,
    page,
    // The disabled ◀ / ▶ at either end: Discord does not send clicks on them.
    noop: async (i) => {
      await i.deferUpdate();
    },
  },
} satisfies Command;
