/**
 * Answers during a reload: the bot runs on the real articles, a teacher saves a 5 MB article into
 * content/, and students keep asking (autocomplete and /quote through the core, one every
 * {@link ASK_EVERY_MS} ms) until the new article is served. An answer's time runs from the moment
 * it was due to its result, so time spent waiting behind a blocked event loop counts.
 *
 * Measured twice: with the reload built in the worker thread (what the bot does), and built on the
 * main thread (what it did before), to show the difference (not in quick mode); and with no reload
 * at all, which is the floor this machine gives (other processes and garbage collection). Questions come on a
 * fixed schedule, whether the last was answered or not, so a blocked event loop cannot hide.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content/load.js';
import { startLiveLibrary, type LiveLibrary } from '../src/core/live.js';
import { mainThreadBuilder, offThreadBuilder, type LibraryBuilder } from '../src/core/reload.js';
import { answerQuote, suggestQuotes } from '../commands/quote.js';
import { realCorpus, syntheticPassages } from './corpus.js';
import { percentile, summarize, type Spread } from './stats.js';

/** Size of the article saved during the reload. */
export const ARTICLE_BYTES = 5_000_000;
/** One student question every this many ms, during the reload. */
export const ASK_EVERY_MS = 50;
/** How long questions are asked with no reload, for the baseline. */
export const BASELINE_MS = 10_000;
const BIG_ID = 'big-article';

const QUESTIONS = [
  'ammunition not a r',
  'minerals deal',
  'disinformation spa',
  'Riyadh talks',
  'Zelenskyy',
  'potash',
];

export interface ReloadFigures {
  /** Answer time while the reload runs, ms. */
  readonly p50: Spread;
  readonly p99: Spread;
  readonly max: Spread;
  /** From the save to the new article being served, ms. */
  readonly servedMs: Spread;
  /** Answers per run. */
  readonly n: number;
}

export interface ReloadBenchResult {
  readonly articleBytes: number;
  /** The same questions with no reload at all: what the machine gives anyway. */
  readonly noReload: ReloadFigures;
  readonly worker: ReloadFigures;
  /** Left out in quick mode. */
  readonly mainThread?: ReloadFigures;
  /** The machine's 1-minute load average when the bench started: other work slows answers too. */
  readonly loadAverage: number;
}

/** One article of about `bytes` bytes, made of synthetic passages, in our content format. */
function bigArticle(bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (const p of syntheticPassages(Math.ceil(bytes / 250))) {
    if (size >= bytes) break;
    paragraphs.push(p.text);
    size += p.text.length + 2;
  }
  return [
    '---',
    `id: ${BIG_ID}`,
    'title: A very long article',
    'authors: [Ann Author]',
    'outlet: The Outlet',
    'kind: analysis',
    'perspective: Long',
    'summary: A long article, for the reload benchmark.',
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks questions on a fixed schedule until `done()`; returns each answer's time from when it was due. */
async function ask(live: LiveLibrary, done: () => boolean): Promise<number[]> {
  const times: number[] = [];
  let due = performance.now() + ASK_EVERY_MS;
  let asked = 0;
  while (!done()) {
    await sleep(Math.max(0, due - performance.now()));
    // Every question that fell due meanwhile is answered now, each timed from when it was due:
    // students who asked while the event loop was blocked waited that long.
    while (due <= performance.now()) {
      const question = QUESTIONS[asked % QUESTIONS.length] as string;
      const core = live.library();
      if (asked++ % 2 === 0) suggestQuotes(core, question);
      else answerQuote(core, { query: question, public: false, owner: 'bench' });
      times.push(performance.now() - due);
      due += ASK_EVERY_MS;
    }
  }
  return times;
}

/**
 * Saves the big article and asks questions until it is served; returns the answer times. With no
 * `source`, nothing is saved and questions are asked for {@link BASELINE_MS}: the machine's floor.
 */
async function oneRun(
  builder: LibraryBuilder,
  source: string | undefined,
): Promise<{ times: number[]; servedMs: number }> {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-reload-'));
  const dir = path.join(root, 'content');
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const [file, text] of realCorpus().files) writeFileSync(path.join(dir, file), text);
  const loaded = await loadContent(dir);
  if (!loaded.ok) throw new Error('the real content is invalid');
  const quiet = { info: () => undefined, warn: () => undefined };
  const live = startLiveLibrary({
    content: loaded.content,
    contentDir: dir,
    cacheDir: path.join(root, 'cache'),
    log: quiet,
    builder,
  });
  try {
    await live.watching;
    await live.reload(); // a running bot has reloaded before: the worker is up
    const saved = performance.now();
    if (source === undefined) {
      const times = await ask(live, () => performance.now() - saved > BASELINE_MS);
      return { times, servedMs: Number.NaN };
    }
    writeFileSync(path.join(dir, 'articles', `${BIG_ID}.md`), source);
    const times = await ask(live, () => {
      if (performance.now() - saved > 120_000) throw new Error('the big article was never served');
      return live.library().content.articleById.has(BIG_ID);
    });
    return { times, servedMs: performance.now() - saved };
  } finally {
    await live.close();
    rmSync(root, { recursive: true, force: true });
  }
}

async function figures(
  makeBuilder: () => LibraryBuilder,
  source: string | undefined,
  runs: number,
): Promise<ReloadFigures> {
  const p50: number[] = [];
  const p99: number[] = [];
  const max: number[] = [];
  const served: number[] = [];
  let n = 0;
  for (let r = 0; r < runs; r++) {
    const builder = makeBuilder();
    try {
      const { times, servedMs } = await oneRun(builder, source);
      p50.push(percentile(times, 50));
      p99.push(percentile(times, 99));
      max.push(percentile(times, 100));
      served.push(servedMs);
      n = times.length;
    } finally {
      await builder.close();
    }
  }
  return { p50: summarize(p50), p99: summarize(p99), max: summarize(max), servedMs: summarize(served), n };
}

export async function runReloadBench(opts: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<ReloadBenchResult> {
  const source = bigArticle(ARTICLE_BYTES);
  const loadAverage = os.loadavg()[0] ?? Number.NaN;
  const runs = opts.quick ? 1 : 3;
  opts.log(`  answers with no reload, for comparison (${runs} runs)…`);
  const noReload = await figures(() => offThreadBuilder(), undefined, runs);
  opts.log(`  reload of a ${(source.length / 1e6).toFixed(1)} MB article, in the worker (${runs} runs)…`);
  const worker = await figures(() => offThreadBuilder(), source, runs);
  if (opts.quick) return { articleBytes: source.length, noReload, worker, loadAverage };
  opts.log('  … and on the main thread, as before');
  const mainThread = await figures(mainThreadBuilder, source, runs);
  return { articleBytes: source.length, noReload, worker, mainThread, loadAverage };
}
