/**
 * The search and class-typing targets of the bench, as ratios between figures measured in the same
 * run: absolute times differ between machines (the same bench gave a 10,000-passage autocomplete p50
 * of 2.5 ms on one 2-core machine and 3.9 ms on another), a ratio to a floor or a peer measured
 * alongside much less. Search quality (MRR@25) and the longest single search keep absolute limits.
 *
 * {@link searchTargets} is pure: it computes PASS/MISS from the figures given, which
 * {@link targetFigures} reads out of a bench run.
 */
import type { EndToEndResult } from './e2e.js';
import type { QueryType } from './queries.js';
import { check, ratioCheck, type TargetCheck } from './report.js';
import type { SearchBenchResult } from './search.js';

/** The sizes at which the ratio targets are judged. */
export const RATIO_SIZES = [10_000, 100_000] as const;
/** The size at which memory and build time are compared. */
export const MEMORY_SIZE = 100_000;
/** Autocomplete p99 must be at least this many times lower than the plain MiniSearch's. */
export const PEER_P99_FACTOR = 20;
/** A class typing (30 students, one autocomplete each per 200 ms): p99 at most this × one student's. */
export const CLASS_P99_FACTOR = 3;
/** The longest single search, at every size (ms). */
export const LONGEST_SEARCH_MS = 50;
export const MRR_LIMITS: readonly {
  readonly type: QueryType;
  readonly label: string;
  readonly limit: number;
}[] = [
  { type: 'fragment', label: 'fragments', limit: 0.95 },
  { type: 'typo', label: 'one-typo', limit: 0.85 },
  { type: 'prefix', label: 'as-you-type', limit: 0.9 },
];

/** Medians of one size, as the targets need them; NaN for a figure not measured in this run. */
export interface SizeFigures {
  readonly passages: number;
  /** Our autocomplete (as-you-type queries), ms. */
  readonly autocompleteP50: number;
  readonly autocompleteP99: number;
  /** The brute-force scan on the same queries, ms. */
  readonly scanP50: number;
  /** Plain MiniSearch's as-you-type p99, ms. */
  readonly baselineP99: number;
  /** RSS with the index, each built in a fresh process, after GC (MB). */
  readonly rssMB: number;
  readonly baselineRssMB: number;
  /** Index build, each in a fresh process (ms). */
  readonly buildMs: number;
  readonly baselineBuildMs: number;
  readonly longestSearchMs: number;
  readonly mrr: Readonly<Partial<Record<QueryType, number>>>;
}

export interface TargetFigures {
  readonly sizes: readonly SizeFigures[];
  /** End to end, one student sending autocompletes back to back: p99, ms. */
  readonly oneStudentAutocompleteP99: number;
  /** End to end, 30 students each sending one autocomplete every 200 ms: p99, ms. */
  readonly classAutocompleteP99: number;
}

const count = (n: number) => n.toLocaleString('en');

export function searchTargets(f: TargetFigures): TargetCheck[] {
  const at = (n: number) => f.sizes.find((s) => s.passages === n);
  const checks: TargetCheck[] = [];
  for (const n of RATIO_SIZES) {
    const s = at(n);
    checks.push(
      ratioCheck(
        `autocomplete p50 ÷ brute-force scan p50, ${count(n)} passages`,
        s?.autocompleteP50 ?? NaN,
        s?.scanP50 ?? NaN,
        '<=',
        1,
        'ms',
      ),
      ratioCheck(
        `plain MiniSearch autocomplete p99 ÷ ours, ${count(n)} passages`,
        s?.baselineP99 ?? NaN,
        s?.autocompleteP99 ?? NaN,
        '>=',
        PEER_P99_FACTOR,
        'ms',
      ),
    );
  }
  const m = at(MEMORY_SIZE);
  checks.push(
    ratioCheck(
      `RSS with the index ÷ plain MiniSearch's, ${count(MEMORY_SIZE)} passages (fresh processes)`,
      m?.rssMB ?? NaN,
      m?.baselineRssMB ?? NaN,
      '<=',
      1,
      'MB',
    ),
    ratioCheck(
      `index build ÷ plain MiniSearch's, ${count(MEMORY_SIZE)} passages (fresh processes)`,
      m?.buildMs ?? NaN,
      m?.baselineBuildMs ?? NaN,
      '<=',
      1,
      'ms',
    ),
    ratioCheck(
      'autocomplete p99, 30 students one each 200 ms ÷ one student, end to end',
      f.classAutocompleteP99,
      f.oneStudentAutocompleteP99,
      '<=',
      CLASS_P99_FACTOR,
      'ms',
    ),
  );
  for (const s of f.sizes)
    checks.push(
      check(
        `longest single search, ${count(s.passages)} passages`,
        s.longestSearchMs,
        '<=',
        LONGEST_SEARCH_MS,
        'ms',
      ),
    );
  for (const { type, label, limit } of MRR_LIMITS)
    for (const s of f.sizes)
      checks.push(
        check(`MRR@25, ${label}, ${count(s.passages)} passages`, s.mrr[type] ?? NaN, '>=', limit, ''),
      );
  return checks;
}

/** The figures the targets need, out of a run's search and end-to-end results. */
export function targetFigures(search: SearchBenchResult, e2e: EndToEndResult): TargetFigures {
  return {
    sizes: search.sizes.map((s) => ({
      passages: s.passages,
      autocompleteP50: s.ours.queries.prefix.p50.median,
      autocompleteP99: s.ours.queries.prefix.p99.median,
      scanP50: s.floor.p50.median,
      baselineP99: s.baseline?.queries.prefix.p99.median ?? NaN,
      rssMB: s.fresh.ours.rssMB.median,
      baselineRssMB: s.fresh.baseline.rssMB.median,
      buildMs: s.fresh.ours.buildMs.median,
      baselineBuildMs: s.fresh.baseline.buildMs.median,
      longestSearchMs: s.ours.worstBlockMs.median,
      mrr: Object.fromEntries(MRR_LIMITS.map(({ type }) => [type, s.ours.queries[type].mrr25.median])),
    })),
    oneStudentAutocompleteP99: e2e.latency.autocomplete['1']?.p99.median ?? NaN,
    classAutocompleteP99: e2e.pacedAutocomplete.p99.median,
  };
}
