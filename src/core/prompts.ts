/**
 * Discussion prompts: written by people in topics.yaml, picked here by topic and level, or at
 * random without repeating until every prompt has been used. Each comes with its evidence:
 * the comparison of the articles on its topic.
 */
import { PROMPT_LEVELS, type Content, type Prompt, type PromptLevel } from '../content/types.js';
import { compare, type Comparison } from './compare.js';
import { PROMPT_FOOTER_PREFIX } from './reader-text.js';
import type { SearchIndex } from './search/index.js';

export interface PromptPick {
  readonly prompt: Prompt;
  readonly evidence: Comparison;
  /** True when every prompt had been used and the rotation started over. */
  readonly restarted: boolean;
}

export interface PickOptions {
  readonly topicId?: string;
  readonly level?: PromptLevel;
  /** Prompt ids already used (e.g. in this channel): not picked again until all have been. */
  readonly used?: Iterable<string>;
  /** A random number in [0, 1); pass a seeded one for repeatable picks. */
  readonly random?: () => number;
}

export type PickResult = { ok: true; pick: PromptPick } | { ok: false; error: string };

export function isPromptLevel(value: string): value is PromptLevel {
  return (PROMPT_LEVELS as readonly string[]).includes(value);
}

export function allPrompts(content: Content): Prompt[] {
  return content.topics.flatMap((t) => t.prompts);
}

/** Picks a prompt. Errors are one-line messages for the user (unknown topic, no prompt). */
export function pickPrompt(content: Content, index: SearchIndex, options: PickOptions = {}): PickResult {
  const { topicId, level } = options;
  if (topicId !== undefined && !content.topics.some((t) => t.id === topicId)) {
    return {
      ok: false,
      error: `Unknown topic "${topicId}". Topics: ${content.topics.map((t) => t.id).join(', ')}.`,
    };
  }
  const candidates = allPrompts(content).filter(
    (p) => (topicId === undefined || p.topicId === topicId) && (level === undefined || p.level === level),
  );
  if (candidates.length === 0) return { ok: false, error: 'No prompt matches that topic and level.' };
  const used = new Set(options.used ?? []);
  const fresh = candidates.filter((p) => !used.has(p.id));
  const pool = fresh.length > 0 ? fresh : candidates;
  const random = options.random ?? Math.random;
  const prompt = pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))] as Prompt;
  const evidence = compare(content, index, prompt.topicId);
  if (!evidence) return { ok: false, error: `Topic "${prompt.topicId}" has no searchable terms.` };
  return { ok: true, pick: { prompt, evidence, restarted: fresh.length === 0 } };
}

/** A prompt by its id (`<topic>:<level>`). */
export function promptById(content: Content, id: string): Prompt | undefined {
  return allPrompts(content).find((p) => p.id === id);
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
