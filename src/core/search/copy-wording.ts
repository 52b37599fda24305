/**
 * The copy's own wording, where a reader never sees it. A passage is found only by the words a
 * reader sees (its corrected wording): the garbled words an editor's correction replaced are kept
 * apart (the index's `copy` field, never searched by default). The one exception is a query that
 * contains a garbled phrase of the copy as it stands, a correction's `from` ("disinformation
 * area"): then the passages where that correction applies are searched in their copy's wording
 * too, and the hit says so ({@link SearchHit.copyWording}).
 */
import type { SearchResult } from 'minisearch';
import { applyCorrections, bracketChanges } from '../../content/corrections.js';
import type { Correction, Passage } from '../../content/types.js';
import { foldTypography, phraseForm } from '../text.js';
import type { CopyWording } from './hit.js';
import type { QueryPlan } from './plan.js';
import type { ParsedQuery } from './query.js';
import { scoreTerms } from './score.js';
import type { SearchIndex } from './search-index.js';
import { MAX_QUERY_CHARS } from './tuning.js';

/** A correction's garbled phrase, and the passages where it applies. */
export interface CopyPhrase extends CopyWording {
  /** `from` in phrase form, to look for in a query. */
  readonly form: string;
  readonly passageIds: readonly string[];
}

/** What the index needs of an article: its id and its corrections. */
export interface ArticleCorrections {
  readonly id: string;
  readonly corrections: readonly Correction[];
}

/** Every correction's garbled phrase with the passages where it applies (see applyCorrections). */
export function copyPhrasesOf(
  passages: Iterable<Passage>,
  articles: Iterable<ArticleCorrections>,
): CopyPhrase[] {
  const corrections = new Map<string, readonly Correction[]>();
  for (const a of articles) if (a.corrections.length > 0) corrections.set(a.id, a.corrections);
  const byCorrection = new Map<Correction, string[]>();
  for (const p of passages) {
    const list = corrections.get(p.articleId);
    if (!list || p.corrected === p.text) continue;
    for (const c of applyCorrections(p.text, list).applied)
      byCorrection.set(c, [...(byCorrection.get(c) ?? []), p.id]);
  }
  const out: CopyPhrase[] = [];
  for (const [c, passageIds] of byCorrection) {
    const form = phraseForm(c.from);
    if (form.trim() === '') continue;
    out.push({ from: c.from, shown: bracketChanges(c.from, c.to), form, passageIds });
  }
  return out;
}

/** The garbled phrases a query contains, each as a whole (a word being typed is not yet one). */
export function copyPhrasesIn(index: SearchIndex, raw: string): CopyPhrase[] {
  if (index.copyPhrases.length === 0) return [];
  const query = phraseForm(foldTypography(raw.slice(0, MAX_QUERY_CHARS)));
  return index.copyPhrases.filter((c) => query.includes(c.form));
}

/** Passage id → the garbled phrases of it that the query contains. */
export function copyWordingById(phrases: readonly CopyPhrase[]): Map<string, CopyWording[]> {
  const out = new Map<string, CopyWording[]>();
  for (const c of phrases) {
    for (const id of c.passageIds) out.set(id, [...(out.get(id) ?? []), { from: c.from, shown: c.shown }]);
  }
  return out;
}

/**
 * MiniSearch's results, with the passages whose garbled phrases the query contains searched again
 * in their copy's wording as well (only those passages, and only those that `keep`).
 */
export function withCopyResults(
  index: SearchIndex,
  query: ParsedQuery,
  plan: QueryPlan,
  phrases: readonly CopyPhrase[],
  keep: (p: Passage) => boolean,
  results: readonly SearchResult[],
): SearchResult[] {
  if (phrases.length === 0) return [...results];
  const ids = new Set(phrases.flatMap((c) => c.passageIds));
  // Every query word as typed too: a phrase is only found whole, so its last word is complete.
  const terms = [...new Set([...plan.queries, ...query.terms.map((q) => q.term)])];
  const again = scoreTerms(index.mini, [{ terms }], {
    fields: ['text', 'copy', 'speakers'],
    termBoost: (t) => plan.boost.get(t) ?? 1,
    filter: (id) => {
      const p = ids.has(id) ? index.passages.get(id) : undefined;
      return p !== undefined && keep(p);
    },
  });
  const found = new Set(again.map((r) => r.id as string));
  return [...results.filter((r) => !found.has(r.id as string)), ...again];
}
