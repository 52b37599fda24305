/** Small statistics and timing helpers shared by the benchmarks. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** A figure measured over repeated runs: the median, with the spread across runs. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Lower and upper quartile across runs. */
  readonly q1: number;
  readonly q3: number;
  /** Number of runs. */
  readonly runs: number;
}

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest value such that at least p%
 * of the values are at or below it. `percentile(xs, 100)` is the maximum. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = isSorted(values) ? values : [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
}

function isSorted(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) < (xs[i - 1] as number)) return false;
  return true;
}

/** The median (the mean of the two middle values for an even count). NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Quantile with linear interpolation between closest ranks (q in 0–1), for quartiles of few runs. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Median and spread of a figure measured once per run. */
export function summarize(values: readonly number[]): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN, q1: NaN, q3: NaN, runs: 0 };
  const s = [...values].sort((a, b) => a - b);
  return {
    median: median(s),
    min: s[0] as number,
    max: s[s.length - 1] as number,
    q1: quantile(s, 0.25),
    q3: quantile(s, 0.75),
    runs: s.length,
  };
}

/** Rounds for reports: 3 significant decimals below 10, fewer above. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  const digits = Math.abs(x) < 1 ? 4 : Math.abs(x) < 10 ? 3 : Math.abs(x) < 1000 ? 2 : 0;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A spread with every figure rounded by {@link round}. */
export function roundSpread(s: Spread): Spread {
  return {
    median: round(s.median),
    min: round(s.min),
    max: round(s.max),
    q1: round(s.q1),
    q3: round(s.q3),
    runs: s.runs,
  };
}

/** Runs `fn` once and returns its result with the elapsed milliseconds. */
export function time<T>(fn: () => T): { result: T; ms: number } {
  const start = process.hrtime.bigint();
  const result = fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Whether the process runs with `--expose-gc`. */
export function canGc(): boolean {
  return typeof globalThis.gc === 'function';
}

/** Full garbage collection when available (`node --expose-gc`); otherwise does nothing. */
export function gc(): void {
  const collect = globalThis.gc;
  if (typeof collect === 'function') {
    // Twice: the first pass can leave objects whose finalisers free more.
    collect();
    collect();
  }
}

/**
 * The longest event-loop delay seen while `fn` runs (ms), with `perf_hooks.monitorEventLoopDelay`:
 * a cross-check of "longest block" figures measured by timing each synchronous call, as the
 * histogram sees any block, whatever caused it (a search, or a GC pause during it).
 */
export async function eventLoopMaxDelayMs(fn: () => Promise<void>, resolution = 1): Promise<number> {
  const h = monitorEventLoopDelay({ resolution });
  h.enable();
  try {
    await fn();
  } finally {
    h.disable();
  }
  return h.max / 1e6;
}

/** Yields to the event loop, so that timers and the delay monitor get to run. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
