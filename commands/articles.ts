/** /articles — each article with its metadata, perspective and notice. */
import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/bot/command.js';
import { replyOptions } from '../src/bot/payload-options.js';
import { articlesAnswer } from '../src/render/articles.js';

export const articles = {
  data: new SlashCommandBuilder()
    .setName('articles')
    .setDescription('The articles, their authors and perspectives')
    .toJSON(),
  async execute(i, bot) {
    await i.reply(replyOptions(articlesAnswer(bot.library().content)));
  },
} satisfies Command;
