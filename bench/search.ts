/**
 * Search benchmark: our index against a plain MiniSearch set-up, at 100, 10,000 and 100,000 passages.
 *
 * For each size and engine, repeated runs measure: index build time; the time to restore a complete,
 * usable index from its saved form; heap and RSS growth from building (after GC); query latency
 * (p50, p99, max) and MRR@25 per query type; and the longest single search (the longest the event
 * loop is blocked by one search), over the generated queries and a set of hostile ones.
 *
 * Our engine is called exactly as the bot calls it: `searchPassages(index, typed, { limit: 25 })` is
 * both /quote's autocomplete (src/render/quote.ts, quoteChoices) and /quote's search (findHits).
 * The as-you-type queries are therefore the autocomplete figures.
 *
 * Each run draws a fresh query sample (seeded by size and run), so the spread across runs covers
 * both timing noise and sampling. Every figure is reported as the median over runs, with min–max
 * and quartiles.
 */
import type { Passage } from '../src/content/types.js';
import { benchCorpus, DEFAULT_SEED } from './corpus.js';
import { benchFloor, type FloorResult } from './floor.js';
import { measureFresh, type FreshResult } from './memory.js';
import { generateQueries, hostileQueries, QUERY_TYPES, type BenchQuery, type QueryType } from './queries.js';
import {
  canGc,
  eventLoopMaxDelayMs,
  gc,
  percentile,
  roundSpread,
  summarize,
  tick,
  time,
  type Spread,
} from './stats.js';
import { baseline, ours, RESULT_LIMIT, type Engine, type EngineName } from './search-engines.js';

export { ENGINES, RESULT_LIMIT, type EngineName } from './search-engines.js';

export const SIZES = [100, 10_000, 100_000] as const;

export interface QueryTypeResult {
  /** Queries of this type per run. */
  readonly n: number;
  /** Latency in ms. */
  readonly p50: Spread;
  readonly p99: Spread;
  readonly max: Spread;
  /** Mean reciprocal rank of the passage the query was made from, within the top 25 (0 if absent). */
  readonly mrr25: Spread;
}

export interface EngineResult {
  readonly engine: EngineName;
  /** Builds, loads and query passes measured. */
  readonly runs: number;
  readonly buildMs: Spread;
  /** Time to restore a complete, usable index from its saved text (parse included). */
  readonly loadMs: Spread;
  /** Size of the saved text, in millions of characters (MB for ASCII). */
  readonly savedMB: number;
  /** Heap growth from building the index, after GC (MB). NaN without --expose-gc. */
  readonly heapMB: Spread;
  /** RSS growth from building the index, after GC (MB): noisy, as the heap rarely shrinks. */
  readonly rssMB: Spread;
  /** Process RSS with the index built, after GC (MB). */
  readonly rssTotalMB: Spread;
  readonly queries: Readonly<Record<QueryType, QueryTypeResult>>;
  /** The longest single search over every generated and hostile query of a run (ms). */
  readonly worstBlockMs: Spread;
  /** Hostile queries timed per run (0 where skipped: the plain MiniSearch at 10,000 in quick mode). */
  readonly hostileQueries: number;
  /**
   * Cross-check of the above, first run only, ours only: the longest event-loop delay seen by
   * `monitorEventLoopDelay` while the hostile and 100 generated queries ran, one per macrotask.
   */
  readonly eventLoopMaxMs: number | null;
  /** The query behind the longest search of the slowest run. */
  readonly worstQuery: string;
  /** The slowest hostile queries of the slowest run, slowest first (empty if not run). */
  readonly slowestHostile: readonly { readonly query: string; readonly ms: number }[];
  /** Whether the index loaded from its saved form gave the same results as the one built. */
  readonly loadedMatchesBuilt: boolean;
}

export interface SizeResult {
  readonly passages: number;
  /** Queries of each type per run, for our engine (the baseline's own count is in its results). */
  readonly queriesPerType: number;
  readonly ours: EngineResult;
  /** Null where skipped: at 100,000 passages in quick mode (it alone would take over a minute). */
  readonly baseline: EngineResult | null;
  /** The brute-force scan (floor.ts), on our engine's as-you-type queries of each run. */
  readonly floor: FloorResult;
  /** Build time and memory of each index in a fresh process (memory.ts). */
  readonly fresh: FreshResult;
}

export interface SearchBenchResult {
  readonly quick: boolean;
  readonly seed: number;
  readonly node: string;
  /** The query types, in order. `prefix` is as-you-type: what autocomplete searches. */
  readonly queryTypes: readonly QueryType[];
  /** Whether memory figures were taken after a forced GC (node --expose-gc). */
  readonly gcExposed: boolean;
  /** How each engine is called. */
  readonly calls: Readonly<Record<EngineName, string>>;
  readonly sizes: readonly SizeResult[];
  readonly wallMs: number;
}

export interface SearchBenchOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
  /** Only these sizes (default {@link SIZES}). */
  readonly sizes?: readonly number[];
  readonly seed?: number;
}

/** How much to measure for one engine at one size. */
interface Plan {
  readonly runs: number;
  readonly perType: number;
  /** Whether to time the hostile queries (the plain MiniSearch takes seconds on some at 100k). */
  readonly hostile: boolean;
}

/**
 * Runs and queries per size and engine. The plain MiniSearch is slow on large corpora (about 0.3 s
 * a query and 30 s for the hostile set at 100k), so it gets fewer; in quick mode it is skipped at
 * 100k, and its hostile queries at 10k.
 */
function plan(size: number, engine: EngineName, quick: boolean): Plan | null {
  if (engine === 'ours') {
    if (quick) return { runs: size >= 100_000 ? 1 : 3, perType: size >= 100_000 ? 100 : 150, hostile: true };
    return { runs: size >= 100_000 ? 3 : 5, perType: 300, hostile: true };
  }
  if (quick) {
    if (size >= 100_000) return null;
    return size > 100 ? { runs: 1, perType: 15, hostile: false } : { runs: 3, perType: 100, hostile: true };
  }
  if (size >= 100_000) return { runs: 1, perType: 25, hostile: true };
  return size > 100 ? { runs: 3, perType: 50, hostile: true } : { runs: 5, perType: 300, hostile: true };
}

interface RunFigures {
  buildMs: number;
  loadMs: number;
  savedMB: number;
  heapMB: number;
  rssMB: number;
  rssTotalMB: number;
  latencies: Record<QueryType, number[]>;
  reciprocal: Record<QueryType, number[]>;
  worstMs: number;
  worstQuery: string;
  hostile: { query: string; ms: number }[];
  loadedMatchesBuilt: boolean;
  eventLoopMaxMs: number | null;
}

function byType<T>(make: () => T): Record<QueryType, T> {
  return Object.fromEntries(QUERY_TYPES.map((t) => [t, make()])) as Record<QueryType, T>;
}

/** Saves and restores the index; on request, checks the restored one answers as the built one. */
function saveAndLoad<I>(
  engine: Engine<I>,
  index: I,
  corpus: readonly Passage[],
  check: readonly string[],
): { loadMs: number; savedMB: number; same: boolean } {
  const saved = engine.save(index);
  const { result: loaded, ms: loadMs } = time(() => engine.load(saved, corpus));
  const same = check.every((q) => engine.search(index, q).join(' ') === engine.search(loaded, q).join(' '));
  return { loadMs, savedMB: saved.length / 2 ** 20, same };
}

async function runOnce<I>(
  engine: Engine<I>,
  corpus: readonly Passage[],
  queries: readonly BenchQuery[],
  hostile: readonly string[],
  check: readonly string[],
  watchLoop: boolean,
): Promise<RunFigures> {
  gc();
  const before = process.memoryUsage();
  const { result: index, ms: buildMs } = time(() => engine.build(corpus));
  gc();
  const after = process.memoryUsage();
  const { loadMs, savedMB, same } = saveAndLoad(engine, index, corpus, check);

  const latencies = byType<number[]>(() => []);
  const reciprocal = byType<number[]>(() => []);
  let worstMs = 0;
  let worstQuery = '';
  for (const q of queries) {
    const { result: ids, ms } = time(() => engine.search(index, q.text));
    latencies[q.type].push(ms);
    const rank = ids.indexOf(q.expect) + 1;
    reciprocal[q.type].push(rank > 0 && rank <= RESULT_LIMIT ? 1 / rank : 0);
    if (ms > worstMs) {
      worstMs = ms;
      worstQuery = q.text;
    }
  }
  const hostileTimes = hostile.map((query) => ({ query, ms: time(() => engine.search(index, query)).ms }));
  for (const h of hostileTimes) {
    if (h.ms > worstMs) {
      worstMs = h.ms;
      worstQuery = h.query;
    }
  }
  const eventLoopMaxMs = watchLoop
    ? await eventLoopMaxDelayMs(async () => {
        for (const q of [...hostile, ...queries.slice(0, 100).map((x) => x.text)]) {
          engine.search(index, q);
          await tick();
        }
      })
    : null;
  return {
    buildMs,
    loadMs,
    savedMB,
    heapMB: canGc() ? (after.heapUsed - before.heapUsed) / 2 ** 20 : Number.NaN,
    rssMB: (after.rss - before.rss) / 2 ** 20,
    rssTotalMB: after.rss / 2 ** 20,
    latencies,
    reciprocal,
    worstMs,
    worstQuery,
    hostile: hostileTimes.sort((a, b) => b.ms - a.ms).slice(0, 5),
    loadedMatchesBuilt: same,
    eventLoopMaxMs,
  };
}

const spread = (xs: readonly number[]) => roundSpread(summarize(xs));
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

/** The queries of run `run` at a corpus size: the same for both engines, a fresh sample per run. */
function runQueries(corpus: readonly Passage[], perType: number, seed: number, run: number): BenchQuery[] {
  return generateQueries(corpus, perType, seed + corpus.length * 101 + run);
}

async function benchEngine<I>(
  engine: Engine<I>,
  corpus: readonly Passage[],
  p: Plan,
  seed: number,
  log: (line: string) => void,
): Promise<EngineResult> {
  const started = performance.now();
  const hostile = p.hostile ? hostileQueries(corpus) : [];
  // Warm-up: let the JIT compile the search paths before anything is timed.
  const sample = corpus.slice(0, Math.min(corpus.length, 2000));
  const warm = engine.build(sample);
  const warmQueries = engine.name === 'ours' ? 30 : 5;
  for (const q of generateQueries(sample, warmQueries, seed ^ 0xabc)) engine.search(warm, q.text);
  if (p.hostile) for (const q of hostileQueries(sample)) engine.search(warm, q);

  const runs: RunFigures[] = [];
  for (let r = 0; r < p.runs; r++) {
    const queries = runQueries(corpus, p.perType, seed, r);
    // The first run checks that the saved index, once loaded, answers as the built one.
    // (A few only for the plain MiniSearch, whose searches take up to seconds.)
    const checks = engine.name === 'ours' ? 40 : 5;
    const check =
      r === 0
        ? [...queries.slice(0, checks), ...hostile.slice(0, checks / 4)].map((q) =>
            typeof q === 'string' ? q : q.text,
          )
        : [];
    const f = await runOnce(engine, corpus, queries, hostile, check, r === 0 && engine.name === 'ours');
    runs.push(f);
    const mrr = QUERY_TYPES.map((t) => `${t} ${mean(f.reciprocal[t]).toFixed(3)}`).join(', ');
    log(
      `search ${corpus.length} ${engine.name} run ${r + 1}/${p.runs}: build ${f.buildMs.toFixed(0)} ms, ` +
        `load ${f.loadMs.toFixed(0)} ms, heap +${f.heapMB.toFixed(1)} MB, ` +
        `prefix p50 ${percentile(f.latencies.prefix, 50).toFixed(2)} ms ` +
        `p99 ${percentile(f.latencies.prefix, 99).toFixed(2)} ms, worst ${f.worstMs.toFixed(1)} ms ` +
        `("${clip(f.worstQuery)}")` +
        (f.eventLoopMaxMs === null ? '' : `, event-loop delay max ${f.eventLoopMaxMs.toFixed(1)} ms`) +
        `; MRR@25 ${mrr}`,
    );
  }
  log(
    `search ${corpus.length} ${engine.name}: ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
  );
  const slowest = runs.reduce((a, b) => (b.worstMs > a.worstMs ? b : a));
  return {
    engine: engine.name,
    runs: runs.length,
    buildMs: spread(runs.map((f) => f.buildMs)),
    loadMs: spread(runs.map((f) => f.loadMs)),
    savedMB: Math.round((runs[0]?.savedMB ?? 0) * 10) / 10,
    heapMB: spread(runs.map((f) => f.heapMB)),
    rssMB: spread(runs.map((f) => f.rssMB)),
    rssTotalMB: spread(runs.map((f) => f.rssTotalMB)),
    queries: byTypeResult(runs),
    worstBlockMs: spread(runs.map((f) => f.worstMs)),
    hostileQueries: hostile.length,
    eventLoopMaxMs: runs[0]?.eventLoopMaxMs ?? null,
    worstQuery: clip(slowest.worstQuery),
    slowestHostile: slowest.hostile.map((h) => ({ query: clip(h.query), ms: Math.round(h.ms * 100) / 100 })),
    loadedMatchesBuilt: runs[0]?.loadedMatchesBuilt ?? false,
  };
}

function byTypeResult(runs: readonly RunFigures[]): Record<QueryType, QueryTypeResult> {
  return Object.fromEntries(
    QUERY_TYPES.map((t) => [
      t,
      {
        n: runs[0]?.latencies[t].length ?? 0,
        p50: spread(runs.map((f) => percentile(f.latencies[t], 50))),
        p99: spread(runs.map((f) => percentile(f.latencies[t], 99))),
        max: spread(runs.map((f) => percentile(f.latencies[t], 100))),
        mrr25: spread(runs.map((f) => mean(f.reciprocal[t]))),
      },
    ]),
  ) as Record<QueryType, QueryTypeResult>;
}

/** Fresh-process builds per engine (memory.ts): each at 100,000 passages takes about 40 s. */
function freshRuns(size: number, quick: boolean): number {
  if (quick) return 1;
  return size >= 100_000 ? 2 : 3;
}

/**
 * Runs the search benchmark. `quick` keeps all three sizes for our engine, with fewer runs and
 * queries, and skips the plain MiniSearch at 100,000 passages (see {@link plan}).
 */
export async function runSearchBench(opts: SearchBenchOptions): Promise<SearchBenchResult> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!canGc()) opts.log('search: no global.gc (run node with --expose-gc): memory figures are rough');
  const sizes: SizeResult[] = [];
  for (const size of opts.sizes ?? SIZES) {
    const { result: corpus, ms } = time(() => benchCorpus(size, seed));
    opts.log(`search ${size}: corpus generated in ${ms.toFixed(0)} ms`);
    const oursPlan = plan(size, 'ours', opts.quick) as Plan;
    const oursResult = await benchEngine(ours, corpus, oursPlan, seed, opts.log);
    await tick(); // lets the log flush between long synchronous stretches
    const basePlan = plan(size, 'baseline', opts.quick);
    const baseResult = basePlan ? await benchEngine(baseline, corpus, basePlan, seed, opts.log) : null;
    if (!basePlan) opts.log(`search ${size}: plain MiniSearch skipped in quick mode`);
    await tick(); // lets the log flush between long synchronous stretches
    const floor = benchFloor(
      corpus,
      Array.from({ length: oursPlan.runs }, (_, r) =>
        runQueries(corpus, oursPlan.perType, seed, r)
          .filter((q) => q.type === 'prefix')
          .map((q) => q.text),
      ),
    );
    opts.log(`search ${size} scan (floor): p50 ${floor.p50.median} ms, p99 ${floor.p99.median} ms`);
    const fresh = await measureFresh(size, seed, freshRuns(size, opts.quick), opts.log);
    sizes.push({
      passages: size,
      queriesPerType: oursPlan.perType,
      ours: oursResult,
      baseline: baseResult,
      floor,
      fresh,
    });
  }
  return {
    quick: opts.quick,
    seed,
    node: process.version,
    queryTypes: QUERY_TYPES,
    gcExposed: canGc(),
    calls: { ours: ours.call, baseline: baseline.call },
    sizes,
    wallMs: Math.round(performance.now() - started),
  };
}
