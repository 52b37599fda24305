/** /compare and /prompt payloads: one block per article, stacked so they read well on phones. */
import { ButtonStyle, type APIEmbed, type RESTAPIPoll } from 'discord-api-types/v10';
import { button, row } from './components.js';
import type { Article } from '../content/types.js';
import type { Comparison, Perspective } from '../core/compare.js';
import type { PromptPick } from '../core/prompts.js';
import { speakerLine } from '../core/present.js';
import { encodeId } from './custom-id.js';
import { finalize, LIMITS, truncate, type Payload } from './limits.js';
import { boldMatches, echo, escapeMarkdown } from './markdown.js';
import { articleColor } from './passage.js';
import { highlight } from '../core/present.js';

export const POLL_QUESTION = 'Which argument is better supported by the texts?';
export const POLL_UNSURE = 'Not sure yet';
/** Marks the bot's own prompt posts, so /prompt can rotate without storing anything. */
export const PROMPT_FOOTER_PREFIX = 'Prompt ';

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

export function pollFor(articles: readonly Article[]): RESTAPIPoll {
  return {
    question: { text: POLL_QUESTION },
    answers: [
      ...articles
        .slice(0, LIMITS.pollAnswers - 1)
        .map((a) => ({ poll_media: { text: truncate(a.short, LIMITS.pollAnswer) } })),
      { poll_media: { text: POLL_UNSURE } },
    ],
    duration: 24,
    allow_multiselect: false,
  };
}

const LEVEL_LABEL = { understand: 'Understand', analyze: 'Analyze', evaluate: 'Evaluate' } as const;

/** A discussion question posted to the class, with the evidence from each perspective. */
export function promptPost(pick: PromptPick, options: { poll: boolean; topicTitle: string }): Payload {
  const { prompt, evidence } = pick;
  return finalize({
    ephemeral: false,
    embeds: [
      {
        color: 0x5865f2,
        author: { name: `Discussion · ${LEVEL_LABEL[prompt.level]}` },
        title: truncate(options.topicTitle, LIMITS.embedTitle),
        description: `## ${escapeMarkdown(prompt.text)}\nCite the texts: use **/quote**, then **Share**.`,
        footer: { text: `${PROMPT_FOOTER_PREFIX}${prompt.id}` },
      },
      ...evidence.perspectives.map((p) => perspectiveEmbed(p, evidence.title)),
    ],
    ...(options.poll && { poll: pollFor(evidence.perspectives.map((p) => p.article)) }),
  });
}

/** Discuss on a free-text comparison: a question written by people, filled with the topic. */
export const FREE_PROMPT_TEMPLATE =
  'What does each article say about “{topic}”? Which account is better supported by evidence from the texts?';

export function freePromptPost(c: Comparison, options: { poll: boolean }): Payload {
  return finalize({
    ephemeral: false,
    embeds: [
      {
        color: 0x5865f2,
        author: { name: 'Discussion · Evaluate' },
        title: truncate(c.title, LIMITS.embedTitle),
        description: `## ${FREE_PROMPT_TEMPLATE.replace('{topic}', echo(c.title))}\nCite the texts: use **/quote**, then **Share**.`,
        footer: { text: `${PROMPT_FOOTER_PREFIX}free` },
      },
      ...c.perspectives.map((p) => perspectiveEmbed(p, c.title)),
    ],
    ...(options.poll && { poll: pollFor(c.perspectives.map((p) => p.article)) }),
  });
}

/** Thread names are at most 100 characters. */
export function threadName(title: string): string {
  return truncate(`Discussion: ${title}`.replace(/\s+/g, ' '), LIMITS.threadName);
}

/** The prompt ids in the bot's own earlier posts (from their footers). */
export function usedPromptIds(
  messages: readonly { embeds: readonly { footer?: { text: string } | null }[] }[],
): string[] {
  const out: string[] = [];
  for (const m of messages) {
    for (const e of m.embeds) {
      const text = e.footer?.text ?? '';
      if (text.startsWith(PROMPT_FOOTER_PREFIX)) out.push(text.slice(PROMPT_FOOTER_PREFIX.length).trim());
    }
  }
  return out;
}
