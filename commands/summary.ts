/**
 * /summary — for teachers, in a discussion thread. In the thread of a prompt that collects answers
 * (issue 15): each student's answers and evidence, with a chart and a gradebook CSV. Elsewhere:
 * participation so far, from the thread's history.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType } from 'discord-api-types/v10';
import {
  MessageFlags,
  PermissionFlagsBits,
  type AnyThreadChannel,
  type ChatInputCommandInteraction,
  type Message,
} from 'discord.js';
import type { BotServices, Command } from '../src/bot/command.js';
import { editOptions, replyOptions } from '../src/bot/payload-options.js';
import type { AnswerRecord } from '../src/core/discussion/answer.js';
import { summarizeAnswers } from '../src/core/discussion/summary.js';
import { summarize, type ThreadMessage } from '../src/core/summary.js';
import { answerSummaryAnswer } from '../src/render/answer-summary.js';
import { LIMITS } from '../src/render/discord-limits.js';
import { privateNotice } from '../src/render/payload.js';
import { chartSpec } from '../src/render/summary-chart.js';
import { summaryAnswer } from '../src/render/summary.js';

/** Most messages read from a thread (10 fetches of Discord's most per fetch). */
export const MAX_THREAD_MESSAGES = 1000;

const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('Answers and participation in this discussion thread so far (teachers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
  .setContexts(InteractionContextType.Guild)
  .toJSON();

/** Today's summary: messages and shared passages per person, from the thread's history. */
async function historySummary(
  i: ChatInputCommandInteraction,
  thread: AnyThreadChannel,
  bot: BotServices,
): Promise<void> {
  const messages: ThreadMessage[] = [];
  let before: string | undefined;
  while (messages.length < MAX_THREAD_MESSAGES) {
    const page = await thread.messages.fetch({ limit: LIMITS.messagesPerFetch, ...(before && { before }) });
    const list: Message[] = [...page.values()];
    for (const m of list) {
      messages.push({
        authorId: m.author.id,
        authorIsBot: m.author.bot,
        content: m.content,
        embeds: m.embeds.map((e) => ({ footer: e.footer })),
      });
    }
    if (list.length < LIMITS.messagesPerFetch) break;
    before = list.at(-1)?.id;
  }
  const core = bot.library();
  await i.editReply(
    editOptions(
      summaryAnswer(summarize(messages, core.content, i.client.user.id), core.content, thread.name),
    ),
  );
}

/** The summary of a prompt's answers, with chart.png (unless it cannot be drawn) and answers.csv. */
async function answersSummary(
  i: ChatInputCommandInteraction,
  thread: AnyThreadChannel,
  records: readonly AnswerRecord[],
  bot: BotServices,
): Promise<void> {
  const { content } = bot.library();
  const summary = summarizeAnswers(records, content);
  // Loaded on first use: Vega and resvg take about a second and 40 MB, which most runs never need.
  const chart = await import('../src/render/chart-image.js')
    .then(({ drawChart }) => drawChart(chartSpec(summary, content)))
    .catch((err: unknown) => {
      bot.log.warn({ err }, 'summary chart could not be drawn; sending the summary without it');
      return undefined;
    });
  await i.editReply(editOptions(answerSummaryAnswer(summary, content, thread.name, chart?.png)));
}

export const summary = {
  data,
  async execute(i, bot) {
    const thread = i.channel;
    if (!thread?.isThread()) {
      await i.reply(
        replyOptions(
          privateNotice(
            'Run /summary inside a discussion thread (for example one opened by /prompt thread:true).',
          ),
        ),
      );
      return;
    }
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    const records = (await bot.answersForThread?.(thread)) ?? null;
    if (records) await answersSummary(i, thread, records, bot);
    else await historySummary(i, thread, bot);
  },
} satisfies Command;
