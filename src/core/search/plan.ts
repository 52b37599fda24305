/**
 * Planning a search: which exact index terms MiniSearch scores, within {@link MAX_POSTINGS}. The
 * word being typed becomes its most frequent completions (or, when no word begins with it, the
 * words a beginning one edit away starts), a word the articles do not have becomes its most frequent
 * near-spellings (a swap of two letters counting as one edit) and the two words it joins, two words
 * the articles write as one are also searched joined, and when a query would visit too many
 * postings the commonest words are the first to go.
 */
import { stem } from '../text.js';
import { FAMILY_COVERAGE, phraseTerms, relatedTerms } from './families.js';
import type { ParsedQuery, QueryTerm } from './query.js';
import type { SearchIndex } from './search-index.js';
import { nearCompletions, nearSpellings, splitCompound } from './spelling.js';
import {
  COMPOUND_WEIGHT,
  FUZZY_WEIGHT,
  fuzzinessFor,
  MAX_FUZZY_TERMS,
  MAX_COMPLETION_POSTINGS,
  MAX_FUZZY_VARIANTS,
  MAX_POSTINGS,
  MAX_PREFIX_EDITS,
  MAX_PREFIX_EXPANSIONS,
  MAX_SYNONYM_POSTINGS,
  PREFIX_WEIGHT,
  SEARCH_BUDGET_MS,
} from './tuning.js';
import { MAX_PHRASE_WORDS } from './wordnet.js';

export interface QueryPlan {
  /** The exact index terms MiniSearch scores. */
  readonly queries: string[];
  /** Weight of a completion or near-spelling, relative to the word itself. */
  readonly boost: ReadonlyMap<string, number>;
  /** Completion or near-spelling → the query word, so coverage counts query words. */
  readonly origin: ReadonlyMap<string, string>;
  /**
   * A word two query words join ("counter attacks" → "counterattacks") → the second of them (the
   * first is its origin): a passage with the joined word covers both.
   */
  readonly joins: ReadonlyMap<string, string>;
  /**
   * How much of its query word a term of the same meaning covers (a family term, a synonym): less
   * than the word itself (see rank.ts). Absent for the word, and for what it was typed as.
   */
  readonly meaning: ReadonlyMap<string, number>;
}

/** The terms a plan may search, with what each costs (its postings), as they are gathered. */
class Candidates {
  readonly boost = new Map<string, number>();
  readonly origin = new Map<string, string>();
  readonly joins = new Map<string, string>();
  readonly meaning = new Map<string, number>();
  /** Completions of the word being typed. */
  readonly completions = new Set<string>();
  readonly list: { term: string; cost: number }[] = [];

  constructor(private readonly query: ParsedQuery) {}

  /** A query word itself. */
  word(term: string, cost: number): void {
    this.list.push({ term, cost });
  }

  /**
   * A completion or near-spelling of query word `of`, unless already searched: whether it is added.
   * A variant of the same word found again another way keeps the higher weight ("aggressor" two
   * edits from "coaggressor", and one of the two words it joins).
   */
  variant(term: string, of: string, weight: number, cost: number): boolean {
    if (this.origin.get(term) === of && (this.boost.get(term) ?? 1) < weight) this.boost.set(term, weight);
    if (this.origin.has(term) || this.query.terms.some((q) => q.term === term)) return false;
    this.boost.set(term, weight);
    this.origin.set(term, of);
    this.list.push({ term, cost });
    return true;
  }
}

/** Chooses the exact index terms MiniSearch scores: see the module comment. */
export function planQuery(
  index: SearchIndex,
  query: ParsedQuery,
  fuzzy: boolean,
  deadline: number,
): QueryPlan {
  // A person's name is searched as a word (its postings count), but never completes a word being typed.
  const df = (t: string) => (index.documentFrequency.get(t) ?? 0) + (index.nameFrequency.get(t) ?? 0);
  const candidates = new Candidates(query);
  const mistyped: string[] = [];
  const misbegun: string[] = [];
  const joined: QueryTerm[] = [];
  for (const q of query.terms) {
    const completions: [string, number][] = [];
    if (q.prefix) {
      for (const entry of index.vocabulary.atPrefix(q.term)) if (entry[0] !== q.term) completions.push(entry);
    }
    candidates.word(q.term, df(q.term));
    // A whole word also searches its WordNet family and synonyms, at lower weights (families.ts):
    // while a query is typed, only a word no article uses gets synonyms (they cost every keystroke).
    // The word being typed searches the family of the word it already is ("divided" → "division"),
    // never synonyms.
    if (q.prefix)
      addRelatedTerms(
        candidates,
        { word: stem(q.word), of: q.term, synonyms: false },
        df,
        index.passages.size,
      );
    else {
      const synonyms = !query.typing || df(q.term) === 0;
      addRelatedTerms(candidates, { word: q.term, of: q.term, synonyms }, df, index.passages.size);
    }
    // Typo tolerance only for a word the articles do not have (nor, while it is being typed, any
    // word it begins): a real word is taken as meant. Such a word may also join two words.
    const unknown = df(q.term) === 0 && completions.length === 0;
    if (fuzzy && unknown && fuzzinessFor(q.term) > 0) mistyped.push(q.term);
    if (fuzzy && unknown && q.prefix && fuzzinessFor(q.term) > 0) misbegun.push(q.term);
    if (unknown) joined.push(q);
    completions.sort((a, b) => b[1] - a[1]);
    for (const [term, n] of completions.slice(0, MAX_PREFIX_EXPANSIONS))
      if (candidates.variant(term, q.term, PREFIX_WEIGHT * lengthRatio(q.term, term), n))
        candidates.completions.add(term);
  }
  addJoinedWords(index, candidates, query, df);
  addPhrasalVerbs(candidates, query, df);
  const nearlySpelled = addNearSpellings(index, candidates, mistyped, deadline);
  // A word one edit from a real word is read as that word mistyped: not as two words joined ("baslo"
  // is not "ba" + "slo" when "basto" is a word), nor as a misspelled beginning of others.
  for (const q of joined) if (!nearlySpelled.has(q.term)) addCompoundParts(index, candidates, q, df);
  addNearCompletions(
    index,
    candidates,
    misbegun.filter((t) => !nearlySpelled.has(t)),
  );
  return {
    queries: withinPostings(candidates.list, candidates.meaning, candidates.completions),
    boost: candidates.boost,
    origin: candidates.origin,
    meaning: candidates.meaning,
    joins: candidates.joins,
  };
}

/** As MiniSearch weighs a prefix match: less the more letters the completion adds. */
function lengthRatio(typed: string, completion: string): number {
  return typed.length / (typed.length + 0.3 * Math.max(0, completion.length - typed.length));
}

/** The two words a compound query word joins ("nordstream" → "nord", "stream"), as its variants. */
function addCompoundParts(
  index: SearchIndex,
  candidates: Candidates,
  q: QueryTerm,
  df: (t: string) => number,
): void {
  const parts = splitCompound((t) => index.documentFrequency.get(t) ?? 0, q.word);
  for (const part of parts ?? []) candidates.variant(part, q.term, COMPOUND_WEIGHT, df(part));
}

/**
 * A query word's family term and, if `synonyms`, its synonyms (see families.ts), as variants of
 * `of` weighed less than the word. A term of the same meaning that is rarer than the word weighs no
 * more than the word would (its weight is scaled down by the ratio of their rarities), so that a
 * passage with a rare synonym does not outrank one with the word itself.
 */
function addRelatedTerms(
  candidates: Candidates,
  related: { readonly word: string; readonly of: string; readonly synonyms: boolean },
  df: (t: string) => number,
  n: number,
): void {
  const { word, of, synonyms } = related;
  const idf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const own = df(word);
  for (const [term, weight, covers] of relatedTerms(word, synonyms)) {
    const scaled = own === 0 ? weight : weight * Math.min(1, idf(own) / idf(df(term)));
    if (candidates.variant(term, of, scaled, df(term))) candidates.meaning.set(term, covers);
  }
}

/**
 * The synonyms of the phrasal verbs in a query ("turned down" → "reject", "refuse"), as variants
 * of its first word that is a query word, searched at a synonym's weight.
 */
function addPhrasalVerbs(candidates: Candidates, query: ParsedQuery, df: (t: string) => number): void {
  const { sequence } = query;
  for (let i = 0; i < sequence.length; i++)
    for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= sequence.length; n++) {
      const phrase = sequence.slice(i, i + n);
      const of = query.terms.find((q) => !q.prefix && phrase.includes(q.term));
      if (of === undefined) continue;
      for (const [term, weight, covers] of phraseTerms(phrase.join(' ')))
        if (candidates.variant(term, of.term, weight, df(term))) candidates.meaning.set(term, covers);
    }
}

/**
 * Two neighbouring query words the articles write as one ("nord stream" → "nordstream", "co
 * aggressor" → "coaggressor", "counter attacks" → "counterattacks"), as a variant of the first that
 * covers both. When the second is being typed, the commonest word the two begin stands for them.
 */
function addJoinedWords(
  index: SearchIndex,
  candidates: Candidates,
  query: ParsedQuery,
  df: (t: string) => number,
): void {
  query.terms.forEach((q, i) => {
    const next = query.terms[i + 1];
    if (next === undefined || q.prefix) return;
    const joined = q.word + next.word;
    const whole = [stem(joined), joined].find((t) => df(t) > 0);
    const term = whole ?? (next.prefix ? commonestCompletion(index, joined) : undefined);
    if (term === undefined) return;
    candidates.variant(term, q.term, COMPOUND_WEIGHT * lengthRatio(joined, term), df(term));
    if (candidates.origin.get(term) === q.term) candidates.joins.set(term, next.term);
  });
}

/** The word of the text beginning with `beginning` that most passages hold, if any. */
function commonestCompletion(index: SearchIndex, beginning: string): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of index.vocabulary.atPrefix(beginning)) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/**
 * The words a misspelled beginning starts (a fuzzy prefix), the most frequent first. Only the word
 * being typed is read so, and its lookups are bounded (see {@link nearCompletions}): they are always
 * made, whatever the time.
 */
function addNearCompletions(index: SearchIndex, candidates: Candidates, misbegun: string[]): void {
  for (const typed of misbegun) {
    const near = [...nearCompletions(index.vocabulary, typed, Infinity)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_FUZZY_VARIANTS);
    const fuzzyWeight = (FUZZY_WEIGHT * typed.length) / (typed.length + MAX_PREFIX_EDITS);
    for (const [term, n] of near) candidates.variant(term, typed, fuzzyWeight * lengthRatio(typed, term), n);
  }
}

/**
 * Near-spellings of the longest mistyped words, while there is time. Returns the words that have a
 * near-spelling one edit away.
 */
function addNearSpellings(
  index: SearchIndex,
  candidates: Candidates,
  mistyped: string[],
  deadline: number,
): Set<string> {
  const oneEditAway = new Set<string>();
  mistyped.sort((a, b) => b.length - a.length);
  for (const term of mistyped.slice(0, MAX_FUZZY_TERMS)) {
    // Near-spellings of the longest word are always looked up (their lookups are bounded); of the
    // others, in the first half of the time budget only.
    const first = term === mistyped[0];
    if (!first && performance.now() > deadline - SEARCH_BUDGET_MS / 2) break;
    // Two edits cost a hundred times more to look up than one: only the longest word gets them.
    const distance = term === mistyped[0] ? fuzzinessFor(term) : Math.min(1, fuzzinessFor(term));
    const found = [
      ...nearSpellings(index.vocabulary, term, distance, first ? Infinity : deadline - SEARCH_BUDGET_MS / 2),
    ]
      .sort((a, b) => b[1][0] - a[1][0])
      .slice(0, MAX_FUZZY_VARIANTS);
    for (const [near, [n, edits]] of found) {
      if (edits <= 1) oneEditAway.add(term);
      // Weighed as MiniSearch weighs a fuzzy match.
      candidates.variant(near, term, (FUZZY_WEIGHT * term.length) / (term.length + edits), n);
    }
  }
  return oneEditAway;
}

/**
 * The rarest terms first, as many as fit in {@link MAX_POSTINGS}: the query's words and what they
 * were typed as first, then family terms, then synonyms (by `meaning`, how much of their word they
 * cover), which only fill what room is left, and at most {@link MAX_SYNONYM_POSTINGS} of it.
 */
function withinPostings(
  candidates: { term: string; cost: number }[],
  meaning: ReadonlyMap<string, number>,
  completions: ReadonlySet<string>,
): string[] {
  let completionPostings = 0;
  const covers = (t: string) => meaning.get(t) ?? 1;
  candidates.sort((a, b) => covers(b.term) - covers(a.term) || a.cost - b.cost);
  const queries: string[] = [];
  let postings = 0;
  let synonymPostings = 0;
  for (const c of candidates) {
    // A term in too many passages (at library scale) is left out; a query of nothing but such
    // terms is answered by the verbatim scan.
    if (c.cost === 0 || postings + c.cost > MAX_POSTINGS) continue;
    if (covers(c.term) < FAMILY_COVERAGE) {
      if (synonymPostings + c.cost > MAX_SYNONYM_POSTINGS) continue;
      synonymPostings += c.cost;
    }
    if (completions.has(c.term)) {
      if (completionPostings + c.cost > MAX_COMPLETION_POSTINGS) continue;
      completionPostings += c.cost;
    }
    postings += c.cost;
    queries.push(c.term);
  }
  return queries;
}
