/**
 * Runs only the reload benchmark and prints its JSON result:
 * `node --import tsx bench/reload-main.ts [--quick]`
 */
import { runReloadBench } from './reload.js';

const result = await runReloadBench({
  quick: process.argv.includes('--quick'),
  log: (line) => {
    console.error(line);
  },
});
console.log(JSON.stringify(result, null, 2));
