/**
 * Resolving the "Evidence" a student typed to a passage: a passage id (`sumner-riyadh#9`) directly,
 * or words searched with the quote search among the prompt's articles only. Nothing matched means
 * no passage: an unrelated one is never attached. Pure, free of discord.js.
 */
import type { Library } from '../index.js';
import { makeHit, searchPassages, type SearchHit } from '../search/index.js';

/** Matches the preview offers at most: the one shown and the next best, for its select menu. */
export const EVIDENCE_CHOICES = 6;

export type EvidenceResult =
  /** Nothing typed. */
  | { readonly kind: 'none' }
  /** Words typed, and the search found nothing among the prompt's articles. */
  | { readonly kind: 'unmatched'; readonly typed: string }
  /** The best match first, then the next best. */
  | { readonly kind: 'found'; readonly hits: readonly SearchHit[] };

const PASSAGE_ID = /^\s*([\w.-]+#\d+)\s*$/;

/**
 * The passages the typed evidence finds. A known passage id resolves to that passage wherever it
 * is; words are searched among `articleIds` (every article when empty) by the quote search, whose
 * own judgement of "no result" is kept.
 */
export function resolveEvidence(core: Library, typed: string, articleIds: readonly string[]): EvidenceResult {
  const text = typed.trim();
  if (text === '') return { kind: 'none' };
  const id = PASSAGE_ID.exec(text)?.[1];
  const picked = id === undefined ? undefined : core.index.passages.get(id);
  if (picked) return { kind: 'found', hits: [makeHit(picked)] };
  const hits = searchPassages(core.index, text, {
    limit: EVIDENCE_CHOICES,
    asYouType: false,
    ...(articleIds.length > 0 && { articleIds }),
  });
  return hits.length > 0 ? { kind: 'found', hits } : { kind: 'unmatched', typed: text };
}

/**
 * The articles a prompt post quotes, in its order: read from the passage ids in its embeds'
 * footers (`a#1 · a#4`) or an article's "not addressed" footer (`a: not addressed`).
 */
export function promptArticleIds(
  footers: readonly (string | undefined)[],
  known: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const footer of footers) {
    for (const part of (footer ?? '').split(' · ')) {
      const id = /^([\w.-]+)#\d+$/.exec(part.trim())?.[1];
      if (id !== undefined && known.has(id) && !out.includes(id)) out.push(id);
    }
  }
  return out;
}

/** The articles that address the prompt and so can be "supported": those the post quotes. */
export function sideChoices(articleIds: readonly string[]): readonly string[] {
  return articleIds.length >= 2 ? articleIds : [];
}
