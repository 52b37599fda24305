/**
 * /articles: each article with its metadata, perspective and notice. What the editor left out
 * (authors of unsigned news, the outlet, perspective or summary) is left out here too.
 */
import type { Content } from '../content/types.js';
import { articleName, articleSource } from '../core/reader-text.js';
import { finalize, type Payload } from './payload.js';
import { escapeMarkdown } from './markdown.js';
import { articleColor } from './passage.js';

export function articlesAnswer(content: Content): Payload {
  return finalize({
    ephemeral: true,
    embeds: content.articles.map((a) => ({
      color: articleColor(a.id),
      ...(a.authors.length > 0 && { author: { name: a.authors.join(', ') } }),
      title: articleName(a),
      ...(a.url !== undefined && { url: a.url }),
      ...(a.summary !== undefined && { description: escapeMarkdown(a.summary) }),
      fields: [
        ...(a.perspective !== undefined
          ? [{ name: 'Perspective', value: escapeMarkdown(a.perspective) }]
          : []),
        { name: 'Published', value: escapeMarkdown(articleSource(a)), inline: true },
        { name: 'Paragraphs', value: String(a.passages.length), inline: true },
        ...(a.notice ? [{ name: 'Note', value: escapeMarkdown(a.notice) }] : []),
      ],
      footer: { text: `id: ${a.id}` },
    })),
  });
}
