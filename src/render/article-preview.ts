/**
 * /article's private answers: the preview of an imported article (title, authors, date, how many
 * paragraphs, its first passages, problems and uncertain items) with Publish and Cancel, and the
 * confirmation before an article is removed. Everything shown of the article is its own text.
 */
import { ButtonStyle } from 'discord-api-types/v10';
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { ContentProblem } from '../content/types.js';
import type { Article } from '../content/types.js';
import type { ImportResult } from '../import/index.js';
import { articleName, formatDate } from '../core/reader-text.js';
import { button, row } from './components.js';
import { encodeId } from './custom-id.js';
import { LIMITS } from './discord-limits.js';
import { escapeMarkdown } from './markdown.js';
import { finalize, truncate, type Payload } from './payload.js';

/** What the preview shows of an import. */
export type ImportPreview = Pick<ImportResult, 'articleId' | 'articleFile' | 'summary' | 'problems'>;

/** Passages shown in the preview, and the most characters of each. */
export const PREVIEW_PASSAGES = 3;
export const PREVIEW_PASSAGE_CHARS = 600;
/** Problems and uncertain items listed before "…and N more". */
export const PREVIEW_LIST_MAX = 8;

const COLOR_READY = 0x57f287;
const COLOR_PROBLEM = 0xed4245;
const COLOR_REMOVE = 0xfee75c;

/** Lines as a list that fits one field: what does not fit is counted, never dropped silently. */
export function listField(name: string, lines: readonly string[]): APIEmbedField {
  const shown: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const item = `• ${escapeMarkdown(truncate(line, 300))}`;
    const left = lines.length - i;
    const moreNote = `…and ${left} more`;
    const room = LIMITS.fieldValue - used - (left > 1 ? moreNote.length + 1 : 0);
    if (shown.length >= PREVIEW_LIST_MAX || item.length + 1 > room) {
      shown.push(moreNote);
      break;
    }
    shown.push(item);
    used += item.length + 1;
  }
  return { name, value: shown.join('\n') };
}

function problemLine(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

function facts(preview: ImportPreview): APIEmbedField[] {
  const s = preview.summary;
  const counts = [
    `${s.paragraphs} paragraph${s.paragraphs === 1 ? '' : 's'}`,
    ...(s.headings > 0 ? [`${s.headings} heading${s.headings === 1 ? '' : 's'}`] : []),
    ...(s.captions > 0 ? [`${s.captions} caption${s.captions === 1 ? '' : 's'}`] : []),
    ...(s.quotes > 0 ? [`${s.quotes} quote${s.quotes === 1 ? '' : 's'} found`] : []),
  ];
  return [
    {
      name: 'Authors',
      value: s.authors.length > 0 ? escapeMarkdown(s.authors.join(', ')) : 'none found',
      inline: true,
    },
    { name: 'Date', value: s.date ? escapeMarkdown(formatDate(s.date)) : 'not found', inline: true },
    ...(s.outlet ? [{ name: 'Outlet', value: escapeMarkdown(s.outlet), inline: true }] : []),
    { name: 'Kind', value: escapeMarkdown(s.kind), inline: true },
    { name: 'Text', value: counts.join(', '), inline: true },
    { name: 'File', value: escapeMarkdown(preview.articleFile), inline: true },
  ];
}

/** The private preview of an import, with Publish (unless it has problems) and Cancel. */
export function articlePreview(preview: ImportPreview, pendingId: string): Payload {
  const s = preview.summary;
  const passages = s.firstPassages.slice(0, PREVIEW_PASSAGES);
  const description = [
    passages.length > 0
      ? passages.map((p) => `> ${escapeMarkdown(truncate(p, PREVIEW_PASSAGE_CHARS))}`).join('\n\n')
      : '*No paragraphs were found.*',
  ].join('\n');
  const fields: APIEmbedField[] = [
    ...facts(preview),
    ...(s.fieldsMissing.length > 0
      ? [{ name: 'Not found in the source', value: escapeMarkdown(s.fieldsMissing.join(', ')) }]
      : []),
    ...(preview.problems.length > 0
      ? [listField('Problems (it cannot be published as it is)', preview.problems.map(problemLine))]
      : []),
    ...(s.uncertain.length > 0 ? [listField('Uncertain (check these)', s.uncertain)] : []),
  ];
  const embed: APIEmbed = {
    color: preview.problems.length > 0 ? COLOR_PROBLEM : COLOR_READY,
    title: s.title ?? 'No title found',
    ...(s.url !== undefined && URL.canParse(s.url) && /^https?:$/.test(new URL(s.url).protocol)
      ? { url: s.url }
      : {}),
    description,
    fields,
    footer: { text: `id: ${preview.articleId} · only you see this preview` },
  };
  const canPublish = preview.problems.length === 0 && s.paragraphs > 0;
  return finalize({
    ephemeral: true,
    content: canPublish
      ? 'Preview of the imported article. **Publish** makes it available to the class at once.'
      : 'Preview of the imported article. It cannot be published as it is: see the problems below.',
    embeds: [embed],
    components: [
      row(
        button(encodeId('article', 'publish', pendingId), 'Publish', {
          style: ButtonStyle.Primary,
          disabled: !canPublish,
        }),
        button(encodeId('article', 'cancel', pendingId), 'Cancel'),
      ),
    ],
  });
}

/** The private question before an article is removed, with Remove and Keep. */
export function removeConfirmation(article: Article, pendingId: string): Payload {
  return finalize({
    ephemeral: true,
    content: `Remove **${escapeMarkdown(articleName(article))}** from the articles? Its file, its source and its provenance note are deleted, and students can no longer quote it.`,
    embeds: [
      {
        color: COLOR_REMOVE,
        title: articleName(article),
        fields: [
          {
            name: 'Authors',
            value: article.authors.length > 0 ? escapeMarkdown(article.authors.join(', ')) : 'none',
            inline: true,
          },
          { name: 'Paragraphs', value: String(article.passages.length), inline: true },
        ],
        footer: { text: `id: ${article.id}` },
      },
    ],
    components: [
      row(
        button(encodeId('article', 'remove', pendingId), 'Remove', { style: ButtonStyle.Primary }),
        button(encodeId('article', 'keep', pendingId), 'Keep'),
      ),
    ],
  });
}

/**
 * A short private line that replaces the preview or confirmation once it is answered: no embed and
 * no buttons (an update or edit sends `components: []` for a payload without them).
 */
export function articleDone(text: string): Payload {
  return finalize({ ephemeral: true, content: text });
}
