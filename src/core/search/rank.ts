/**
 * Re-ranking against the text, which MiniSearch cannot see: passages must contain every quoted
 * phrase, are rewarded for covering more of the query, and for containing the query verbatim as a
 * fragment.
 */
import type { SearchResult } from 'minisearch';
import { indexTerms, phraseForm, words } from '../text.js';
import { makeHit, type CopyWording, type SearchHit } from './hit.js';
import type { QueryPlan } from './plan.js';
import type { ParsedQuery, QueryTerm } from './query.js';
import { inEither, type SearchIndex } from './search-index.js';
import { FRAGMENT_BOOST, MAX_RERANKED, MIN_RELATIVE_SCORE, RARITY_FLOOR } from './tuning.js';

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

/** A bound's margin over rounding: 1 + 1e-9. */
const BOUND_MARGIN = 1 + 1e-9;

interface Candidate {
  readonly r: SearchResult;
  /** The best score it could reach. */
  readonly bound: number;
}

export interface RerankOptions {
  /** How many hits the search returns: re-ranking stops once no other candidate can reach them. */
  readonly limit: number;
  /** Whether the last quoted phrase is still being typed (its last word may be cut short). */
  readonly lastPhraseTyping: boolean;
  /** Results matched by a garbled phrase of the copy, with what it is shown as (copy-wording.ts). */
  readonly copyWording: ReadonlyMap<string, readonly CopyWording[]>;
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
  options: RerankOptions,
): SearchHit[] {
  const { limit, lastPhraseTyping, copyWording } = options;
  const searched = new Set(plan.queries);
  // Also the word being typed: a passage with any word that begins with it covers it, even when
  // that word is not among the completions searched.
  const skipped = query.terms.filter((q) => q.prefix || !searched.has(q.term)).map((q) => q.term);
  const phrases = query.phrases;
  const rarity = queryWordRarity(index, query, plan);
  const literal = new Set(query.terms.filter(writtenOneWay).map((q) => q.term));
  const candidates = boundedCandidates(results, plan, skipped, rarity, {
    always: phrases.length > 0,
    fragment: query.fragment !== '',
    withCopy: copyWording,
    literal,
    mistyped: [...literal].some((t) => (index.documentFrequency.get(t) ?? 0) === 0),
  });
  const hits: SearchHit[] = [];
  const best = new TopScores(limit);
  // A word begins with its stem (nearly always: "negoti" → "negotiations"), so a skipped term is
  // looked for as the start of a word in the passage's phrase form.
  const wordStarts = skipped.map((t) => ` ${t}`);
  const lastPhrase = phrases.length - 1;
  for (let c = 0; c < Math.min(candidates.length, MAX_RERANKED); c++) {
    const { r, bound } = candidates[c] as Candidate;
    if (bound < best.floor) break;
    const id = r.id as string;
    const passage = index.passages.get(id);
    if (!passage) continue;
    const forms = index.phraseForms.get(id);
    const copy = copyWording.get(id);
    const withCopy = copy !== undefined;
    if (
      lastPhrase >= 0 &&
      !phrases.every((ph, i) => inEither(forms, ph, lastPhraseTyping && i === lastPhrase, withCopy))
    )
      continue;
    // Worked out again for the few re-ranked: not kept for every result (see boundedCandidates).
    const found = coveredWords(r, plan, new Map());
    let byText: string[] | undefined;
    for (let i = 0; i < skipped.length; i++) {
      const t = skipped[i] as string;
      if (found.get(t) === 1 || !inEither(forms, wordStarts[i] as string, true, withCopy)) continue;
      found.set(t, 1);
      (byText ??= []).push(t);
    }
    const fragment = query.fragment !== '' && inEither(forms, query.fragment, query.typing, withCopy);
    const score = scoreOf(
      relevance(r),
      coverage(found, rarity),
      rarity.total,
      fragment || phrases.length > 0,
    );
    const matched = withCopy ? [...r.terms, ...correctedTerms(copy)] : r.terms;
    const hit = makeHit(passage, score, matched, [...found.keys()]);
    hits.push(withCopy ? { ...hit, copyWording: copy } : hit);
    if (byText) foundInText.set(hits[hits.length - 1] as SearchHit, byText);
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
    const form = wordForm(w.word);
    if (starts.some((t) => form.startsWith(t) || terms.some((term) => term.startsWith(t))))
      for (const term of terms) matched.add(term);
  }
  return { ...hit, matched: [...matched] };
}

/** A word's phrase form, trimmed, kept: the best hits of every search are read word by word. */
const wordForms = new Map<string, string>();
/** Entries kept before the cache starts over, so it cannot grow without bound. */
const WORD_FORMS_MAX = 50_000;

function wordForm(word: string): string {
  let form = wordForms.get(word);
  if (form === undefined) {
    if (wordForms.size >= WORD_FORMS_MAX) wordForms.clear();
    form = phraseForm(word).trim();
    wordForms.set(word, form);
  }
  return form;
}

/**
 * How much each query word weighs in a passage's coverage of the query: {@link RARITY_FLOOR} plus
 * how rare it is (BM25's inverse document frequency), so that covering one rare word counts for
 * more than covering a common one, and a word in every passage still counts a little. `total` is
 * their sum. A word no passage has as typed (being typed, or mistyped) is as rare as the commonest
 * of the words searched for it.
 */
interface Rarity {
  readonly of: ReadonlyMap<string, number>;
  readonly total: number;
}

function queryWordRarity(index: SearchIndex, query: ParsedQuery, plan: QueryPlan): Rarity {
  const n = index.passages.size;
  const df = (t: string) => index.documentFrequency.get(t) ?? 0;
  const counts = new Map(query.terms.map((q) => [q.term, df(q.term)]));
  for (const [t, q] of plan.origin)
    if (counts.get(q) === 0 || (!plan.meaning.has(t) && query.terms.some((w) => w.term === q && w.prefix)))
      counts.set(q, Math.max(counts.get(q) ?? 0, plan.meaning.has(t) ? 0 : df(t)));
  const of = new Map<string, number>();
  let total = 0;
  for (const [q, count] of counts) {
    const idf = RARITY_FLOOR + Math.log(1 + (n - count + 0.5) / (count + 0.5));
    of.set(q, idf);
    total += idf;
  }
  return { of, total };
}

/** The rarity-weighted share of the query a passage covers (see {@link Rarity}), times the total. */
function coverage(found: ReadonlyMap<string, number>, rarity: Rarity): number {
  let covered = 0;
  for (const [q, share] of found) covered += (rarity.of.get(q) ?? 0) * share;
  return covered;
}

/** MiniSearch's score, without its own reward for matching more terms: rank.ts reckons coverage. */
function relevance(r: SearchResult): number {
  return r.score / Math.max(1, r.queryTerms.length);
}

/** The query words a result covers, each with how much: its best match (see QueryPlan.meaning). */
function coveredWords(r: SearchResult, plan: QueryPlan, found: Map<string, number>): Map<string, number> {
  for (const t of r.queryTerms) {
    const q = plan.origin.get(t) ?? t;
    const covers = plan.meaning.get(t) ?? 1;
    found.set(q, Math.max(found.get(q) ?? 0, covers));
    // A word two query words join covers both.
    const second = plan.joins.get(t);
    if (second !== undefined) found.set(second, Math.max(found.get(second) ?? 0, covers));
  }
  return found;
}

/**
 * When a result could be boosted ({@link FRAGMENT_BOOST}): `always` with quoted phrases (every hit
 * has them); for the query verbatim (`fragment`), only a result that has every searched whole query
 * word itself, since a passage with the query verbatim has each of its words, which the index holds
 * under the word's own term. A whole word no passage shows (`mistyped`) rules the fragment out,
 * except as the copy has it (results in `withCopy`: see copy-wording.ts).
 */
interface BoostRule {
  readonly always: boolean;
  readonly fragment: boolean;
  readonly withCopy: ReadonlyMap<string, unknown>;
  /** The whole query words whose every written form in a passage is indexed under their term. */
  readonly literal: ReadonlySet<string>;
  readonly mistyped: boolean;
}

/**
 * Whether a whole query word, wherever a passage has it as the query writes it (in phrase form),
 * is indexed there under the word's own term. Not so for a word whose phrase form is also that of
 * another word: "thats" is the phrase form of "That's", a stop word never indexed; "US" (`usa`)
 * that of the pronoun "us"; and in general "Xs" that of "X's", whose possessive is dropped.
 */
function writtenOneWay(q: QueryTerm): boolean {
  if (q.prefix || q.word === 'usa') return false;
  return !q.word.endsWith('s') || indexTerms(`${q.word.slice(0, -1)}'s`)[0] === q.term;
}

/**
 * Each result with the best score it could reach, best first. The query words a result covers are
 * counted in an array, one place per query word (see {@link coveredWords}, which this follows): a
 * search may have thousands of results, of which few are re-ranked.
 */
function boundedCandidates(
  results: readonly SearchResult[],
  plan: QueryPlan,
  skipped: readonly string[],
  rarity: Rarity,
  boost: BoostRule,
): Candidate[] {
  const generous = boost.always || boost.fragment;
  const slots = new Map<string, number>();
  const slotOf = (q: string) => slots.get(q) ?? slots.set(q, slots.size).size - 1;
  const terms = new Map<string, { of: number; covers: number; second: number; word: boolean }>();
  for (const t of plan.queries) {
    const second = plan.joins.get(t);
    const covers = plan.meaning.get(t) ?? 1;
    terms.set(t, {
      of: slotOf(plan.origin.get(t) ?? t),
      covers,
      second: second === undefined ? -1 : slotOf(second),
      word: !plan.origin.has(t),
    });
  }
  const skippedSlots = skipped.map(slotOf);
  // The searched whole words a result must have itself for the fragment boost.
  const wordSlots = [
    ...new Set(plan.queries.filter((t) => !plan.origin.has(t) && boost.literal.has(t)).map(slotOf)),
  ].filter((i) => !skippedSlots.includes(i));
  const weights = [...slots.keys()].map((q) => rarity.of.get(q) ?? 0);
  const share = new Float64Array(weights.length);
  const own = new Uint8Array(weights.length);
  const mapBound = (r: SearchResult) => {
    const found = coveredWords(r, plan, new Map());
    let reachable = coverage(found, rarity);
    for (const t of skipped) reachable += (rarity.of.get(t) ?? 0) * (1 - (found.get(t) ?? 0));
    return scoreOf(relevance(r), reachable, rarity.total, generous);
  };
  const bounds = new Float64Array(results.length);
  results.forEach((r, c) => {
    share.fill(0);
    own.fill(0);
    for (const t of r.queryTerms) {
      const term = terms.get(t);
      // A term the plan did not search (a garbled phrase of the copy's): counted as rerank counts.
      if (term === undefined) {
        bounds[c] = mapBound(r);
        return;
      }
      share[term.of] = Math.max(share[term.of] ?? 0, term.covers);
      if (term.second >= 0) share[term.second] = Math.max(share[term.second] ?? 0, term.covers);
      if (term.word) own[term.of] = 1;
    }
    let reachable = 0;
    for (let i = 0; i < weights.length; i++) reachable += (weights[i] ?? 0) * (share[i] ?? 0);
    for (const i of skippedSlots) reachable += (weights[i] ?? 0) * (1 - (share[i] ?? 0));
    const boosted =
      boost.always ||
      (boost.fragment &&
        (boost.withCopy.has(r.id as string) || (!boost.mistyped && wordSlots.every((i) => own[i] === 1))));
    // Summed in another order than the score is: rounded up, so as never to fall below it.
    bounds[c] = scoreOf(relevance(r), reachable, rarity.total, boosted) * BOUND_MARGIN;
  });
  return bestBounded(results, bounds, MAX_RERANKED);
}

/**
 * The `most` results with the highest bounds (and any tied with the last of them), highest first,
 * in their given order among equals: what sorting every result would give first, without sorting
 * thousands of objects.
 */
function bestBounded(results: readonly SearchResult[], bounds: Float64Array, most: number): Candidate[] {
  let threshold = -Infinity;
  if (results.length > most) {
    const sorted = Float64Array.from(bounds).sort();
    threshold = sorted[sorted.length - most] as number;
  }
  const candidates: Candidate[] = [];
  results.forEach((r, c) => {
    const bound = bounds[c] as number;
    if (bound >= threshold) candidates.push({ r, bound });
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
