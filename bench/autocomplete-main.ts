/**
 * Autocomplete (as-you-type) latency alone, ours beside a plain MiniSearch, over the same corpus and
 * queries as the search bench, in alternated passes:
 * `node --expose-gc --import tsx bench/autocomplete-main.ts [PASSAGES] [QUERIES] [PASSES] [--slowest]`.
 * Prints each pass's p50 and p99 (ms) per engine, the p99 ratio, and their medians.
 */
import { benchCorpus, DEFAULT_SEED } from './corpus.js';
import { generateQueries } from './queries.js';
import { baseline, ours, type Engine } from './search-engines.js';
import { percentile } from './stats.js';

const size = Number(process.argv[2] ?? 10_000);
const perType = Number(process.argv[3] ?? 300);
const passes = Number(process.argv[4] ?? 5);
const corpus = benchCorpus(size, DEFAULT_SEED);
const queries = generateQueries(corpus, perType, DEFAULT_SEED + size)
  .filter((q) => q.type === 'prefix')
  .map((q) => q.text);

function timings<I>(engine: Engine<I>, index: I): number[] {
  const ms: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    engine.search(index, q);
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}

const indexes = { ours: ours.build(corpus), baseline: baseline.build(corpus) };
// Warm both (JIT), as the bench does.
timings(ours, indexes.ours);
timings(baseline, indexes.baseline);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ratios: number[] = [];
const p99s: Record<string, number[]> = { ours: [], baseline: [] };
const p50s: Record<string, number[]> = { ours: [], baseline: [] };
for (let pass = 0; pass < passes; pass++) {
  const o = timings(ours, indexes.ours);
  const b = timings(baseline, indexes.baseline);
  const line = { ours: o, baseline: b };
  for (const e of ['ours', 'baseline'] as const) {
    p99s[e]?.push(percentile(line[e], 99));
    p50s[e]?.push(percentile(line[e], 50));
  }
  ratios.push(percentile(b, 99) / percentile(o, 99));
  console.log(
    `pass ${pass + 1}: ours p50 ${percentile(o, 50).toFixed(2)} p99 ${percentile(o, 99).toFixed(2)}; ` +
      `plain p50 ${percentile(b, 50).toFixed(2)} p99 ${percentile(b, 99).toFixed(2)}; ratio ${ratios.at(-1)?.toFixed(1)}`,
  );
}
console.log(
  `${size} passages, ${queries.length} as-you-type queries, ${passes} passes, medians: ours p50 ` +
    `${median(p50s.ours ?? []).toFixed(2)} p99 ${median(p99s.ours ?? []).toFixed(2)} ms; plain p50 ` +
    `${median(p50s.baseline ?? []).toFixed(2)} p99 ${median(p99s.baseline ?? []).toFixed(2)} ms; ` +
    `p99 ratio ${median(ratios).toFixed(1)}×`,
);
if (process.argv.includes('--slowest')) {
  const each = queries.map((q) => {
    const t = performance.now();
    ours.search(indexes.ours, q);
    return [performance.now() - t, q] as const;
  });
  each.sort((a, b) => b[0] - a[0]);
  for (const [ms, q] of each.slice(0, 12)) console.log(`${ms.toFixed(2)} ms  ${JSON.stringify(q)}`);
}
