/** /summary — for teachers, in a discussion thread: participation so far, from the thread's history. */
import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType } from 'discord-api-types/v10';
import { MessageFlags, PermissionFlagsBits, type Message } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { editOptions, replyOptions } from '../src/bot/payload-options.js';
import { summarize, type ThreadMessage } from '../src/core/summary.js';
import { LIMITS } from '../src/render/discord-limits.js';
import { privateNotice } from '../src/render/payload.js';
import { summaryAnswer } from '../src/render/summary.js';

/** Most messages read from a thread (10 fetches of Discord's most per fetch). */
export const MAX_THREAD_MESSAGES = 1000;

const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('Participation in this discussion thread so far (teachers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
  .setContexts(InteractionContextType.Guild)
  .toJSON();

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
  },
} satisfies Command;
