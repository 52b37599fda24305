/**
 * Re-ranking against the text, which MiniSearch cannot see: passages must contain every quoted
 * phrase, are rewarded for covering more of the query, and for containing the query verbatim as a
 * fragment.
 */
import type { SearchResult } from 'minisearch';
import { indexTerms, phraseForm, words } from '../text.js';
import { makeHit, type CopyWording, type SearchHit } from './hit.js';
import type { QueryPlan } from './plan.js';
import type { ParsedQuery } from './query.js';
import { inEither, type SearchIndex } from './search-index.js';
import { FRAGMENT_BOOST, MAX_RERANKED, MIN_RELATIVE_SCORE } from './tuning.js';

/**
 * The one score: MiniSearch's, times the square of the share of query words `covered`, doubled
 * ({@link FRAGMENT_BOOST}) when the passage has the query verbatim or its quoted phrases.
 */
export function scoreOf(miniScore: number, covered: number, total: number, boosted: boolean): number {
  return miniScore * (covered / total) ** 2 * (boosted ? FRAGMENT_BOOST : 1);
}

/** The `limit` best scores seen so far, highest first. */
class TopScores {
  readonly #scores: number[] = [];

  constructor(private readonly limit: number) {}

  /** The score a passage must reach to make the top `limit`: 0 until there are that many. */
  get floor(): number {
    return this.#scores.length >= this.limit ? (this.#scores[this.limit - 1] ?? 0) : 0;
  }

  add(score: number): void {
    const scores = this.#scores;
    let lo = 0;
    let hi = scores.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((scores[mid] ?? 0) >= score) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.limit) return;
    scores.splice(lo, 0, score);
    if (scores.length > this.limit) scores.length = this.limit;
  }
}

interface Candidate {
  readonly r: SearchResult;
  /** Query words the passage covers so far. */
  readonly found: Set<string>;
  /** The best score it could reach. */
  readonly bound: number;
}

/**
 * MiniSearch's results, re-scored against their text. Words left out of the search for being too
 * common still count towards coverage when the passage has them, so they are looked up in its text;
 * that and the fragment check read the passage, so they are only done while a passage could still
 * reach the top `limit` (candidates are taken in order of the best score they could get).
 * Unsorted; passages missing a quoted phrase are left out.
 */
export function rerank(
  index: SearchIndex,
  query: ParsedQuery,
  plan: QueryPlan,
  results: readonly SearchResult[],
  limit: number,
  lastPhraseTyping: boolean,
  copyWording: ReadonlyMap<string, readonly CopyWording[]> = new Map(),
): SearchHit[] {
  const total = query.terms.length;
  const searched = new Set(plan.queries);
  // Also the word being typed: a passage with any word that begins with it covers it, even when
  // that word is not among the completions searched.
  const skipped = query.terms.filter((q) => q.prefix || !searched.has(q.term)).map((q) => q.term);
  const phrases = query.phrases;
  const candidates = boundedCandidates(
    results,
    plan,
    skipped,
    total,
    phrases.length > 0 || query.fragment !== '',
  );
  const hits: SearchHit[] = [];
  const best = new TopScores(limit);
  for (const { r, found, bound } of candidates.slice(0, MAX_RERANKED)) {
    if (bound < best.floor) break;
    const id = r.id as string;
    const passage = index.passages.get(id);
    if (!passage) continue;
    const forms = index.phraseForms.get(id);
    const copy = copyWording.get(id);
    const inIt = (needle: string, typing: boolean) => inEither(forms, needle, typing, copy !== undefined);
    if (!phrases.every((ph, i) => inIt(ph, lastPhraseTyping && i === phrases.length - 1))) continue;
    // A word begins with its stem (nearly always: "negoti" → "negotiations"), so a skipped term is
    // looked for as the start of a word in the passage's phrase form.
    const byText: string[] = [];
    for (const t of skipped) {
      if (found.has(t) || !inIt(` ${t}`, true)) continue;
      found.add(t);
      byText.push(t);
    }
    const fragment = query.fragment !== '' && inIt(query.fragment, query.typing);
    const score = scoreOf(r.score, found.size, total, fragment || phrases.length > 0);
    const hit = makeHit(passage, score, [...r.terms, ...correctedTerms(copy)], [...found]);
    hits.push(copy ? { ...hit, copyWording: copy } : hit);
    if (byText.length > 0) foundInText.set(hits[hits.length - 1] as SearchHit, byText);
    best.add(score);
  }
  return hits;
}

/**
 * Query words a hit covers only as the start of a word of its text (a word being typed, or one too
 * common to search): its matched terms get those words' terms once it is among the best, for bold.
 */
const foundInText = new WeakMap<SearchHit, readonly string[]>();

/** The index terms of the words an editor's correction shows in [brackets], for bold. */
function correctedTerms(copy: readonly CopyWording[] | undefined): string[] {
  if (!copy) return [];
  const bracketed = copy.flatMap((c) => [...c.shown.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? ''));
  return bracketed.flatMap((b) => words(b).flatMap((w) => indexTerms(w.word)));
}

/** The hit with the terms of the words its text begins with a query word by (see foundInText). */
function withWordsFoundInText(hit: SearchHit): SearchHit {
  const starts = foundInText.get(hit);
  if (!starts) return hit;
  const matched = new Set(hit.matched);
  for (const w of words(hit.passage.corrected)) {
    const terms = indexTerms(w.word);
    if (terms.length === 0) continue; // a stop word is never a match
    const form = phraseForm(w.word).trim();
    if (starts.some((t) => form.startsWith(t) || terms.some((term) => term.startsWith(t))))
      for (const term of terms) matched.add(term);
  }
  return { ...hit, matched: [...matched] };
}

/** Each result with the query words it covers and the best score it could reach, best first. */
function boundedCandidates(
  results: readonly SearchResult[],
  plan: QueryPlan,
  skipped: readonly string[],
  total: number,
  boostPossible: boolean,
): Candidate[] {
  const candidates = results.map((r) => {
    const found = new Set(r.queryTerms.map((t) => plan.origin.get(t) ?? t));
    // A word two query words join covers both.
    for (const t of r.queryTerms) {
      const second = plan.joins.get(t);
      if (second !== undefined) found.add(second);
    }
    let reachable = found.size;
    for (const t of skipped) if (!found.has(t)) reachable++;
    return { r, found, bound: scoreOf(r.score, reachable, total, boostPossible) };
  });
  return candidates.sort((a, b) => b.bound - a.bound);
}

/** The best hits, at most `limit`, without those far below the best (noise). */
export function topHits(hits: SearchHit[], limit: number): SearchHit[] {
  hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
  const floor = (hits[0]?.score ?? 0) * MIN_RELATIVE_SCORE;
  return hits
    .filter((h) => h.score >= floor)
    .slice(0, limit)
    .map(withWordsFoundInText);
}
