/**
 * End to end through the local stand-in: the built bot (`node dist/src/main.js`, as `npm start` runs
 * it) connected over loopback, with simulated students sending interactions.
 *
 * Latency is the time from the stand-in dispatching INTERACTION_CREATE on the gateway to it receiving
 * the bot's interaction callback over REST: what a student waits for, minus Discord's own network.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import type { InteractionHandle, StandIn } from '../src/sandbox/standin/index.js';
import { startStack } from '../tests/e2e/harness.js';
import { percentile, summarize, type Spread } from './stats.js';

export const KINDS = ['autocomplete', 'quote', 'compare'] as const;
export type Kind = (typeof KINDS)[number];
export const CONCURRENCY = [1, 30] as const;
/** Time between two interactions of one student in the paced run: faster than anyone types. */
export const PACE_MS = 200;

export interface LatencyFigures {
  readonly p50: Spread;
  readonly p99: Spread;
  readonly max: Spread;
  /** Interactions per run. */
  readonly n: number;
}

export interface PacedFigures {
  readonly p50: Spread;
  readonly p99: Spread;
  /** Interactions per run. */
  readonly n: number;
}

export interface EndToEndResult {
  /** kind → concurrency → latency in ms. */
  readonly latency: Record<Kind, Record<string, LatencyFigures>>;
  /**
   * 30 students at a brisk classroom pace: each sends one interaction every {@link PACE_MS} (a
   * keystroke in autocomplete, or a command), mixed kinds. Latency in ms.
   */
  readonly paced: PacedFigures;
  /**
   * A class typing: 30 students each sending one autocomplete every {@link PACE_MS}, phases spread
   * evenly. Compared with one student's autocomplete p99 (`latency.autocomplete['1']`).
   */
  readonly pacedAutocomplete: PacedFigures;
  /** Mixed interactions answered per second by one bot process, with 30 students sending back to back. */
  readonly sustainedPerSecond: Spread;
  /**
   * CPU time per interaction in the sustained runs, in µs: of the bot's process, and of the bench's
   * own process (the stand-in and the simulated students). The rate also counts time waiting for a
   * core, which other work on the machine takes; these count only work done, so they show a change
   * in the bot's own cost better (a busy machine still raises them: cold caches, contended memory).
   * Undefined where the bot's CPU time cannot be read (no /proc).
   */
  readonly sustainedCpuUs?: { readonly bot: Spread; readonly standIn: Spread };
  readonly sustainedSeconds: number;
  readonly failures: number;
}

/**
 * CPU time (user + system, every thread) a process has used so far, in ms, from /proc/PID/stat
 * (in clock ticks of 10 ms: USER_HZ is 100 on Linux); undefined where there is no /proc.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const stat = readFileSync(file, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * 10 : undefined;
}

/** This process's CPU time so far (user + system, every thread), in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface Workload {
  readonly typed: string[];
  readonly queries: string[];
  readonly topics: string[];
}

/**
 * Real student input: the labelled queries of the search-quality set, and the curated topics, of
 * the repository at `root` (this one by default).
 */
export function workload(root = '.'): Workload {
  const queries = (
    parse(readFileSync(path.join(root, 'tests/fixtures/queries.yaml'), 'utf8')) as { query: string }[]
  ).map((q) => q.query);
  const topics = (
    parse(readFileSync(path.join(root, 'content/topics.yaml'), 'utf8')) as { topics: { id: string }[] }
  ).topics.map((t) => t.id);
  // As-you-type: every query cut at a few points, as autocomplete sees it while a student types.
  const typed = queries.flatMap((q) => [q.slice(0, 4), q.slice(0, Math.ceil(q.length / 2)), q]);
  return { typed, queries, topics: [...topics, 'sanctions', 'NATO and Europe', 'peace talks'] };
}

export function dispatch(
  standIn: StandIn,
  kind: Kind,
  user: string,
  w: Workload,
  i: number,
): InteractionHandle {
  const pick = (xs: string[]) => xs[i % xs.length] ?? '';
  switch (kind) {
    case 'autocomplete':
      return standIn.autocomplete({
        user,
        channel: 'general',
        name: 'quote',
        focused: 'query',
        options: { query: pick(w.typed) },
      });
    case 'quote':
      return standIn.slash({ user, channel: 'general', name: 'quote', options: { query: pick(w.queries) } });
    case 'compare':
      return standIn.slash({ user, channel: 'general', name: 'compare', options: { topic: pick(w.topics) } });
  }
}

/** One interaction, timed from dispatch to the bot's callback. Returns ms, or NaN if it failed. */
async function timed(standIn: StandIn, kind: Kind, user: string, w: Workload, i: number): Promise<number> {
  const t0 = performance.now();
  const handle = dispatch(standIn, kind, user, w, i);
  try {
    await handle.response(5000);
    return performance.now() - t0;
  } catch {
    return Number.NaN;
  }
}

/** `students` students each send `perStudent` interactions back to back; returns every latency. */
async function load(
  standIn: StandIn,
  kinds: readonly Kind[],
  students: number,
  perStudent: number,
  w: Workload,
  offset: number,
): Promise<number[]> {
  const all: number[] = [];
  await Promise.all(
    Array.from({ length: students }, async (_, s) => {
      for (let k = 0; k < perStudent; k++) {
        const i = offset + s * perStudent + k;
        const kind = kinds[i % kinds.length] ?? 'quote';
        all.push(await timed(standIn, kind, `student${s + 1}`, w, i));
      }
    }),
  );
  return all;
}

/** 30 students, each sending one interaction every {@link PACE_MS} for `seconds`; every latency. */
async function pacedOnce(
  standIn: StandIn,
  kinds: readonly Kind[],
  w: Workload,
  offset: number,
  seconds: number,
): Promise<number[]> {
  const all: number[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: 30 }, async (_, s) => {
      for (let k = 0, at = start + (s * PACE_MS) / 30; at < until; k++, at += PACE_MS) {
        const wait = at - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const i = offset + s * 100_000 + k;
        all.push(await timed(standIn, kinds[i % kinds.length] ?? 'quote', `student${s + 1}`, w, i));
      }
    }),
  );
  return all;
}

export async function runEndToEndBench(opts: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<EndToEndResult> {
  const runs = opts.quick ? 3 : 5;
  const perRun = opts.quick ? 150 : 600;
  const sustainedSeconds = opts.quick ? 2 : 5;
  const w = workload();
  const stack = await startStack({
    standIn: { students: 30, heartbeatIntervalMs: 45_000 },
    env: { LOG_LEVEL: 'warn' },
  });
  let failures = 0;
  try {
    const { standIn } = stack;
    // Warm-up: the first interactions pay for JIT compilation and discord.js caches.
    await load(standIn, KINDS, 10, 20, w, 0);

    const latency = {} as Record<Kind, Record<string, LatencyFigures>>;
    let offset = 1000;
    for (const kind of KINDS) {
      latency[kind] = {};
      for (const students of CONCURRENCY) {
        const p50: number[] = [];
        const p99: number[] = [];
        const max: number[] = [];
        for (let r = 0; r < runs; r++) {
          const ms = await load(standIn, [kind], students, Math.ceil(perRun / students), w, offset);
          offset += perRun;
          const ok = ms.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
          failures += ms.length - ok.length;
          p50.push(percentile(ok, 50));
          p99.push(percentile(ok, 99));
          max.push(percentile(ok, 100));
        }
        latency[kind][String(students)] = {
          p50: summarize(p50),
          p99: summarize(p99),
          max: summarize(max),
          n: Math.ceil(perRun / students) * students,
        };
        opts.log(
          `  e2e ${kind.padEnd(12)} ${String(students).padStart(2)} students: p50 ${summarize(p50).median.toFixed(2)} ms, p99 ${summarize(p99).median.toFixed(2)} ms`,
        );
      }
    }

    // Paced: each student sends every PACE_MS, their phases spread evenly, for a fixed time.
    const pacedRun = async (kinds: readonly Kind[]) => {
      const p50: number[] = [];
      const p99: number[] = [];
      let n = 0;
      for (let r = 0; r < runs; r++) {
        const ms = await pacedOnce(standIn, kinds, w, offset, sustainedSeconds);
        offset += 1_000_000;
        const ok = ms.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        failures += ms.length - ok.length;
        p50.push(percentile(ok, 50));
        p99.push(percentile(ok, 99));
        n = ms.length;
      }
      return { p50: summarize(p50), p99: summarize(p99), n };
    };
    const paced = await pacedRun(KINDS);
    opts.log(`  e2e paced (30 students, one each ${PACE_MS} ms): p99 ${paced.p99.median.toFixed(2)} ms`);
    const pacedAutocomplete = await pacedRun(['autocomplete']);
    opts.log(
      `  e2e paced autocomplete (30 students, one each ${PACE_MS} ms): p99 ${pacedAutocomplete.p99.median.toFixed(2)} ms`,
    );

    // Sustained: 30 students send a mix back to back for a fixed time; count what is answered.
    const rates: number[] = [];
    const botCpu: number[] = [];
    const standInCpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      let answered = 0;
      const until = performance.now() + sustainedSeconds * 1000;
      const t0 = performance.now();
      const botCpu0 = processCpuMs(stack.bot.pid);
      const ownCpu0 = ownCpuMs();
      await Promise.all(
        Array.from({ length: 30 }, async (_, s) => {
          for (let k = 0; performance.now() < until; k++) {
            const i = offset + s * 100_000 + k;
            const ms = await timed(standIn, KINDS[i % KINDS.length] ?? 'quote', `student${s + 1}`, w, i);
            if (Number.isNaN(ms)) failures++;
            else answered++;
          }
        }),
      );
      offset += 1_000_000;
      rates.push(answered / ((performance.now() - t0) / 1000));
      const botCpu1 = processCpuMs(stack.bot.pid);
      if (botCpu0 !== undefined && botCpu1 !== undefined && answered > 0) {
        botCpu.push(((botCpu1 - botCpu0) * 1000) / answered);
        standInCpu.push(((ownCpuMs() - ownCpu0) * 1000) / answered);
      }
    }
    const sustainedPerSecond = summarize(rates);
    const sustainedCpuUs =
      botCpu.length === runs ? { bot: summarize(botCpu), standIn: summarize(standInCpu) } : undefined;
    opts.log(
      `  e2e sustained: ${sustainedPerSecond.median.toFixed(0)} interactions/s` +
        (sustainedCpuUs
          ? `, CPU per interaction: bot ${sustainedCpuUs.bot.median.toFixed(0)} µs, stand-in ${sustainedCpuUs.standIn.median.toFixed(0)} µs`
          : ''),
    );
    return {
      latency,
      paced,
      pacedAutocomplete,
      sustainedPerSecond,
      sustainedCpuUs,
      sustainedSeconds,
      failures,
    };
  } finally {
    await stack.stop();
  }
}
