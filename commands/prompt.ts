/**
 * /prompt [topic] [article] [level] [thread] [poll] — for teachers: post a discussion question with
 * evidence. `article` picks among the prompts about one article: its curated topics', or for an
 * article outside every topic, the questions of templates.yaml filled for it.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType } from 'discord-api-types/v10';
import {
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
  type Message,
} from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { editOptions, messageOptions, replyOptions } from '../src/bot/payload-options.js';
import { PROMPT_LEVELS, type Content } from '../src/content/types.js';
import {
  isPromptLevel,
  isTemplated,
  pickPrompt,
  usedPromptIds,
  type PromptPick,
} from '../src/core/prompts.js';
import { matchArticles, matchTopics } from '../src/core/quote.js';
import { topicChoices } from '../src/render/compare.js';
import { LIMITS } from '../src/render/discord-limits.js';
import { echo, escapeMarkdown } from '../src/render/markdown.js';
import { privateNotice, type Payload } from '../src/render/payload.js';
import { pollNote, promptPost, threadName } from '../src/render/prompt.js';
import { articleChoices } from '../src/render/quote.js';

/** How far back the channel's history is read to find prompts already used: one fetch's worth. */
export const HISTORY_LIMIT = LIMITS.messagesPerFetch;

/** The private answer to a topic not in topics.yaml: what was typed is escaped and cut short. */
export function unknownTopic(content: Content, typed: string): Payload {
  const topics = content.topics.map((t) => escapeMarkdown(t.id)).join(', ');
  return privateNotice(`Unknown topic “${echo(typed)}”. Topics: ${topics}.`);
}

/** The post's title: the curated topic's, or for a template question "<article label>: <subject>". */
export function promptTitle(pick: PromptPick): string {
  const { prompt, evidence } = pick;
  if (!isTemplated(prompt)) return evidence.topic?.title ?? evidence.title;
  const article = evidence.perspectives[0]?.article;
  return article ? `${article.short}: ${evidence.title}` : evidence.title;
}

/** The private answer to an article id that is not in the content: what was typed is escaped. */
export function unknownArticle(content: Content, typed: string): Payload {
  const ids = content.articles.map((a) => escapeMarkdown(a.id)).join(', ');
  return privateNotice(`Unknown article “${echo(typed)}”. Articles: ${ids}.`);
}

const data = new SlashCommandBuilder()
  .setName('prompt')
  .setDescription('Post a discussion question with evidence from each article (teachers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) =>
    o
      .setName('topic')
      .setDescription('A curated topic (default: the next unused prompt)')
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o
      .setName('article')
      .setDescription('Only prompts about this article (one outside every topic gets a template question)')
      .setAutocomplete(true),
  )
  .addStringOption((o) =>
    o
      .setName('level')
      .setDescription('Level of thinking (Bloom’s taxonomy)')
      .addChoices(...PROMPT_LEVELS.map((l) => ({ name: l, value: l }))),
  )
  .addBooleanOption((o) => o.setName('thread').setDescription('Open a discussion thread on it'))
  .addBooleanOption((o) =>
    o.setName('poll').setDescription('Add a poll: which argument is better supported?'),
  )
  .toJSON();

export const prompt = {
  data,
  async execute(i, bot) {
    const channel = i.channel;
    if (!i.inGuild() || !channel || !('send' in channel) || channel.type === ChannelType.DM) {
      await i.reply(replyOptions(privateNotice('Use /prompt in a server channel.')));
      return;
    }
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    const core = bot.library();
    const topicId = i.options.getString('topic') ?? undefined;
    const articleId = i.options.getString('article') ?? undefined;
    const level = i.options.getString('level') ?? undefined;
    const wantThread = i.options.getBoolean('thread') ?? false;
    const wantPoll = i.options.getBoolean('poll') ?? false;

    if (topicId !== undefined && !core.content.topics.some((t) => t.id === topicId)) {
      await i.editReply(editOptions(unknownTopic(core.content, topicId)));
      return;
    }
    if (articleId !== undefined && !core.content.articleById.has(articleId)) {
      await i.editReply(editOptions(unknownArticle(core.content, articleId)));
      return;
    }

    // Which prompts this channel has had, from the bot's own earlier posts: nothing is stored.
    const history = await channel.messages.fetch({ limit: HISTORY_LIMIT });
    const own = [...history.values()].filter((m) => m.author.id === i.client.user.id);
    const used = usedPromptIds(own.map((m) => ({ embeds: m.embeds.map((e) => ({ footer: e.footer })) })));

    const result = pickPrompt(core.content, core.index, {
      ...(topicId !== undefined && { topicId }),
      ...(articleId !== undefined && { articleId }),
      // Asked for a poll with no topic or article: a prompt two or more articles can answer.
      comparative: wantPoll && topicId === undefined && articleId === undefined,
      ...(level !== undefined && isPromptLevel(level) && { level }),
      used,
    });
    if (!result.ok) {
      await i.editReply(editOptions(privateNotice(result.error)));
      return;
    }
    const title = promptTitle(result.pick);
    const payload = promptPost(result.pick, { poll: wantPoll, topicTitle: title });
    const message: Message = await channel.send(messageOptions(payload));
    let where = `Posted: ${message.url}`;
    if (wantThread) {
      if (channel.isThread()) {
        where += ' (already in a thread, so no new thread was opened)';
      } else {
        const thread = await message.startThread({
          name: threadName(title),
          autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
        });
        where += `\nThread: <#${thread.id}>`;
      }
    }
    const noPoll = wantPoll ? pollNote(result.pick.evidence) : undefined;
    if (noPoll) where += `\n${noPoll}`;
    if (result.pick.restarted)
      where += '\nEvery prompt has been used in this channel; the rotation started over.';
    bot.log.info(
      { command: 'prompt', interactionId: i.id, guildId: i.guildId, prompt: result.pick.prompt.id },
      'prompt posted',
    );
    await i.editReply(editOptions(privateNotice(where)));
  },
  autocomplete: (i, bot) => {
    const focused = i.options.getFocused(true);
    const { content } = bot.library();
    if (focused.name === 'article') return articleChoices(matchArticles(content, focused.value));
    return topicChoices(matchTopics(content, focused.value), focused.value, { freeText: false });
  },
} satisfies Command;
