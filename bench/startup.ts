/**
 * Start-up: from spawning `node dist/src/main.js` (what `npm start` runs after its build) to the bot
 * being ready with its slash commands registered, which is when it prints its invite link. Memory is
 * the process's resident set at that moment, read from /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CACHE_DIR } from '../src/paths.js';
import { startStandIn } from '../src/sandbox/standin/index.js';
import { botEnv, ENTRY } from '../tests/e2e/harness.js';
import { writeSyntheticContent } from './corpus.js';
import { summarize, type Spread } from './stats.js';

export interface StartupFigures {
  readonly passages: number;
  /** Process start to ready with commands registered, ms (with the saved search index, if any). */
  readonly readyMs: Spread;
  /** Resident memory at ready, MB. */
  readonly rssMB: Spread;
  /** The same with no saved search index: the very first start, or the first after an edit. */
  readonly coldMs?: Spread;
}

export interface StartupResult {
  readonly articles: StartupFigures;
  readonly large: StartupFigures;
}

/** Resident set size of a process, in MB (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

/** One cold start against a fresh stand-in, so commands are registered from scratch each time. */
async function startOnce(contentDir: string | undefined): Promise<{ ms: number; rssMB: number }> {
  const standIn = await startStandIn({ heartbeatIntervalMs: 45_000 });
  try {
    const env = botEnv(standIn, {
      LOG_LEVEL: 'warn',
      ...(contentDir !== undefined && { CONTENT_DIR: contentDir }),
    });
    const t0 = performance.now();
    const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const ready = await new Promise<{ ms: number; rssMB: number }>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('Invite the bot')) {
          const ms = performance.now() - t0;
          resolve({ ms, rssMB: child.pid === undefined ? Number.NaN : rssOf(child.pid) });
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => {
        reject(new Error(`the bot exited (${String(code)}) before it was ready:\n${out}`));
      });
      setTimeout(() => {
        reject(new Error(`the bot was not ready after 60 s:\n${out}`));
      }, 60_000).unref();
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    return ready;
  } finally {
    await standIn.close();
  }
}

/** Removes saved search indexes, so the next start builds its index. */
function forgetSavedIndexes(): void {
  for (const f of existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR) : []) {
    if (f.startsWith('search-index-')) rmSync(path.join(CACHE_DIR, f), { force: true });
  }
}

async function measure(
  contentDir: string | undefined,
  passages: number,
  runs: number,
  coldRuns = 0,
): Promise<StartupFigures> {
  const cold: number[] = [];
  for (let r = 0; r < coldRuns; r++) {
    forgetSavedIndexes();
    cold.push((await startOnce(contentDir)).ms);
  }
  await startOnce(contentDir); // warms the file system cache and leaves a saved index, as any start does
  const ms: number[] = [];
  const rss: number[] = [];
  for (let r = 0; r < runs; r++) {
    const once = await startOnce(contentDir);
    ms.push(once.ms);
    rss.push(once.rssMB);
  }
  return {
    passages,
    readyMs: summarize(ms),
    rssMB: summarize(rss),
    ...(coldRuns > 0 && { coldMs: summarize(cold) }),
  };
}

export async function runStartupBench(opts: {
  quick: boolean;
  log: (line: string) => void;
  /** Passages in the large content folder. */
  largePassages: number;
  /** Passages in content/. */
  articlePassages: number;
}): Promise<StartupResult> {
  const runs = opts.quick ? 2 : 7;
  const articles = await measure(undefined, opts.articlePassages, runs);
  opts.log(
    `  start-up, articles (${opts.articlePassages} passages): ${articles.readyMs.median.toFixed(0)} ms, ${articles.rssMB.median.toFixed(0)} MB`,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-content-'));
  try {
    await writeSyntheticContent(dir, opts.largePassages);
    const large = await measure(dir, opts.largePassages, runs, opts.quick ? 1 : 3);
    opts.log(
      `  start-up, ${opts.largePassages} passages: ${large.readyMs.median.toFixed(0)} ms with the saved index` +
        ` (${large.coldMs?.median.toFixed(0) ?? '?'} ms without), ${large.rssMB.median.toFixed(0)} MB`,
    );
    return { articles, large };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
