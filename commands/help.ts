/** /help — what each command does. */
import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/bot/command.js';
import { replyOptions } from '../src/bot/payload-options.js';
import { helpAnswer } from '../src/render/help.js';

export const help = {
  data: new SlashCommandBuilder().setName('help').setDescription('What each command does').toJSON(),
  async execute(i) {
    await i.reply(replyOptions(helpAnswer()));
  },
} satisfies Command;
