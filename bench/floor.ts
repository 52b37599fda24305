/**
 * The physical floor of a search: a brute-force scan that lower-cases each query word and looks for
 * it with `indexOf` in every passage's text, lower-cased once beforehand (outside the timing). It has
 * no index to build or hold, no typo tolerance and no ranking beyond counting the words found; its
 * cost grows with the corpus, one `indexOf` per word per passage. An index earns its keep when it
 * answers at least as fast as this.
 *
 * Timed on the same as-you-type queries as our autocomplete (the same sample per run, see search.ts).
 */
import type { Passage } from '../src/content/types.js';
import { RESULT_LIMIT } from './search-engines.js';
import { percentile, roundSpread, summarize, time, type Spread } from './stats.js';

/** The passages' texts, lower-cased once, with their ids. */
export interface ScanCorpus {
  readonly ids: readonly string[];
  readonly texts: readonly string[];
}

export function prepareScan(passages: readonly Passage[]): ScanCorpus {
  return { ids: passages.map((p) => p.id), texts: passages.map((p) => p.text.toLowerCase()) };
}

/** A query's words, lower-cased: split on anything that is not a letter, digit or apostrophe. */
export function scanWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0);
}

/**
 * Scans every passage for every query word and returns the ids of the (at most {@link RESULT_LIMIT})
 * passages holding the most of them, most first; among equals, corpus order.
 */
export function scanSearch(corpus: ScanCorpus, query: string, limit = RESULT_LIMIT): string[] {
  const queryWords = scanWords(query);
  const topIds: string[] = [];
  const topCounts: number[] = [];
  const { ids, texts } = corpus;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    let found = 0;
    for (const w of queryWords) if (text.indexOf(w) !== -1) found++;
    if (found === 0) continue;
    if (topIds.length === limit && found <= (topCounts[limit - 1] as number)) continue;
    // Insertion into the short sorted list of the best so far.
    let at = topCounts.length;
    while (at > 0 && (topCounts[at - 1] as number) < found) at--;
    topIds.splice(at, 0, ids[i] as string);
    topCounts.splice(at, 0, found);
    if (topIds.length > limit) {
      topIds.pop();
      topCounts.pop();
    }
  }
  return topIds;
}

export interface FloorResult {
  /** Queries per run (the as-you-type sample of each run). */
  readonly n: number;
  readonly runs: number;
  /** Latency in ms. */
  readonly p50: Spread;
  readonly p99: Spread;
  readonly max: Spread;
  /** Time to lower-case the texts once (not part of the latencies). */
  readonly prepareMs: number;
}

/**
 * Times the scan over each run's queries (one array of query texts per run), after a warm-up pass
 * over the first run's, so the JIT has compiled it as it has our search.
 */
export function benchFloor(
  passages: readonly Passage[],
  queriesPerRun: readonly (readonly string[])[],
): FloorResult {
  const { result: corpus, ms: prepareMs } = time(() => prepareScan(passages));
  for (const q of (queriesPerRun[0] ?? []).slice(0, 30)) scanSearch(corpus, q);
  const p50: number[] = [];
  const p99: number[] = [];
  const max: number[] = [];
  for (const queries of queriesPerRun) {
    const ms = queries.map((q) => time(() => scanSearch(corpus, q)).ms);
    p50.push(percentile(ms, 50));
    p99.push(percentile(ms, 99));
    max.push(percentile(ms, 100));
  }
  return {
    n: queriesPerRun[0]?.length ?? 0,
    runs: queriesPerRun.length,
    p50: roundSpread(summarize(p50)),
    p99: roundSpread(summarize(p99)),
    max: roundSpread(summarize(max)),
    prepareMs: Math.round(prepareMs),
  };
}
