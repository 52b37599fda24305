/**
 * One fresh process, one index: `node --expose-gc --import tsx bench/memory-child.ts ENGINE SIZE SEED`
 * generates the corpus, collects garbage, builds the index (timed), collects garbage again and prints
 * the figures as one JSON line. Run by memory.ts, once per engine and run, so that each index is
 * measured from the same starting point: nothing left from another index or from earlier searches.
 */
import { benchCorpus } from './corpus.js';
import { baseline, ours } from './search-engines.js';
import { canGc, gc, time } from './stats.js';

const [engineName, sizeArg, seedArg] = process.argv.slice(2);
const engine = engineName === 'ours' ? ours : engineName === 'baseline' ? baseline : null;
if (!engine || !canGc()) {
  console.error('usage: node --expose-gc --import tsx bench/memory-child.ts ours|baseline SIZE SEED');
  process.exit(2);
}
const corpus = benchCorpus(Number(sizeArg), Number(seedArg));
gc();
const before = process.memoryUsage();
const cpu0 = process.cpuUsage();
const { result: index, ms: buildMs } = time(() => (engine.build as (p: typeof corpus) => unknown)(corpus));
const cpu = process.cpuUsage(cpu0);
gc();
const after = process.memoryUsage();
const MB = 2 ** 20;
console.log(
  JSON.stringify({
    buildMs,
    buildCpuMs: (cpu.user + cpu.system) / 1000,
    rssMB: after.rss / MB,
    rssGrowthMB: (after.rss - before.rss) / MB,
    heapGrowthMB: (after.heapUsed - before.heapUsed) / MB,
    // Keeps the index reachable until after the measurement.
    held: index !== null,
  }),
);
