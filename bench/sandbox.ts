/**
 * The sandbox in a long session: the sandbox (started as `npm start` starts it without a token, in
 * a child process so its memory is its own) with one page open, while 10,000 messages are posted
 * through its API (4,000 with --quick): plain messages, and every 50th a public /quote answered by
 * the real bot.
 *
 * One page is simulated as app.js behaves: it listens to /api/events and fetches the state after
 * each change, counting what it receives. Where Chromium is installed, the real page is open too. At 1,000 and at 10,000 messages the bench reads the server's heap and resident set
 * after a full GC, the size and time of one state answer, and how many state answers per second
 * four clients get back to back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { openBrowserPage, type OpenPage } from './sandbox-page.js';
import { median } from './stats.js';

export interface SandboxCheckpoint {
  /** Messages posted so far. */
  readonly messages: number;
  /** The sandbox process after a full GC, MB. */
  readonly heapMB: number;
  readonly rssMB: number;
  /** One state answer as the page asks for it (a student in #general), bytes. */
  readonly stateBytes: number;
  /** Median time of one state answer, ms. */
  readonly stateMs: number;
  /** State answers per second, four clients sending back to back. */
  readonly statePerSecond: number;
  /** The real page in Chromium, open since the start: its JS heap after a full GC (absent without Chromium). */
  readonly page?: { readonly heapMB: number; readonly messages: number };
}

export interface SandboxBenchResult {
  readonly checkpoints: readonly SandboxCheckpoint[];
  /** State fetches the simulated page made while the messages were posted, and their total size. */
  readonly pageFetches: number;
  readonly pageMB: number;
  readonly fillSeconds: number;
}

/** Messages at which the figures are read. Quick mode stops at 4,000 to stay short. */
export const SANDBOX_CHECKPOINTS = [1_000, 10_000] as const;
const QUICK_CHECKPOINTS = [1_000, 4_000] as const;
const WRITERS = 4;
const READERS = 4;

interface Child {
  readonly url: string;
  readonly memory: () => Promise<{ rssMB: number; heapMB: number }>;
  readonly stop: () => Promise<void>;
}

async function startChild(): Promise<Child> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/sandbox-server.ts'],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        if (typeof m === 'object' && m !== null && key in m) {
          child.off('message', onMessage);
          resolve((m as Record<string, T>)[key] as T);
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => {
        reject(new Error(`the sandbox exited (${String(code)})`));
      });
    });
  const url = await next<string>('url');
  return {
    url,
    memory: () => {
      const answer = next<{ rssMB: number; heapMB: number }>('memory');
      child.send('memory');
      return answer;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(kill);
    },
  };
}

/** The page: on every change event, fetch the state again (one at a time, coalescing, as app.js does). */
function openPage(url: string) {
  const abort = new AbortController();
  let fetches = 0;
  let bytes = 0;
  const loading = { busy: false, again: false };
  const refresh = async (): Promise<void> => {
    if (loading.busy) {
      loading.again = true;
      return;
    }
    loading.busy = true;
    const text = await (await fetch(`${url}/api/state?user=student1&channel=general`)).text();
    fetches++;
    bytes += Buffer.byteLength(text);
    loading.busy = false;
    if (loading.again && !abort.signal.aborted) {
      loading.again = false;
      await refresh();
    }
  };
  const listening = (async () => {
    const res = await fetch(`${url}/api/events`, { signal: abort.signal });
    const decoder = new TextDecoder();
    if (res.body === null) return;
    for await (const chunk of res.body) {
      const events = decoder.decode(chunk as Uint8Array).match(/event: change/g) ?? [];
      if (events.length > 0) void refresh();
    }
  })().catch(() => undefined);
  return {
    close: async () => {
      abort.abort();
      await listening;
      return { fetches, bytes };
    },
  };
}

async function post(url: string, route: string, body: unknown): Promise<void> {
  const res = await fetch(`${url}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
}

/** Posts messages `from`…`to - 1`: plain messages, and every 50th a public /quote. */
async function fill(url: string, from: number, to: number): Promise<void> {
  let next = from;
  const writer = async () => {
    for (let n = next++; n < to; n = next++) {
      const user = `student${(n % 2) + 1}`;
      if (n % 50 === 0) {
        await post(url, 'command', {
          user,
          channel: 'general',
          name: 'quote',
          options: { query: ['ammunition', 'minerals deal', 'Riyadh', 'Lukashenko'][n % 4], public: true },
        });
      } else {
        await post(url, 'say', {
          user,
          channel: 'general',
          content: `Reply ${n}: I think paragraph ${n % 40} is the strongest evidence, because it says what happened.`,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

async function measure(
  url: string,
  child: Child,
  browserPage: OpenPage | undefined,
  messages: number,
  quick: boolean,
): Promise<SandboxCheckpoint> {
  await new Promise((r) => setTimeout(r, 500)); // let the bot's last answers land
  const stateUrl = `${url}/api/state?user=student1&channel=general`;
  const stateBytes = Buffer.byteLength(await (await fetch(stateUrl)).text());
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await (await fetch(stateUrl)).arrayBuffer();
    times.push(performance.now() - t0);
  }
  const seconds = quick ? 1 : 3;
  const until = performance.now() + seconds * 1000;
  let answered = 0;
  const reader = async () => {
    while (performance.now() < until) {
      await (await fetch(stateUrl)).arrayBuffer();
      answered++;
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  const memory = await child.memory();
  const page = await browserPage?.measure();
  return {
    messages,
    ...memory,
    stateBytes,
    stateMs: median(times),
    statePerSecond: answered / seconds,
    ...(page && { page }),
  };
}

export async function runSandboxBench(opts: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<SandboxBenchResult> {
  const child = await startChild();
  const page = openPage(child.url);
  const browserPage = await openBrowserPage(child.url);
  if (!browserPage) opts.log('  (no Chromium: the real page is not measured)');
  const checkpoints: SandboxCheckpoint[] = [];
  let fillSeconds = 0;
  let seen = { fetches: 0, bytes: 0 };
  try {
    let posted = 0;
    for (const target of opts.quick ? QUICK_CHECKPOINTS : SANDBOX_CHECKPOINTS) {
      const t0 = performance.now();
      await fill(child.url, posted, target);
      fillSeconds += (performance.now() - t0) / 1000;
      posted = target;
      const figures = await measure(child.url, child, browserPage, target, opts.quick);
      checkpoints.push(figures);
      opts.log(
        `  sandbox at ${target} messages: heap ${figures.heapMB.toFixed(0)} MB, RSS ${figures.rssMB.toFixed(0)} MB,` +
          ` state ${(figures.stateBytes / 1024).toFixed(0)} kB in ${figures.stateMs.toFixed(1)} ms,` +
          ` ${figures.statePerSecond.toFixed(0)} state answers/s` +
          (figures.page
            ? `; page heap ${figures.page.heapMB.toFixed(1)} MB, ${figures.page.messages} messages shown`
            : ''),
      );
    }
  } finally {
    seen = await page.close();
    await browserPage?.close();
    await child.stop();
  }
  return { checkpoints, pageFetches: seen.fetches, pageMB: seen.bytes / 2 ** 20, fillSeconds };
}
