/**
 * `npm run bench [-- --quick]`: search at 100, 10,000 and 100,000 passages against a plain MiniSearch
 * baseline, end to end through the local stand-in, start-up, answers during a content reload, and the
 * sandbox in a 10,000-message session. Prints tables and PASS/MISS against
 * the targets, and writes everything as JSON to bench-results/ (git-ignored).
 *
 * Not a test: timings depend on the machine. Every figure is the median of repeated runs, with the
 * spread (min–max across runs) beside it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { realPassages } from './corpus.js';
import { CONCURRENCY, KINDS, PACE_MS, runEndToEndBench, type EndToEndResult } from './e2e.js';
import { check, num, spread, table, targetTable, type TargetCheck } from './report.js';
import { searchTargets, targetFigures } from './targets.js';
import type { FreshFigures } from './memory.js';
import { runSearchBench, type EngineResult, type SearchBenchResult } from './search.js';
import { runSandboxBench, type SandboxBenchResult } from './sandbox.js';
import { canGc, type Spread } from './stats.js';
import { runReloadBench, ASK_EVERY_MS, type ReloadBenchResult } from './reload.js';
import { runStartupBench, type StartupResult } from './startup.js';

const LARGE_STARTUP_PASSAGES = 10_000;

function searchTables(result: SearchBenchResult): string {
  const out: string[] = [];
  for (const size of result.sizes) {
    const rows: string[][] = [];
    const engines = [size.ours, size.baseline];
    const row = (label: string, figure: (e: EngineResult) => Spread) =>
      rows.push([label, ...engines.map((e) => (e ? spread(figure(e)) : 'skipped'))]);
    row('index build, ms', (e) => e.buildMs);
    row('saved index load, ms', (e) => e.loadMs);
    row('heap growth, MB', (e) => e.heapMB);
    row('RSS of the bench process, MB (not comparable: see fresh process)', (e) => e.rssTotalMB);
    for (const type of result.queryTypes) {
      const label = type === 'prefix' ? 'as-you-type (autocomplete)' : type;
      row(`${label}: p50 ms`, (e) => e.queries[type].p50);
      row(`${label}: p99 ms`, (e) => e.queries[type].p99);
      row(`${label}: max ms`, (e) => e.queries[type].max);
      row(`${label}: MRR@25`, (e) => e.queries[type].mrr25);
    }
    row('longest single search, ms', (e) => e.worstBlockMs);
    const fresh = (label: string, figure: (f: FreshFigures) => Spread) =>
      rows.push([label, spread(figure(size.fresh.ours)), spread(figure(size.fresh.baseline))]);
    fresh('fresh process: index build, ms', (f) => f.buildMs);
    fresh('fresh process: index build, CPU ms', (f) => f.buildCpuMs);
    fresh('fresh process: RSS with the index, MB', (f) => f.rssMB);
    fresh('fresh process: RSS growth, MB', (f) => f.rssGrowthMB);
    fresh('fresh process: heap growth, MB', (f) => f.heapGrowthMB);
    out.push(
      `Search at ${size.passages.toLocaleString('en')} passages (${size.queriesPerType} queries per type, ours)\n` +
        table(['', 'ours', 'plain MiniSearch'], rows) +
        `\nBrute-force scan (the floor) on our as-you-type queries: p50 ${spread(size.floor.p50)} ms,` +
        ` p99 ${spread(size.floor.p99)} ms, max ${spread(size.floor.max)} ms` +
        ` (${size.floor.n} queries per run; lower-casing the texts once: ${size.floor.prepareMs} ms)`,
    );
  }
  return out.join('\n\n');
}

function endToEndTable(result: EndToEndResult): string {
  const rows: string[][] = [];
  for (const kind of KINDS) {
    for (const students of CONCURRENCY) {
      const f = result.latency[kind][String(students)];
      if (!f) continue;
      rows.push([kind, String(students), spread(f.p50), spread(f.p99), spread(f.max), String(f.n)]);
    }
  }
  return (
    'End to end through the stand-in (INTERACTION_CREATE dispatched → callback received), ms.\n' +
    'Students send back to back: each sends the next interaction the moment the last is answered.\n' +
    table(['interaction', 'students', 'p50', 'p99', 'max', 'n per run'], rows) +
    `\n30 students at a pace (one interaction each every ${PACE_MS} ms, mixed): p50 ${spread(result.paced.p50)} ms,` +
    ` p99 ${spread(result.paced.p99)} ms (${result.paced.n} per run)` +
    `\n30 students typing (one autocomplete each every ${PACE_MS} ms): p50 ${spread(result.pacedAutocomplete.p50)} ms,` +
    ` p99 ${spread(result.pacedAutocomplete.p99)} ms (${result.pacedAutocomplete.n} per run)` +
    `\nSustained: ${spread(result.sustainedPerSecond)} interactions/s from 30 students sending back to back` +
    ` (${result.sustainedSeconds} s per run); ${result.failures} failed` +
    (result.sustainedCpuUs
      ? `\nCPU per interaction in those runs: bot ${spread(result.sustainedCpuUs.bot)} µs;` +
        ` stand-in and simulated students (the bench's process) ${spread(result.sustainedCpuUs.standIn)} µs`
      : '')
  );
}

function startupTable(result: StartupResult): string {
  return (
    'Start-up: process start → ready with commands registered\n' +
    table(
      ['content', 'ready, ms', 'without a saved index, ms', 'RSS at ready, MB'],
      [result.articles, result.large].map((f) => [
        `${f.passages.toLocaleString('en')} passages`,
        spread(f.readyMs),
        f.coldMs ? spread(f.coldMs) : '(none saved: small)',
        spread(f.rssMB),
      ]),
    )
  );
}

function sandboxTable(result: SandboxBenchResult): string {
  return (
    'Sandbox in a long session (one page open; its server process after a full GC)\n' +
    table(
      [
        'messages',
        'heap, MB',
        'RSS, MB',
        'state answer, kB',
        'state answer, ms',
        'state answers/s',
        'page heap, MB',
        'page messages',
      ],
      result.checkpoints.map((c) => [
        c.messages.toLocaleString('en'),
        num(c.heapMB),
        num(c.rssMB),
        num(c.stateBytes / 1024),
        num(c.stateMs),
        num(c.statePerSecond),
        c.page ? num(c.page.heapMB) : '–',
        c.page ? String(c.page.messages) : '–',
      ]),
    ) +
    `\nThe page fetched the state ${result.pageFetches} times while the messages were posted` +
    ` (${num(result.pageMB)} MB in all; ${num(result.fillSeconds)} s)`
  );
}

function sandboxTargets(result: SandboxBenchResult): TargetCheck[] {
  const first = result.checkpoints[0];
  const last = result.checkpoints[result.checkpoints.length - 1];
  if (!first || !last) return [];
  const perThousand = (last.heapMB - first.heapMB) / ((last.messages - first.messages) / 1000);
  const at = last.messages.toLocaleString('en');
  return [
    check(
      `sandbox state answer at ${at} messages ÷ at 1,000`,
      last.stateBytes / first.stateBytes,
      '<=',
      1.1,
      '×',
    ),
    // The stand-in keeps the history, as Discord does: that, and nothing per page request, may grow.
    check('sandbox server heap growth per 1,000 messages', perThousand, '<=', 2, 'MB'),
    check(`sandbox state answers per second at ${at} messages`, last.statePerSecond, '>=', 100, '/s'),
    // The page holds a window of messages: its heap must not grow with the history.
    check(
      `sandbox page heap at ${at} messages ÷ at 1,000 (Chromium)`,
      last.page && first.page ? last.page.heapMB / first.page.heapMB : Number.NaN,
      '<=',
      1.25,
      '×',
    ),
  ];
}

function reloadTable(result: ReloadBenchResult): string {
  const rows = [
    ['no reload (the floor)', result.noReload],
    ['in the worker thread (the bot)', result.worker],
    [`on the main thread (before)${result.mainThread ? '' : ': not in --quick'}`, result.mainThread],
  ] as const;
  return (
    `Answers during a reload of a ${(result.articleBytes / 1e6).toFixed(1)} MB article (autocomplete and /quote through` +
    ` the core, one due every ${ASK_EVERY_MS} ms, timed from when it was due), ms.` +
    ` Load average at the start: ${num(result.loadAverage)}.\n` +
    table(
      ['reload built', 'p50', 'p99', 'max', 'save → served', 'answers per run'],
      rows.map(([label, f]) =>
        f
          ? [label, spread(f.p50), spread(f.p99), spread(f.max), spread(f.servedMs), String(f.n)]
          : [label, '–', '–', '–', '–', '–'],
      ),
    )
  );
}

function targets(
  search: SearchBenchResult,
  e2e: EndToEndResult,
  startup: StartupResult,
  reload: ReloadBenchResult,
): TargetCheck[] {
  return [
    ...searchTargets(targetFigures(search, e2e)),
    check('start-up to ready, article corpus', startup.articles.readyMs.median, '<=', 2000, 'ms'),
    check(
      `start-up to ready, ${LARGE_STARTUP_PASSAGES.toLocaleString('en')} passages`,
      startup.large.readyMs.median,
      '<=',
      3000,
      'ms',
    ),
    check(
      `answer p99 during a reload of a ${(reload.articleBytes / 1e6).toFixed(0)} MB article`,
      reload.worker.p99.median,
      '<=',
      50,
      'ms',
    ),
  ];
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const log = (line: string) => {
    process.stderr.write(`${line}\n`);
  };
  if (!canGc()) log('note: run with node --expose-gc (npm run bench does) for memory figures after GC');
  const started = performance.now();
  log(`bench${quick ? ' --quick' : ''}: search…`);
  // Quick mode leaves out 100,000 passages: building that index alone takes about 20 s here.
  const search = await runSearchBench({ quick, log, ...(quick && { sizes: [100, 10_000] }) });
  log('end to end through the stand-in…');
  const e2e = await runEndToEndBench({ quick, log });
  log('start-up…');
  const startup = await runStartupBench({
    quick,
    log,
    largePassages: LARGE_STARTUP_PASSAGES,
    articlePassages: realPassages().length,
  });
  log('answers during a reload…');
  const reload = await runReloadBench({ quick, log });
  log('sandbox, a long session…');
  const sandbox = await runSandboxBench({ quick, log });
  const checks = [...targets(search, e2e, startup, reload), ...sandboxTargets(sandbox)];
  const seconds = (performance.now() - started) / 1000;

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
  console.log(
    [
      `Benchmark${quick ? ' (quick)' : ''} on ${machine}. Figures: median (min–max) across runs.`,
      searchTables(search),
      endToEndTable(e2e),
      startupTable(startup),
      reloadTable(reload),
      sandboxTable(sandbox),
      `Targets\n${targetTable(checks)}`,
      `${checks.filter((c) => c.pass === true).length} of ${checks.filter((c) => c.pass !== null).length} targets measured were met, in ${num(seconds)} s.`,
    ].join('\n\n'),
  );

  const dir = path.resolve('bench-results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `bench-${quick ? 'quick-' : ''}${stamp}.json`);
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), commit, quick, machine, seconds, search, e2e, startup, reload, sandbox, targets: checks }, null, 2)}\n`,
  );
  console.log(`JSON: ${path.relative(process.cwd(), file)}`);
}

await main();
