/**
 * Discussion prompts: written by people in topics.yaml, picked here by topic, article and level,
 * or at random without repeating until every prompt has been used. Each comes with its evidence:
 * the comparison of the articles on its topic. Articles outside every curated topic get the
 * questions of templates.yaml instead (see prompt-templates.ts), with their own passages.
 */
import { PROMPT_LEVELS, type Content, type Prompt, type PromptLevel } from '../content/types.js';
import { compare, type Comparison } from './compare.js';
import {
  templatedPrompts,
  templateEvidence,
  topicsByArticle,
  type TemplatedPrompt,
} from './prompt-templates.js';
import { PROMPT_FOOTER_PREFIX } from './reader-text.js';
import type { SearchIndex } from './search/index.js';

/** A curated prompt (topics.yaml) or a template filled for one article (templates.yaml). */
export type AnyPrompt = Prompt | TemplatedPrompt;

export function isTemplated(p: AnyPrompt): p is TemplatedPrompt {
  return 'articleId' in p;
}

export interface PromptPick {
  readonly prompt: AnyPrompt;
  /** The articles' evidence, most relevant first (see {@link byRelevance}). */
  readonly evidence: Comparison;
  /** True when every prompt had been used and the rotation started over. */
  readonly restarted: boolean;
}

export interface PickOptions {
  readonly topicId?: string;
  /** Only prompts about this article: the curated topics it addresses, or else the templates. */
  readonly articleId?: string;
  readonly level?: PromptLevel;
  /**
   * Prefer prompts whose topic at least two articles address (for a poll): the others, and the
   * templates (one article each), are left out unless nothing else is left.
   */
  readonly comparative?: boolean;
  /** Prompt ids already used (e.g. in this channel): not picked again until all have been. */
  readonly used?: Iterable<string>;
  /** A random number in [0, 1); pass a seeded one for repeatable picks. */
  readonly random?: () => number;
}

export type PickResult = { ok: true; pick: PromptPick } | { ok: false; error: string };

type Candidates = { ok: true; prompts: AnyPrompt[] } | { ok: false; error: string };

export function isPromptLevel(value: string): value is PromptLevel {
  return (PROMPT_LEVELS as readonly string[]).includes(value);
}

export function allPrompts(content: Content): Prompt[] {
  return content.topics.flatMap((t) => t.prompts);
}

const NO_TEMPLATES = 'content/templates.yaml has no questions for articles outside the curated topics';

/** The prompts about one article: its curated topics' prompts, or the templates filled for it. */
function articleCandidates(
  content: Content,
  index: SearchIndex,
  articleId: string,
  topicId: string | undefined,
): Candidates {
  const article = content.articleById.get(articleId);
  if (!article) {
    const ids = content.articles.map((a) => a.id).join(', ');
    return { ok: false, error: `Unknown article "${articleId}". Articles: ${ids}.` };
  }
  const topics = topicsByArticle(content, index).get(articleId) ?? [];
  if (topicId !== undefined && !topics.includes(topicId))
    return { ok: false, error: `${article.short} does not address the topic "${topicId}".` };
  if (topics.length > 0) {
    const wanted = new Set(topicId === undefined ? topics : [topicId]);
    return { ok: true, prompts: allPrompts(content).filter((p) => wanted.has(p.topicId)) };
  }
  const prompts = templatedPrompts(content, article);
  if (prompts.length === 0)
    return { ok: false, error: `${article.short} is outside every curated topic, and ${NO_TEMPLATES}.` };
  return { ok: true, prompts };
}

/** Every prompt the options allow, before the level and the rotation are applied. */
function candidatesFor(content: Content, index: SearchIndex, options: PickOptions): Candidates {
  const { topicId, articleId } = options;
  if (topicId !== undefined && !content.topics.some((t) => t.id === topicId)) {
    return {
      ok: false,
      error: `Unknown topic "${topicId}". Topics: ${content.topics.map((t) => t.id).join(', ')}.`,
    };
  }
  if (articleId !== undefined) return articleCandidates(content, index, articleId, topicId);
  if (topicId !== undefined)
    return { ok: true, prompts: allPrompts(content).filter((p) => p.topicId === topicId) };
  const byArticle = topicsByArticle(content, index);
  const outside = content.articles.filter((a) => (byArticle.get(a.id) ?? []).length === 0);
  const prompts = [...allPrompts(content), ...outside.flatMap((a) => templatedPrompts(content, a))];
  if (!options.comparative) return { ok: true, prompts };
  const articlesOn = new Map<string, number>();
  for (const topics of byArticle.values())
    for (const t of topics) articlesOn.set(t, (articlesOn.get(t) ?? 0) + 1);
  const comparative = prompts.filter((p) => !isTemplated(p) && (articlesOn.get(p.topicId) ?? 0) >= 2);
  return { ok: true, prompts: comparative.length > 0 ? comparative : prompts };
}

/**
 * The rotation's unit: a curated prompt alone, or one article's filled templates at one level,
 * so that an article with many headings does not crowd out the curated topics.
 */
function slotOf(p: AnyPrompt): string {
  return isTemplated(p) ? `${p.articleId}:${p.level}` : p.id;
}

function randomOf<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;
}

/**
 * An unused prompt from the slot used least so far (so every slot comes up once before any comes
 * up twice); when every prompt has been used, any prompt, and the rotation starts over.
 */
function rotate(
  candidates: readonly AnyPrompt[],
  used: ReadonlySet<string>,
  random: () => number,
): { prompt: AnyPrompt; restarted: boolean } {
  const fresh = candidates.filter((p) => !used.has(p.id));
  const pool = fresh.length > 0 ? fresh : candidates;
  const usedIn = new Map<string, number>();
  for (const p of candidates) {
    if (fresh.length > 0 && used.has(p.id)) usedIn.set(slotOf(p), (usedIn.get(slotOf(p)) ?? 0) + 1);
  }
  const least = Math.min(...pool.map((p) => usedIn.get(slotOf(p)) ?? 0));
  const slots = [...new Set(pool.filter((p) => (usedIn.get(slotOf(p)) ?? 0) === least).map(slotOf))];
  const slot = randomOf(slots, random);
  const prompt = randomOf(
    pool.filter((p) => slotOf(p) === slot),
    random,
  );
  return { prompt, restarted: fresh.length === 0 };
}

/** Picks a prompt. Errors are one-line messages for the user (unknown topic, no prompt). */
export function pickPrompt(content: Content, index: SearchIndex, options: PickOptions = {}): PickResult {
  const found = candidatesFor(content, index, options);
  if (!found.ok) return found;
  const { level } = options;
  const candidates = found.prompts.filter((p) => level === undefined || p.level === level);
  if (candidates.length === 0) return { ok: false, error: 'No prompt matches that topic and level.' };
  const { prompt, restarted } = rotate(
    candidates,
    new Set(options.used ?? []),
    options.random ?? Math.random,
  );
  const evidence = isTemplated(prompt)
    ? templateEvidence(content, prompt)
    : compare(content, index, prompt.topicId);
  if (!evidence) return { ok: false, error: `No evidence for the prompt "${prompt.id}".` };
  return { ok: true, pick: { prompt, evidence: byRelevance(evidence), restarted } };
}

/** A curated prompt by its id (`<topic>:<level>`). */
export function promptById(content: Content, id: string): Prompt | undefined {
  return allPrompts(content).find((p) => p.id === id);
}

/**
 * The comparison with its articles in /compare's order: those that address the topic, the most
 * relevant first, then those that do not. Prompt posts and polls show the articles in this order.
 */
export function byRelevance(evidence: Comparison): Comparison {
  return { ...evidence, perspectives: [...evidence.addressing, ...evidence.notAddressing] };
}

/** What reading prompt history needs of a message: its embeds' footers. */
export interface PostedMessage {
  readonly embeds: readonly { readonly footer?: { readonly text: string } | null }[];
}

/** The prompt ids in the bot's own earlier posts (from their footers, see PROMPT_FOOTER_PREFIX). */
export function usedPromptIds(messages: readonly PostedMessage[]): string[] {
  const out: string[] = [];
  for (const m of messages) {
    for (const e of m.embeds) {
      const text = e.footer?.text ?? '';
      if (text.startsWith(PROMPT_FOOTER_PREFIX)) out.push(text.slice(PROMPT_FOOTER_PREFIX.length).trim());
    }
  }
  return out;
}
