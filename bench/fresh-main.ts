/**
 * Memory and build time at one size alone, each index in a fresh process, the engines taking turns
 * (what `npm run bench` measures per size, see memory.ts), without the rest of the bench:
 * `node --expose-gc --import tsx bench/fresh-main.ts [PASSAGES] [RUNS]`.
 */
import { DEFAULT_SEED } from './corpus.js';
import { measureFresh } from './memory.js';

const size = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const result = await measureFresh(size, DEFAULT_SEED, runs, (line) => process.stderr.write(`${line}\n`));
console.log(JSON.stringify(result, null, 2));
