/**
 * Runs only the search benchmark and prints its JSON result:
 * `node --expose-gc --import tsx bench/search-main.ts [--quick] [--sizes=100,10000]`
 */
import { runSearchBench } from './search.js';

const quick = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const sizes = sizesArg?.slice('--sizes='.length).split(',').map(Number);
const started = performance.now();
const result = await runSearchBench({
  quick,
  log: (line) => {
    console.error(line);
  },
  ...(sizes && { sizes }),
});
console.log(JSON.stringify(result, null, 2));
console.error(`search bench: ${((performance.now() - started) / 1000).toFixed(1)} s wall`);
