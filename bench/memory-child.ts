/**
 * One fresh process, one index: `node --expose-gc --import tsx bench/memory-child.ts ENGINE SIZE SEED`
 * generates the corpus, collects garbage, builds the index (timed), collects garbage again and prints
 * the figures as one JSON line (engine `ours-mini`: see below). Run by memory.ts, once per engine and run, so that each index is
 * measured from the same starting point: nothing left from another index or from earlier searches.
 */
import { benchCorpus } from './corpus.js';
import { baseline, ours } from './search-engines.js';
import { canGc, gc, time } from './stats.js';

const [engineName, sizeArg, seedArg] = process.argv.slice(2);
// `ours-mini`: our index with everything beside its MiniSearch let go of before the measurement, to
// tell what MiniSearch itself holds with our fields and terms from what the structures beside it add.
const oursMiniOnly = { build: (passages: Parameters<typeof ours.build>[0]) => ours.build(passages).mini };
const engine =
  engineName === 'ours'
    ? ours
    : engineName === 'baseline'
      ? baseline
      : engineName === 'ours-mini'
        ? oursMiniOnly
        : null;
if (!engine || !canGc()) {
  console.error(
    'usage: node --expose-gc --import tsx bench/memory-child.ts ours|ours-mini|baseline SIZE SEED',
  );
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
