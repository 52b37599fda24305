/**
 * Memory and build time of each index, measured fairly: every index is built in a fresh child
 * process (bench/memory-child.ts) over the same generated corpus, after a full GC, and measured after
 * another, the engines taking turns. Measured in the bench's own process instead, the second index
 * would start from a heap the first one grew, and RSS rarely shrinks.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EngineName } from './search-engines.js';
import { roundSpread, summarize, type Spread } from './stats.js';

const run = promisify(execFile);

export interface FreshFigures {
  readonly runs: number;
  readonly buildMs: Spread;
  /** CPU time of the build (every thread of the child, GC included): what other work on the machine barely moves. */
  readonly buildCpuMs: Spread;
  /** The child's RSS with the corpus and the index, after GC (MB). */
  readonly rssMB: Spread;
  /** RSS and heap growth from building the index, after GC (MB). */
  readonly rssGrowthMB: Spread;
  readonly heapGrowthMB: Spread;
}

export interface FreshResult {
  readonly ours: FreshFigures;
  readonly baseline: FreshFigures;
}

interface ChildFigures {
  readonly buildMs: number;
  readonly buildCpuMs: number;
  readonly rssMB: number;
  readonly rssGrowthMB: number;
  readonly heapGrowthMB: number;
}

async function child(engine: EngineName, size: number, seed: number): Promise<ChildFigures> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/memory-child.ts', engine, String(size), String(seed)],
    { maxBuffer: 1 << 20, timeout: 600_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildFigures;
}

function figures(xs: readonly ChildFigures[]): FreshFigures {
  const of = (pick: (x: ChildFigures) => number) => roundSpread(summarize(xs.map(pick)));
  return {
    runs: xs.length,
    buildMs: of((x) => x.buildMs),
    buildCpuMs: of((x) => x.buildCpuMs),
    rssMB: of((x) => x.rssMB),
    rssGrowthMB: of((x) => x.rssGrowthMB),
    heapGrowthMB: of((x) => x.heapGrowthMB),
  };
}

/** Builds each engine's index `runs` times at `size` passages, each in a fresh process, in turns. */
export async function measureFresh(
  size: number,
  seed: number,
  runs: number,
  log: (line: string) => void,
): Promise<FreshResult> {
  const got: Record<EngineName, ChildFigures[]> = { ours: [], baseline: [] };
  for (let r = 0; r < runs; r++) {
    // Alternate which goes first, so a change in the machine's load falls on both.
    const order: EngineName[] = r % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    for (const engine of order) {
      const f = await child(engine, size, seed);
      got[engine].push(f);
      log(
        `search ${size} ${engine} in a fresh process ${r + 1}/${runs}: build ${f.buildMs.toFixed(0)} ms ` +
          `(CPU ${f.buildCpuMs.toFixed(0)} ms), ` +
          `RSS ${f.rssMB.toFixed(0)} MB (+${f.rssGrowthMB.toFixed(0)}), heap +${f.heapGrowthMB.toFixed(1)} MB`,
      );
    }
  }
  return { ours: figures(got.ours), baseline: figures(got.baseline) };
}
