/**
 * /quote query:<text, autocomplete> [article] [speaker:<name, autocomplete>] [public] — find an exact
 * passage; with a speaker, only that person's words (their paragraphs, or quoted inside others).
 * `query` stays required, so Discord puts the cursor in it at once: with a speaker chosen, its
 * suggestions are that person's passages, and typing their name finds all of them.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import type { ButtonInteraction } from 'discord.js';
import type { BotServices, ButtonHandler, Command } from '../src/bot/command.js';
import { replyOptions, updateOptions } from '../src/bot/payload-options.js';
import { passageContext } from '../src/core/context.js';
import type { Library } from '../src/core/index.js';
import {
  findPassage,
  findQuote,
  matchArticles,
  parsePick,
  resolveSpeaker,
  suggestPassages,
  suggestSpeakers,
  type PassageInArticle,
} from '../src/core/quote.js';
import { unpackUser } from '../src/render/custom-id.js';
import { LIMITS } from '../src/render/discord-limits.js';
import { privateNotice, type Choice, type Payload } from '../src/render/payload.js';
import {
  articleChoices,
  citeAnswer,
  contextAnswer,
  MAX_QUERY_LENGTH,
  queryFromHeader,
  quoteAnswer,
  quoteChoices,
  shareAnswer,
  sourceWordingAnswer,
  speakerChoices,
  speakerFromHeader,
  unknownSpeakerAnswer,
  type QuoteRequest,
} from '../src/render/quote.js';

/** Longest speaker option value: a name. */
const MAX_SPEAKER_LENGTH = 100;

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
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setDescription('Only this person’s words: their own paragraphs, or quoted in someone else’s')
      .setAutocomplete(true)
      .setMaxLength(MAX_SPEAKER_LENGTH),
  )
  .addBooleanOption((o) =>
    o.setName('public').setDescription('Show the answer to everyone (default: only you)'),
  )
  .toJSON();

/** /quote's answer: the core finds the page of matches, the renderer shows it. */
export function answerQuote(core: Library, req: QuoteRequest & { readonly index?: number }): Payload {
  return quoteAnswer(findQuote(core, req), req);
}

/** /quote's autocomplete for the query: the core suggests passages, the renderer lists them. */
export function suggestQuotes(core: Library, typed: string, articleId?: string, speaker?: string): Choice[] {
  return quoteChoices(core.content, suggestPassages(core, typed, LIMITS.choices, articleId, speaker), typed);
}

/** A button on one passage: answers privately, or says the passage is gone. */
function onPassage(render: (found: PassageInArticle, i: ButtonInteraction) => Payload): ButtonHandler {
  return async (i, [id], bot) => {
    const found = findPassage(bot.library().content, id ?? '');
    await i.reply(replyOptions(found ? render(found, i) : privateNotice(GONE)));
  };
}

/**
 * The query to page with: the custom_id holds only part of a long one, so the whole of it is read
 * back from the answer's header, keeping a picked passage first.
 */
function fullQuery(core: Library, fromId: string, header: string): string {
  const shown = queryFromHeader(header);
  if (shown === undefined) return fromId;
  const { passageId } = parsePick(core, fromId);
  return passageId === undefined ? shown : `${passageId} ${shown}`;
}

/** A page button's fields; buttons posted before the speaker option have no speaker field. */
function pageFields(fields: readonly string[]) {
  const [owner, index, articleId, pub, ...rest] = fields;
  const [speaker, query] = rest.length >= 2 ? rest : ['', rest[0]];
  return { owner, index, articleId, pub, speaker, query };
}

const page: ButtonHandler = async (i, fields, bot) => {
  const { owner, index, articleId, pub, speaker: speakerInId, query } = pageFields(fields);
  if (unpackUser(owner) !== i.user.id) {
    await i.reply(
      replyOptions(
        privateNotice(
          'Only the person who ran this /quote can page through it. Run /quote yourself to search.',
        ),
      ),
    );
    return;
  }
  const n = Number(index);
  if (!Number.isInteger(n) || n < 0 || query === undefined) {
    await i.reply(replyOptions(privateNotice('That button has expired. Run /quote again.')));
    return;
  }
  const core = bot.library();
  const speaker = speakerFromHeader(i.message.content) ?? speakerInId;
  const payload = answerQuote(core, {
    query: fullQuery(core, query, i.message.content),
    ...(articleId && { articleId }),
    ...(speaker && { speaker }),
    public: pub === '1',
    owner: i.user.id,
    index: n,
  });
  await i.update(updateOptions(payload));
};

export const quote = {
  data,
  async execute(i, bot: BotServices) {
    const query = i.options.getString('query', true);
    const articleId = i.options.getString('article') ?? undefined;
    const speakerTyped = i.options.getString('speaker') ?? '';
    const core = bot.library();
    if (articleId !== undefined && !core.content.articleById.has(articleId)) {
      await i.reply(
        replyOptions(
          privateNotice('Unknown article. Pick one from the list, or leave it empty to search them all.'),
        ),
      );
      return;
    }
    const lookup = speakerTyped.trim() === '' ? undefined : resolveSpeaker(core, speakerTyped);
    if (lookup && !lookup.found) {
      await i.reply(replyOptions(unknownSpeakerAnswer(lookup)));
      return;
    }
    const payload = answerQuote(core, {
      query,
      ...(articleId !== undefined && { articleId }),
      ...(lookup && { speaker: lookup.speaker }),
      public: i.options.getBoolean('public') ?? false,
      owner: i.user.id,
    });
    await i.reply(replyOptions(payload));
  },
  autocomplete(i, bot) {
    const focused = i.options.getFocused(true);
    const core = bot.library();
    if (focused.name === 'article') return articleChoices(matchArticles(core.content, focused.value));
    const chosen = i.options.getString('article') ?? undefined;
    const articleId = chosen && core.content.articleById.has(chosen) ? chosen : undefined;
    if (focused.name === 'speaker') return speakerChoices(suggestSpeakers(core, focused.value, articleId));
    const speaker = i.options.getString('speaker') ?? undefined;
    return suggestQuotes(core, focused.value, articleId, speaker);
  },
  buttons: {
    page,
    // "ctx" is the Context button's action in custom ids already posted: the name stays.
    ctx: async (i, [id], bot) => {
      const content = bot.library().content;
      const context = passageContext(content, id ?? '', 1);
      const article = context && content.articleById.get(context.passage.articleId);
      const payload = context && article ? contextAnswer(article, context) : privateNotice(GONE);
      await i.reply(replyOptions(payload));
    },
    cite: onPassage((found) => citeAnswer(found)),
    share: onPassage((found, i) => shareAnswer(found, i.user.id)),
    source: onPassage((found) => sourceWordingAnswer(found)),
    noop: async (i) => {
      await i.deferUpdate();
    },
  },
} satisfies Command;
