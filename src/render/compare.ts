/** /compare payloads: one block per article, stacked so they read well on phones. */
import { ButtonStyle, type APIEmbed } from 'discord-api-types/v10';
import { button, row } from './components.js';
import type { Topic } from '../content/types.js';
import type { Comparison, Perspective } from '../core/compare.js';
import { highlight, speakerLine } from '../core/reader-text.js';
import { encodeId } from './custom-id.js';
import { LIMITS } from './discord-limits.js';
import { finalize, fitChoices, truncate, type Choice, type Payload } from './payload.js';
import { boldMatches, echo, escapeMarkdown } from './markdown.js';
import { articleColor } from './passage.js';

/** One article's block: label, best passages with paragraph numbers, or a plain "does not address". */
export function perspectiveEmbed(p: Perspective, title: string): APIEmbed {
  const a = p.article;
  const body =
    p.passages.length === 0
      ? `*This article does not address “${echo(title)}”.*`
      : p.passages
          .map((h) => {
            const who = speakerLine(h.passage);
            return `**¶${h.passage.paragraph}** · ${escapeMarkdown(who)}\n> ${boldMatches(highlight(h.passage.display, h.matched))}`;
          })
          .join('\n\n');
  return {
    color: articleColor(a.id),
    author: { name: a.short },
    title: truncate(p.label, LIMITS.embedTitle),
    ...(a.url !== undefined && { url: a.url }),
    description: body,
    ...(a.notice && { fields: [{ name: 'Note', value: escapeMarkdown(a.notice) }] }),
    footer: {
      text:
        p.passages.length > 0 ? p.passages.map((h) => h.passage.id).join(' · ') : `${a.id}: not addressed`,
    },
  };
}

/** The comparison, private to the user, with "More from …" per article and Discuss for teachers. */
export function compareAnswer(c: Comparison, topicKey: string): Payload {
  const more = c.perspectives
    .filter((p) => p.total > p.passages.length)
    .slice(0, LIMITS.buttonsPerRow - 1)
    .map((p) =>
      button(
        encodeId('compare', 'more', p.article.id, String(p.passages.length), topicKey),
        `More from ${p.article.short.split(' (')[0] ?? p.article.id} (${p.total - p.passages.length})`,
      ),
    );
  const addressed = c.perspectives.some((p) => p.passages.length > 0);
  return finalize({
    ephemeral: true,
    content: addressed
      ? `**Compare:** ${echo(c.title)}`
      : `No article addresses “${echo(c.title)}”. Try other words, or pick a topic from the list.`,
    embeds: c.perspectives.map((p) => perspectiveEmbed(p, c.title)),
    components: [
      row(
        ...more,
        button(encodeId('compare', 'discuss', topicKey), 'Discuss', { style: ButtonStyle.Primary }),
      ),
    ],
  });
}

/** "More from this article": the next passages from one article, privately. */
export function compareMoreAnswer(
  c: Comparison,
  topicKey: string,
  articleId: string,
  offset: number,
): Payload {
  const p = c.perspectives.find((x) => x.article.id === articleId);
  if (!p || p.passages.length === 0) {
    return finalize({ ephemeral: true, content: 'There is nothing more from that article on this topic.' });
  }
  const shown = offset + p.passages.length;
  const rest = p.total - shown;
  return finalize({
    ephemeral: true,
    content: `**${escapeMarkdown(p.article.short)}** on ${echo(c.title)} (${offset + 1}–${shown} of ${p.total})`,
    embeds: [perspectiveEmbed(p, c.title)],
    ...(rest > 0 && {
      components: [
        row(button(encodeId('compare', 'more', articleId, String(shown), topicKey), `More (${rest})`)),
      ],
    }),
  });
}

/**
 * Autocomplete for a topic: the curated topics that match what was typed (see the core's
 * matchTopics). With `freeText`, what was typed is offered as its own choice when no topic matches.
 */
export function topicChoices(
  topics: readonly Topic[],
  typed: string,
  options: { freeText: boolean },
): Choice[] {
  const choices = topics.map((t) => ({ name: t.title, value: t.id }));
  const text = typed.trim();
  if (options.freeText && text !== '' && topics.length === 0)
    choices.push({ name: `Search: ${text}`, value: text.slice(0, LIMITS.choiceValue) });
  return fitChoices(choices);
}
