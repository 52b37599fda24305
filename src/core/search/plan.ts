/**
 * Planning a search: which exact index terms MiniSearch scores, within {@link MAX_POSTINGS}. The
 * word being typed becomes its most frequent completions, a word the articles do not have becomes
 * its most frequent near-spellings, and when a query would visit too many postings the commonest
 * words are the first to go.
 */
import { relatedTerms } from './families.js';
import type { ParsedQuery } from './query.js';
import type { SearchIndex } from './search-index.js';
import {
  FUZZY_WEIGHT,
  fuzzinessFor,
  MAX_FUZZY_TERMS,
  MAX_FUZZY_VARIANTS,
  MAX_POSTINGS,
  MAX_PREFIX_EXPANSIONS,
  PREFIX_WEIGHT,
  SEARCH_BUDGET_MS,
} from './tuning.js';

export interface QueryPlan {
  /** The exact index terms MiniSearch scores. */
  readonly queries: string[];
  /** Weight of a completion or near-spelling, relative to the word itself. */
  readonly boost: ReadonlyMap<string, number>;
  /** Completion or near-spelling → the query word, so coverage counts query words. */
  readonly origin: ReadonlyMap<string, string>;
}

/** The terms a plan may search, with what each costs (its postings), as they are gathered. */
class Candidates {
  readonly boost = new Map<string, number>();
  readonly origin = new Map<string, string>();
  readonly list: { term: string; cost: number }[] = [];

  constructor(private readonly query: ParsedQuery) {}

  /** A query word itself. */
  word(term: string, cost: number): void {
    this.list.push({ term, cost });
  }

  /** A completion or near-spelling of query word `of`, unless already searched. */
  variant(term: string, of: string, weight: number, cost: number): void {
    if (this.origin.has(term) || this.query.terms.some((q) => q.term === term)) return;
    this.boost.set(term, weight);
    this.origin.set(term, of);
    this.list.push({ term, cost });
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
  for (const q of query.terms) {
    const completions: [string, number][] = [];
    if (q.prefix) {
      for (const entry of index.vocabulary.atPrefix(q.term)) if (entry[0] !== q.term) completions.push(entry);
    }
    candidates.word(q.term, df(q.term));
    // A whole word also searches its WordNet family, and a word no article uses its synonyms, at
    // lower weights (families.ts): a real word is taken as meant.
    if (!q.prefix)
      for (const [term, weight] of relatedTerms(q.term, df(q.term) === 0))
        candidates.variant(term, q.term, weight, df(term));
    // Typo tolerance only for a word the articles do not have (nor, while it is being typed, any
    // word it begins): a real word is taken as meant.
    if (fuzzy && df(q.term) === 0 && completions.length === 0 && fuzzinessFor(q.term) > 0)
      mistyped.push(q.term);
    completions.sort((a, b) => b[1] - a[1]);
    for (const [term, n] of completions.slice(0, MAX_PREFIX_EXPANSIONS)) {
      // Weighed as MiniSearch weighs a prefix match: less the more letters the completion adds.
      const weight = (PREFIX_WEIGHT * q.term.length) / (q.term.length + 0.3 * (term.length - q.term.length));
      candidates.variant(term, q.term, weight, n);
    }
  }
  addNearSpellings(index, candidates, mistyped, deadline);
  return { queries: withinPostings(candidates.list), boost: candidates.boost, origin: candidates.origin };
}

/** Near-spellings of the longest mistyped words, while there is time. */
function addNearSpellings(
  index: SearchIndex,
  candidates: Candidates,
  mistyped: string[],
  deadline: number,
): void {
  mistyped.sort((a, b) => b.length - a.length);
  for (const term of mistyped.slice(0, MAX_FUZZY_TERMS)) {
    // Near-spellings are looked up in the first half of the time budget only.
    if (performance.now() > deadline - SEARCH_BUDGET_MS / 2) break;
    // Two edits cost a hundred times more to look up than one: only the longest word gets them.
    const distance = term === mistyped[0] ? fuzzinessFor(term) : Math.min(1, fuzzinessFor(term));
    const found = [...index.vocabulary.fuzzyGet(term, distance)]
      .sort((a, b) => b[1][0] - a[1][0])
      .slice(0, MAX_FUZZY_VARIANTS);
    for (const [near, [n, distance]] of found) {
      // Weighed as MiniSearch weighs a fuzzy match.
      candidates.variant(near, term, (FUZZY_WEIGHT * term.length) / (term.length + distance), n);
    }
  }
}

/** The rarest terms first, as many as fit in {@link MAX_POSTINGS}. */
function withinPostings(candidates: { term: string; cost: number }[]): string[] {
  candidates.sort((a, b) => a.cost - b.cost);
  const queries: string[] = [];
  let postings = 0;
  for (const c of candidates) {
    // A term in too many passages (at library scale) is left out; a query of nothing but such
    // terms is answered by the verbatim scan.
    if (c.cost === 0 || postings + c.cost > MAX_POSTINGS) continue;
    postings += c.cost;
    queries.push(c.term);
  }
  return queries;
}
