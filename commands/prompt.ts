/**
 * /prompt [topic] [article] [level] [thread] [poll] [mode] — for teachers: post a discussion question
 * with evidence. `article` picks among the prompts about one article: its curated topics', or for an
 * article outside every topic, the questions of templates.yaml filled for it. Students answer with
 * Respond (respond.ts); `mode` chooses open, post-first and/or anonymous (discussion-cards.ts).
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
import { OPEN_MODE, type DiscussionMode } from '../src/core/discussion/answer.js';
import { cardButtons } from './discussion-cards.js';
import { openLedgerFor, withRespond, writeHeader } from './discussion-io.js';
import { respondButtons, respondModals, respondSelects } from './respond.js';
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

/** `/prompt mode:`: open shows each answer at once; post-first hides them until Reveal; anonymous shows pseudonyms. */
export const MODE_CHOICES = [
  { name: 'open: each answer shows at once, with its writer’s name', value: 'open', mode: OPEN_MODE },
  {
    name: 'post-first: answers hidden until a teacher reveals them',
    value: 'post-first',
    mode: { postFirst: true, anonymous: false },
  },
  {
    name: 'anonymous: answers show a pseudonym (Student 7)',
    value: 'anonymous',
    mode: { postFirst: false, anonymous: true },
  },
  {
    name: 'post-first + anonymous',
    value: 'post-first+anonymous',
    mode: { postFirst: true, anonymous: true },
  },
] as const satisfies readonly { name: string; value: string; mode: DiscussionMode }[];

export function modeOf(value: string | null): DiscussionMode {
  return MODE_CHOICES.find((m) => m.value === value)?.mode ?? OPEN_MODE;
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
  .addStringOption((o) =>
    o
      .setName('mode')
      .setDescription('How answers are collected (default: open)')
      .addChoices(...MODE_CHOICES.map((m) => ({ name: m.name, value: m.value }))),
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
    const mode = modeOf(i.options.getString('mode'));
    const ledger = await openLedgerFor(channel, title, i.user.id, bot);
    const payload = promptPost(result.pick, { poll: wantPoll, topicTitle: title });
    const message: Message = await channel.send(messageOptions(withRespond(payload, ledger, mode)));
    if (ledger) {
      await writeHeader(
        ledger,
        { promptMessageId: message.id, channelId: message.channelId, mode, revealed: false },
        message.url,
      );
    }
    let where = `Posted: ${message.url}`;
    where += ledger
      ? `\nTeachers’ ledger (answers, and who wrote each): <#${ledger.id}>`
      : '\nNo Respond button: the bot could not open a private thread for the answers (it needs Create Private Threads).';
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
  buttons: { ...respondButtons, ...cardButtons },
  modals: respondModals,
  selects: respondSelects,
  autocomplete: (i, bot) => {
    const focused = i.options.getFocused(true);
    const { content } = bot.library();
    if (focused.name === 'article') return articleChoices(matchArticles(content, focused.value));
    return topicChoices(matchTopics(content, focused.value), focused.value, { freeText: false });
  },
} satisfies Command;
