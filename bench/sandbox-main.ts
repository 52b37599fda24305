/**
 * Runs only the sandbox benchmark and prints its JSON result:
 * `node --expose-gc --import tsx bench/sandbox-main.ts [--quick]`
 */
import { runSandboxBench } from './sandbox.js';

const started = performance.now();
const result = await runSandboxBench({
  quick: process.argv.includes('--quick'),
  log: (line) => {
    console.error(line);
  },
});
console.log(JSON.stringify(result, null, 2));
console.error(`sandbox bench: ${((performance.now() - started) / 1000).toFixed(1)} s wall`);
