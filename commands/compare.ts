/** /compare topic:<text> — what each article says on a topic, side by side. */
import { SlashCommandBuilder } from '@discordjs/builders';
import { PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import type { Command, Context } from '../src/bot/command.js';
import { notice, replyOptions } from '../src/bot/send.js';
import { compare, findTopic } from '../src/core/compare.js';
import type { Core } from '../src/core/index.js';
import { pickPrompt } from '../src/core/prompts.js';
import { compareAnswer, compareMoreAnswer, freePromptPost, promptPost } from '../src/render/compare.js';
import { fitChoices, type Choice } from '../src/render/limits.js';

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

/** Curated topics matching what is typed (all of them when nothing is). */
export function topicChoices(core: Core, typed: string): Choice[] {
  const q = typed.trim().toLowerCase();
  const topics = core.content.topics.filter(
    (t) => q === '' || `${t.id} ${t.title}`.toLowerCase().includes(q),
  );
  const choices = topics.map((t) => ({ name: t.title, value: t.id }));
  // Free text stays possible: offer what was typed as its own choice.
  if (q !== '' && topics.length === 0)
    choices.push({ name: `Search: ${typed.trim()}`, value: typed.trim().slice(0, 100) });
  return fitChoices(choices);
}

async function discuss(i: ButtonInteraction, [topic]: readonly string[], ctx: Context): Promise<void> {
  if (!i.memberPermissions?.has(PermissionFlagsBits.ManageMessages)) {
    await i.reply(notice(TEACHERS_ONLY));
    return;
  }
  const core = ctx.core();
  const curated = findTopic(core.content, topic ?? '');
  const c = compare(core.content, core.index, topic ?? '');
  if (!c) {
    await i.reply(notice(NOTHING));
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
}

export const compareCommand = {
  data,
  async execute(i, ctx) {
    const topic = i.options.getString('topic', true);
    const core = ctx.core();
    const c = compare(core.content, core.index, topic);
    if (!c) {
      await i.reply(notice(NOTHING));
      return;
    }
    await i.reply(replyOptions(compareAnswer(c, c.topic?.id ?? topic)));
  },
  autocomplete: (i, ctx) => topicChoices(ctx.core(), i.options.getFocused()),
  buttons: {
    async more(i, [articleId, offset, topic], ctx) {
      const core = ctx.core();
      const from = Number(offset);
      const c = compare(core.content, core.index, topic ?? '', {
        offset: Number.isInteger(from) ? from : 0,
        perArticle: 3,
      });
      if (!c || !articleId || !core.content.articleById.has(articleId)) {
        await i.reply(notice('That button has expired. Run /compare again.'));
        return;
      }
      await i.reply(
        replyOptions(
          compareMoreAnswer(c, c.topic?.id ?? topic ?? '', articleId, Number.isInteger(from) ? from : 0),
        ),
      );
    },
    discuss,
  },
} satisfies Command;
