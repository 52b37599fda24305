/**
 * Scoring a planned search: exactly what MiniSearch's `search` computes for an OR of exact terms
 * (BM25 for each term in each field, times the term's boost and the field's, summed, times the
 * number of terms a passage matched), read straight from MiniSearch's inverted index.
 *
 * Why not `search` itself: it builds an object per passage per term, merges them query by query,
 * and sorts every result, which is most of a search's time on a large library (the bench's profile
 * put 40% of an as-you-type search at 100,000 passages in it). Here each posting is one addition
 * into a reused array. The index's private fields are read through one checked accessor: should a
 * MiniSearch release change them, `search` is used as before (tests/core/search/score.test.ts
 * compares the two on every kind of query, and checks that this path is the one taken).
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';

/** The terms of one sub-query, all searched in the same fields with the same field boosts. */
export interface TermGroup {
  readonly terms: readonly string[];
  /** Boost of a match in each field (absent: 1), as MiniSearch's `boost` search option. */
  readonly fieldBoost?: Readonly<Record<string, number>>;
}

export interface ScoreOptions {
  /** The fields searched, in MiniSearch's order for them. */
  readonly fields: readonly string[];
  /** Each term's boost, as MiniSearch's `boostTerm` search option. */
  readonly termBoost: (term: string) => number;
  /** Keeps a result, as MiniSearch's `filter` search option. */
  readonly filter?: (id: string) => boolean;
}

/** The MiniSearch 7 fields read here (see the module comment). */
interface Internals {
  readonly _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _fieldLength: Map<number, readonly number[]>;
  readonly _avgFieldLength: readonly number[];
  readonly _documentCount: number;
  readonly _documentIds: Map<number, unknown>;
  readonly _nextId: number;
  /** Passages discarded but still in the postings. */
  readonly _dirtCount: number;
}

/** MiniSearch's default BM25 parameters, which the index uses. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** The index's private fields, or null if they are not what this module reads. */
export function internalsOf(mini: AnyMiniSearch): Internals | null {
  const m = mini as unknown as Partial<Internals>;
  const ok =
    typeof m._index?.get === 'function' &&
    typeof m._fieldIds === 'object' &&
    m._fieldLength instanceof Map &&
    Array.isArray(m._avgFieldLength) &&
    typeof m._documentCount === 'number' &&
    m._documentIds instanceof Map &&
    typeof m._nextId === 'number' &&
    typeof m._dirtCount === 'number';
  return ok ? (m as Internals) : null;
}

/** Per-passage sums, kept between searches of one index and reset after each: no allocation. */
interface Scratch {
  /**
   * Per field, each passage's BM25 length term, `k × (1 − b + b × length ÷ average length)`, as
   * MiniSearch works it out for every posting; and what it was worked out from.
   */
  readonly norms: Map<number, Float64Array>;
  /** What the scratch was made for: an index with other passages gets a new one. */
  readonly made: { readonly fieldLength: object; readonly nextId: number; readonly documentCount: number };
  readonly groupSum: Float64Array[];
  readonly termSum: Float64Array;
  /** Bit g: touched by group g's terms; bit 7: by the current term. */
  readonly seen: Uint8Array;
  readonly matched: (string[] | undefined)[];
}

const scratches = new WeakMap<object, Scratch>();

function scratchFor(mini: object, ix: Internals, groups: number): Scratch {
  const size = ix._nextId;
  let s = scratches.get(mini);
  const same =
    s?.made.fieldLength === ix._fieldLength &&
    s.made.nextId === size &&
    s.made.documentCount === ix._documentCount &&
    s.groupSum.length >= groups;
  if (!s || !same) {
    s = {
      norms: new Map(),
      made: { fieldLength: ix._fieldLength, nextId: size, documentCount: ix._documentCount },
      groupSum: Array.from({ length: Math.max(groups, 2) }, () => new Float64Array(size)),
      termSum: new Float64Array(size),
      seen: new Uint8Array(size),
      matched: new Array<string[] | undefined>(size),
    };
    scratches.set(mini, s);
  }
  return s;
}

/** The field's length terms (see Scratch), worked out at the first search that reads the field. */
function normsFor(ix: Internals, s: Scratch, fieldId: number): Float64Array {
  let norms = s.norms.get(fieldId);
  if (!norms) {
    norms = new Float64Array(s.seen.length);
    const avg = ix._avgFieldLength[fieldId] as number;
    for (const [doc, lengths] of ix._fieldLength) {
      const length = lengths[fieldId] as number;
      norms[doc] = BM25.k * (1 - BM25.b + (BM25.b * length) / avg);
    }
    s.norms.set(fieldId, norms);
  }
  return norms;
}

const NO_MATCH_INFO = Object.freeze({});

type AnyMiniSearch = MiniSearch<never> | MiniSearch<unknown>;

/**
 * The results of MiniSearch's `search({ combineWith: 'OR', queries: [group, …] }, options)` for
 * groups of exact terms (same passages, scores and matched terms; in no particular order), read
 * from the index directly when its fields are as expected, from `search` otherwise.
 */
export function scoreTerms(
  mini: AnyMiniSearch,
  groups: readonly TermGroup[],
  options: ScoreOptions,
): SearchResult[] {
  return scoreFromIndex(mini, groups, options) ?? searchTerms(mini, groups, options);
}

/** The same by MiniSearch's own `search`. */
export function searchTerms(
  mini: AnyMiniSearch,
  groups: readonly TermGroup[],
  options: ScoreOptions,
): SearchResult[] {
  const { filter } = options;
  const queries: Query[] = groups.map((g) => ({
    combineWith: 'OR',
    queries: [...g.terms],
    ...(g.fieldBoost && { boost: g.fieldBoost }),
  }));
  return (mini as MiniSearch).search(
    { combineWith: 'OR', queries },
    {
      fields: [...options.fields],
      tokenize: (t) => [t],
      processTerm: (t) => t,
      boostTerm: options.termBoost,
      ...(filter && { filter: (r: SearchResult) => filter(r.id as string) }),
    },
  );
}

/** The same read from the index, or null when its fields are not what this module reads. */
export function scoreFromIndex(
  mini: AnyMiniSearch,
  groups: readonly TermGroup[],
  options: ScoreOptions,
): SearchResult[] | null {
  const ix = internalsOf(mini);
  // A discarded passage stays in the postings until MiniSearch vacuums them, and search skips it
  // (never so here: the index is built, never changed).
  if (!ix || ix._dirtCount > 0 || groups.length > 7) return null;
  const s = scratchFor(mini, ix, groups.length);
  const firstSeen: number[][] = groups.map(() => []);
  const termTouched: number[] = [];
  try {
    scoreGroups(ix, s, groups, options, { firstSeen, termTouched });
    return collect(ix, s, groups.length, firstSeen, options.filter);
  } catch (error) {
    // A boost or filter that throws must not leave sums behind for the next search.
    for (const docs of [...firstSeen, termTouched])
      for (const doc of docs) {
        s.seen[doc] = 0;
        s.matched[doc] = undefined;
      }
    throw error;
  }
}

/** Adds every posting of the groups' terms into the scratch (see scoreFromIndex). */
function scoreGroups(
  ix: Internals,
  s: Scratch,
  groups: readonly TermGroup[],
  options: ScoreOptions,
  touched: { readonly firstSeen: number[][]; readonly termTouched: number[] },
): void {
  const { firstSeen, termTouched } = touched;
  // Each field once, as MiniSearch's boosts object has it.
  const fields = [...new Set(options.fields)];
  groups.forEach((group, g) => {
    const sum = s.groupSum[g] as Float64Array;
    const bit = 1 << g;
    for (const term of group.terms) {
      const data = ix._index.get(term);
      if (!data) continue;
      const boost = options.termBoost(term);
      for (const field of fields) {
        const fieldId = ix._fieldIds[field];
        const postings = fieldId === undefined ? undefined : data.get(fieldId);
        if (fieldId === undefined || !postings) continue;
        // As MiniSearch: a field boost of 0 (or none) counts as 1.
        const weight = boost * (group.fieldBoost?.[field] || 1);
        const idf = Math.log(1 + (ix._documentCount - postings.size + 0.5) / (postings.size + 0.5));
        const norms = normsFor(ix, s, fieldId);
        for (const [doc, tf] of postings) {
          const bm25 = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + (norms[doc] as number)));
          const seen = s.seen[doc] as number;
          if (seen & 0x80) s.termSum[doc] = (s.termSum[doc] as number) + weight * bm25;
          else {
            s.seen[doc] = seen | 0x80;
            s.termSum[doc] = weight * bm25;
            termTouched.push(doc);
            const terms = (s.matched[doc] ??= []);
            if (!terms.includes(term)) terms.push(term);
          }
        }
      }
      // The term's sum is added to the group's, as MiniSearch merges one term's results at a time.
      for (const doc of termTouched) {
        const seen = (s.seen[doc] as number) & 0x7f;
        if (seen & bit) sum[doc] = (sum[doc] as number) + (s.termSum[doc] as number);
        else {
          sum[doc] = s.termSum[doc] as number;
          // Groups are scored in order: a passage no group has seen yet is new.
          if (seen === 0) (firstSeen[g] as number[]).push(doc);
        }
        s.seen[doc] = seen | bit;
      }
      termTouched.length = 0;
    }
  });
}

/**
 * The results in the order first seen (unsorted: the caller ranks them its own way), and the
 * scratch reset.
 */
function collect(
  ix: Internals,
  s: Scratch,
  groups: number,
  firstSeen: readonly number[][],
  filter: ((id: string) => boolean) | undefined,
): SearchResult[] {
  const results: SearchResult[] = [];
  for (const docs of firstSeen)
    for (const doc of docs) {
      const seen = s.seen[doc] as number;
      let score = 0;
      let first = true;
      for (let g = 0; g < groups; g++) {
        if (!(seen & (1 << g))) continue;
        const part = (s.groupSum[g] as Float64Array)[doc] as number;
        score = first ? part : score + part;
        first = false;
      }
      const terms = s.matched[doc] as string[];
      s.seen[doc] = 0;
      s.matched[doc] = undefined;
      const id = ix._documentIds.get(doc) as string;
      if (filter && !filter(id)) continue;
      results.push({
        id,
        score: score * (terms.length || 1),
        terms,
        queryTerms: terms,
        match: NO_MATCH_INFO,
      });
    }
  return results;
}
