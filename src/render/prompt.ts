/**
 * /prompt's and Discuss's posts: a discussion question with the evidence from each article that
 * addresses its topic (most relevant first), and optionally a poll among those articles.
 */
import type { APIEmbed, RESTAPIPoll } from 'discord-api-types/v10';
import type { Article } from '../content/types.js';
import type { Comparison, Perspective } from '../core/compare.js';
import type { PromptPick } from '../core/prompts.js';
import { PROMPT_FOOTER_PREFIX } from '../core/reader-text.js';
import { perspectiveEmbed } from './compare.js';
import { LIMITS } from './discord-limits.js';
import { echo, escapeMarkdown } from './markdown.js';
import { embedLength, finalize, truncate, type Payload } from './payload.js';

export const POLL_QUESTION = 'Which argument is better supported by the texts?';
export const POLL_UNSURE = 'Not sure yet';
/** Articles a poll offers at most: Discord allows 10 answers, and one is "Not sure yet". */
export const POLL_MAX_ARTICLES = LIMITS.pollAnswers - 1;
/** Fewer articles than this on a topic: no poll, as there is nothing to choose between. */
export const POLL_MIN_ARTICLES = 2;

/** A poll among these articles (the first {@link POLL_MAX_ARTICLES}), plus "Not sure yet". */
export function pollFor(articles: readonly Article[]): RESTAPIPoll {
  return {
    question: { text: POLL_QUESTION },
    answers: [
      ...articles
        .slice(0, POLL_MAX_ARTICLES)
        .map((a) => ({ poll_media: { text: truncate(a.short, LIMITS.pollAnswer) } })),
      { poll_media: { text: POLL_UNSURE } },
    ],
    duration: 24,
    allow_multiselect: false,
  };
}

/** The articles that address the topic (any passage on it), in the order the core gave them. */
function addressing(evidence: Comparison): Perspective[] {
  return evidence.perspectives.filter((p) => p.total > 0);
}

/** The articles a poll on this evidence offers: those that address it, in the evidence's order. */
export function pollArticles(evidence: Comparison): Article[] {
  return addressing(evidence)
    .slice(0, POLL_MAX_ARTICLES)
    .map((p) => p.article);
}

/** Why a poll asked for was left out, for the teacher's private reply; undefined when there is one. */
export function pollNote(evidence: Comparison): string | undefined {
  const articles = addressing(evidence).map((p) => p.article);
  if (articles.length >= POLL_MIN_ARTICLES) return undefined;
  const [only] = articles;
  return only
    ? `No poll: only ${escapeMarkdown(only.short)} addresses this, so a poll would have nothing to choose between.`
    : 'No poll: no article addresses this topic.';
}

function pollPart(evidence: Comparison, wanted: boolean): { poll?: RESTAPIPoll } {
  const articles = pollArticles(evidence);
  return wanted && articles.length >= POLL_MIN_ARTICLES ? { poll: pollFor(articles) } : {};
}

/** "Not addressed by: …": the articles with nothing on the topic, on one line. */
export function notAddressedLine(evidence: Comparison): string {
  const none = evidence.perspectives.filter((p) => p.total === 0).map((p) => escapeMarkdown(p.article.short));
  return none.length > 0 ? `\n*Not addressed by: ${none.join(', ')}*` : '';
}

/**
 * One embed per article that addresses the topic, in the evidence's order (most relevant first). When two passages each
 * would pass Discord's 6,000-character total, each article shows its best passage only (the
 * question's embed is counted in `reserved`).
 */
export function evidenceEmbeds(evidence: Comparison, reserved: number): APIEmbed[] {
  const shown = addressing(evidence).slice(0, LIMITS.embeds - 1);
  const embeds = (perspectives: readonly Perspective[]) =>
    perspectives.map((p) => perspectiveEmbed(p, evidence.title));
  const full = embeds(shown);
  if (reserved + full.reduce((n, e) => n + embedLength(e), 0) <= LIMITS.embedTotal) return full;
  return embeds(shown.map((p) => ({ ...p, passages: p.passages.slice(0, 1) })));
}

const LEVEL_LABEL = { understand: 'Understand', analyze: 'Analyze', evaluate: 'Evaluate' } as const;

const CITE_HINT = 'Cite the texts: use **/quote**, then **Share**.';

function questionPost(question: APIEmbed, evidence: Comparison, poll: boolean): Payload {
  const withNote = { ...question, description: `${question.description ?? ''}${notAddressedLine(evidence)}` };
  return finalize({
    ephemeral: false,
    embeds: [withNote, ...evidenceEmbeds(evidence, embedLength(withNote))],
    ...pollPart(evidence, poll),
  });
}

/** A discussion question posted to the class, with the evidence from each perspective. */
export function promptPost(pick: PromptPick, options: { poll: boolean; topicTitle: string }): Payload {
  const { prompt, evidence } = pick;
  const question: APIEmbed = {
    color: 0x5865f2,
    author: { name: `Discussion · ${LEVEL_LABEL[prompt.level]}` },
    title: truncate(options.topicTitle, LIMITS.embedTitle),
    description: `## ${escapeMarkdown(prompt.text)}\n${CITE_HINT}`,
    footer: { text: `${PROMPT_FOOTER_PREFIX}${prompt.id}` },
  };
  return questionPost(question, evidence, options.poll);
}

/** Discuss on a free-text comparison: a question written by people, filled with the topic. */
export const FREE_PROMPT_TEMPLATE =
  'What does each article say about “{topic}”? Which account is better supported by evidence from the texts?';

export function freePromptPost(c: Comparison, options: { poll: boolean }): Payload {
  const question: APIEmbed = {
    color: 0x5865f2,
    author: { name: 'Discussion · Evaluate' },
    title: truncate(c.title, LIMITS.embedTitle),
    description: `## ${FREE_PROMPT_TEMPLATE.replace('{topic}', echo(c.title))}\n${CITE_HINT}`,
    footer: { text: `${PROMPT_FOOTER_PREFIX}free` },
  };
  return questionPost(question, c, options.poll);
}

/** Thread names are at most 100 characters. */
export function threadName(title: string): string {
  return truncate(`Discussion: ${title}`.replace(/\s+/g, ' '), LIMITS.threadName);
}
