/** /quote query:<text, autocomplete> [article] [public] — find an exact passage. */
import { SlashCommandBuilder } from '@discordjs/builders';
import type { ButtonInteraction } from 'discord.js';
import type { ButtonHandler, Command, Context } from '../src/bot/command.js';
import { notice, replyOptions, updateOptions } from '../src/bot/send.js';
import { unpackUser } from '../src/render/custom-id.js';
import {
  articleChoices,
  citeAnswer,
  contextAnswer,
  MAX_QUERY_LENGTH,
  parsePick,
  queryFromHeader,
  quoteAnswer,
  quoteChoices,
  shareAnswer,
  sourceWordingAnswer,
} from '../src/render/quote.js';

export const GONE = 'That passage is no longer in the articles (the content was edited). Run /quote again.';

const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Find an exact quote from the articles')
  .addStringOption((o) =>
    o
      .setName('query')
      .setDescription('Words from the passage, as you remember them')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(MAX_QUERY_LENGTH),
  )
  .addStringOption((o) => o.setName('article').setDescription('Only this article').setAutocomplete(true))
  .addBooleanOption((o) =>
    o.setName('public').setDescription('Show the answer to everyone (default: only you)'),
  )
  .toJSON();

async function replyOrGone(i: ButtonInteraction, payload: ReturnType<typeof citeAnswer>): Promise<void> {
  await i.reply(payload ? replyOptions(payload) : notice(GONE));
}

/**
 * The query to page with: the custom_id holds only part of a long one, so the whole of it is read
 * back from the answer's header, keeping a picked passage first.
 */
function fullQuery(ctx: Context, fromId: string, header: string): string {
  const shown = queryFromHeader(header);
  if (shown === undefined) return fromId;
  const { passageId } = parsePick(ctx.core(), fromId);
  return passageId === undefined ? shown : `${passageId} ${shown}`;
}

const page: ButtonHandler = async (i, fields, ctx) => {
  const [owner, index, articleId, pub, query] = fields;
  if (unpackUser(owner) !== i.user.id) {
    await i.reply(
      notice('Only the person who ran this /quote can page through it. Run /quote yourself to search.'),
    );
    return;
  }
  const n = Number(index);
  if (!Number.isInteger(n) || n < 0 || query === undefined) {
    await i.reply(notice('That button has expired. Run /quote again.'));
    return;
  }
  const payload = quoteAnswer(ctx.core(), {
    query: fullQuery(ctx, query, i.message.content),
    ...(articleId && { articleId }),
    public: pub === '1',
    owner: i.user.id,
    index: n,
  });
  await i.update(updateOptions(payload));
};

export const quote = {
  data,
  async execute(i, ctx: Context) {
    const query = i.options.getString('query', true);
    const articleId = i.options.getString('article') ?? undefined;
    const core = ctx.core();
    if (articleId !== undefined && !core.content.articleById.has(articleId)) {
      await i.reply(notice('Unknown article. Pick one from the list, or leave it empty to search them all.'));
      return;
    }
    const payload = quoteAnswer(core, {
      query,
      ...(articleId !== undefined && { articleId }),
      public: i.options.getBoolean('public') ?? false,
      owner: i.user.id,
    });
    await i.reply(replyOptions(payload));
  },
  autocomplete(i, ctx) {
    const focused = i.options.getFocused(true);
    const core = ctx.core();
    if (focused.name === 'article') return articleChoices(core, focused.value);
    const articleId = i.options.getString('article') ?? undefined;
    return quoteChoices(
      core,
      focused.value,
      articleId && core.content.articleById.has(articleId) ? articleId : undefined,
    );
  },
  buttons: {
    page,
    ctx: (i, [id], ctx) => replyOrGone(i, contextAnswer(ctx.core(), id ?? '')),
    cite: (i, [id], ctx) => replyOrGone(i, citeAnswer(ctx.core(), id ?? '')),
    share: (i, [id], ctx) => replyOrGone(i, shareAnswer(ctx.core(), id ?? '', i.user.id)),
    source: (i, [id], ctx) => replyOrGone(i, sourceWordingAnswer(ctx.core(), id ?? '')),
    noop: async (i) => {
      await i.deferUpdate();
    },
  },
} satisfies Command;
