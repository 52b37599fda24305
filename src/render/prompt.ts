/** /prompt's and Discuss's posts: a discussion question with the evidence from each article. */
import type { RESTAPIPoll } from 'discord-api-types/v10';
import type { Article } from '../content/types.js';
import type { Comparison } from '../core/compare.js';
import type { PromptPick } from '../core/prompts.js';
import { PROMPT_FOOTER_PREFIX } from '../core/reader-text.js';
import { perspectiveEmbed } from './compare.js';
import { LIMITS } from './discord-limits.js';
import { echo, escapeMarkdown } from './markdown.js';
import { finalize, truncate, type Payload } from './payload.js';

export const POLL_QUESTION = 'Which argument is better supported by the texts?';
export const POLL_UNSURE = 'Not sure yet';

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
