/**
 * /article add file:<attachment> | url:<address> and /article remove article:<id> — for teachers:
 * import an article (a private preview first, with Publish and Cancel) or remove one (after a
 * confirmation). Publishing writes into the content folder and reloads it at once, so students can
 * quote the new article straight away. What waits for a button is kept in memory under a short id.
 */
import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType } from 'discord-api-types/v10';
import {
  MessageFlags,
  PermissionFlagsBits,
  type Attachment,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import {
  AttachmentError,
  attachmentProblem,
  downloadAttachment,
  MAX_ARTICLE_BYTES,
  type AttachmentInfo,
} from '../src/bot/attachment.js';
import type { BotServices, ButtonHandler, Command, ContentAccess } from '../src/bot/command.js';
import { editOptions, replyOptions, updateOptions } from '../src/bot/payload-options.js';
import { pendingStore } from '../src/bot/pending.js';
import type { Article, Content } from '../src/content/types.js';
import { articleName } from '../src/core/reader-text.js';
import { matchArticles } from '../src/core/quote.js';
import {
  ImportError,
  importArticle,
  removeArticle,
  writeImport,
  type ImportInput,
  type ImportResult,
} from '../src/import/index.js';
import { articleDone, articlePreview, removeConfirmation } from '../src/render/article-preview.js';
import { echo, escapeMarkdown } from '../src/render/markdown.js';
import { privateNotice, type Payload } from '../src/render/payload.js';
import { articleChoices } from '../src/render/quote.js';

export const TEACHERS_ONLY_ARTICLES =
  'Only teachers (members who can Manage Messages) can add or remove articles.';
export const EXPIRED = 'That preview or question has expired (or the bot restarted). Run /article again.';
export const NOT_YOURS = 'Only the teacher who ran this /article can answer it.';
export const ONE_SOURCE = 'Give exactly one of file (an attachment) or url (a web page’s address).';
export const NO_CONTENT = 'Articles cannot be added or removed here: the bot has no content folder to write.';
/** How long a preview or a removal question waits for its button. */
export const PENDING_TTL_MS = 15 * 60 * 1000;
/** The most previews and questions kept at once (the oldest goes first). */
export const PENDING_MAX = 20;
/** Longest URL accepted. */
export const MAX_URL_LENGTH = 2000;

type Pending =
  | { readonly kind: 'import'; readonly result: ImportResult }
  | { readonly kind: 'remove'; readonly articleId: string };

const pending = pendingStore<Pending>({ ttlMs: PENDING_TTL_MS, max: PENDING_MAX });

const data = new SlashCommandBuilder()
  .setName('article')
  .setDescription('Add an article from a file or a web page, or remove one (teachers)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Import an article; you see a private preview before it is published')
      .addAttachmentOption((o) =>
        o.setName('file').setDescription('A saved web page (.html), or a .txt, .md or .docx file'),
      )
      .addStringOption((o) =>
        o
          .setName('url')
          .setDescription('Or the address of the article’s web page (http or https)')
          .setMaxLength(MAX_URL_LENGTH),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove an article; you confirm first')
      .addStringOption((o) =>
        o.setName('article').setDescription('The article to remove').setRequired(true).setAutocomplete(true),
      ),
  )
  .toJSON();

/** Whether the member may change the articles: the same rule as posting to the class. */
function isTeacher(i: ChatInputCommandInteraction | ButtonInteraction): boolean {
  return i.inGuild() && i.memberPermissions.has(PermissionFlagsBits.ManageMessages);
}

function attachmentInfo(a: Attachment): AttachmentInfo {
  return { name: a.name, size: a.size, url: a.url, contentType: a.contentType };
}

/** Why a URL is refused before the importer sees it, or undefined. */
function urlProblem(url: string): string | undefined {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return `“${echo(url, 80)}” is not a web address. Give one starting with https:// (or http://).`;
  }
  return undefined;
}

/** The short message a failure of the download or the importer gets; anything else is a bug. */
function failureMessage(e: unknown): string | undefined {
  if (e instanceof AttachmentError || e instanceof ImportError) return e.message;
  return undefined;
}

async function add(i: ChatInputCommandInteraction, bot: BotServices, content: ContentAccess): Promise<void> {
  const file = i.options.getAttachment('file');
  const url = i.options.getString('url')?.trim() || undefined;
  if ((file === null) === (url === undefined)) {
    await i.reply(replyOptions(privateNotice(ONE_SOURCE)));
    return;
  }
  const options = { origins: bot.attachmentOrigins, maxBytes: MAX_ARTICLE_BYTES };
  // Checked before anything is downloaded, from what Discord says of the file.
  const refused = file ? attachmentProblem(attachmentInfo(file), options) : urlProblem(url ?? '');
  if (refused) {
    await i.reply(replyOptions(privateNotice(refused)));
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  let payload: Payload;
  try {
    const input: ImportInput = file
      ? { kind: 'file', name: file.name, bytes: await downloadAttachment(attachmentInfo(file), options) }
      : { kind: 'url', url: url ?? '' };
    const result = await importArticle(input, {
      contentDir: content.dir,
      allowLoopback: content.allowLoopback,
      maxBytes: MAX_ARTICLE_BYTES,
    });
    payload = articlePreview(result, pending.add(i.user.id, { kind: 'import', result }));
    bot.log.info(
      { command: 'article', interactionId: i.id, articleId: result.articleId, from: input.kind },
      'article import previewed',
    );
  } catch (e) {
    const message = failureMessage(e);
    if (message === undefined) throw e;
    payload = privateNotice(`Not imported: ${message}`);
  }
  await i.editReply(editOptions(payload));
}

/** The curated topics that pin passages of an article (they would point at nothing once it is gone). */
function topicsPinning(content: Content, articleId: string): string[] {
  return content.topics
    .filter((t) => t.pinned.some((id) => content.passages.get(id)?.articleId === articleId))
    .map((t) => t.id);
}

async function remove(i: ChatInputCommandInteraction, bot: BotServices): Promise<void> {
  const articleId = i.options.getString('article', true);
  const library = bot.library();
  const article: Article | undefined = library.content.articleById.get(articleId);
  if (!article) {
    await i.reply(replyOptions(privateNotice('Unknown article. Pick one from the list.')));
    return;
  }
  const pinning = topicsPinning(library.content, articleId);
  if (pinning.length > 0) {
    const topics = pinning.map((t) => escapeMarkdown(t)).join(', ');
    await i.reply(
      replyOptions(
        privateNotice(
          `**${escapeMarkdown(articleName(article))}** has passages pinned in the topics ${topics}. Remove those pins from content/topics.yaml first, then run /article remove again.`,
        ),
      ),
    );
    return;
  }
  const id = pending.add(i.user.id, { kind: 'remove', articleId });
  await i.reply(replyOptions(removeConfirmation(article, id)));
}

/**
 * A button on a preview or a question: checks the member, then takes the waiting entry (so that a
 * second click finds nothing) and hands it to `act`.
 */
function onPending<K extends Pending['kind']>(
  kind: K,
  act: (
    i: ButtonInteraction,
    entry: Extract<Pending, { kind: K }>,
    bot: BotServices,
    content: ContentAccess,
  ) => Promise<void>,
): ButtonHandler {
  return async (i, [id], bot) => {
    if (!isTeacher(i)) {
      await i.reply(replyOptions(privateNotice(TEACHERS_ONLY_ARTICLES)));
      return;
    }
    const found = pending.get(id ?? '');
    if (!found || found.value.kind !== kind) {
      await i.reply(replyOptions(privateNotice(EXPIRED)));
      return;
    }
    if (found.owner !== i.user.id) {
      await i.reply(replyOptions(privateNotice(NOT_YOURS)));
      return;
    }
    if (!bot.content) {
      await i.reply(replyOptions(privateNotice(NO_CONTENT)));
      return;
    }
    pending.take(id ?? '');
    await act(i, found.value as Extract<Pending, { kind: K }>, bot, bot.content);
  };
}

const publish = onPending('import', async (i, { result }, bot, content) => {
  const title = escapeMarkdown(result.summary.title ?? result.articleId);
  await i.update(updateOptions(articleDone(`Publishing **${title}**…`)));
  try {
    await writeImport(result, content.dir);
  } catch (e) {
    const message = failureMessage(e);
    if (message === undefined) throw e;
    await i.editReply(editOptions(articleDone(`Not published: ${message}`)));
    return;
  }
  // Served now, rather than when the watcher notices the new files.
  await content.reload();
  if (bot.library().content.articleById.has(result.articleId)) {
    bot.log.info(
      { command: 'article', interactionId: i.id, articleId: result.articleId },
      'article published',
    );
    await i.editReply(
      editOptions(
        articleDone(
          `Published **${title}** (id \`${result.articleId}\`). Students can quote it now: try /quote.`,
        ),
      ),
    );
    return;
  }
  // The content check refused it: take the files back out, so the folder stays as it was.
  const problems = content.problems();
  await removeArticle(content.dir, result.articleId);
  await content.reload();
  const lines =
    problems.length > 0
      ? problems.slice(0, 5).map((p) => `• ${escapeMarkdown(p)}`)
      : ['• the content could not be reloaded (the bot’s log says why)'];
  await i.editReply(
    editOptions(
      articleDone(`Not published: the content check refused it, so nothing was added.\n${lines.join('\n')}`),
    ),
  );
});

const confirmRemove = onPending('remove', async (i, { articleId }, bot, content) => {
  const article = bot.library().content.articleById.get(articleId);
  if (!article) {
    await i.update(updateOptions(articleDone('That article is already gone.')));
    return;
  }
  const name = escapeMarkdown(articleName(article));
  await i.update(updateOptions(articleDone(`Removing **${name}**…`)));
  try {
    await removeArticle(content.dir, articleId);
  } catch (e) {
    const message = failureMessage(e);
    if (message === undefined) throw e;
    await i.editReply(editOptions(articleDone(`Not removed: ${message}`)));
    return;
  }
  await content.reload();
  const gone = !bot.library().content.articleById.has(articleId);
  bot.log.info({ command: 'article', interactionId: i.id, articleId, gone }, 'article removed');
  const text = gone
    ? `Removed **${name}**. Students can no longer quote it.`
    : `Removed the files of **${name}**, but the content check refused the result, so the bot still serves it:\n${content
        .problems()
        .slice(0, 5)
        .map((p) => `• ${escapeMarkdown(p)}`)
        .join('\n')}`;
  await i.editReply(editOptions(articleDone(text)));
});

/** Cancel and Keep: nothing changes; the preview or question is replaced by a short line. */
function dismiss(kind: Pending['kind'], text: string): ButtonHandler {
  return onPending(kind, async (i) => {
    await i.update(updateOptions(articleDone(text)));
  });
}

export const article = {
  data,
  async execute(i, bot) {
    if (!isTeacher(i)) {
      await i.reply(replyOptions(privateNotice(TEACHERS_ONLY_ARTICLES)));
      return;
    }
    if (!bot.content) {
      await i.reply(replyOptions(privateNotice(NO_CONTENT)));
      return;
    }
    if (i.options.getSubcommand() === 'remove') await remove(i, bot);
    else await add(i, bot, bot.content);
  },
  autocomplete(i, bot) {
    if (!isTeacherAutocomplete(i.memberPermissions)) return [];
    return articleChoices(matchArticles(bot.library().content, i.options.getFocused()));
  },
  buttons: {
    publish,
    cancel: dismiss('import', 'Cancelled: nothing was added.'),
    remove: confirmRemove,
    keep: dismiss('remove', 'Kept: nothing was removed.'),
  },
} satisfies Command;

function isTeacherAutocomplete(permissions: { has: (bit: bigint) => boolean } | null): boolean {
  return permissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
}
