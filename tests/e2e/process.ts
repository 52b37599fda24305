/**
 * A child process of the built project (the bot, or the REST proxy), started as `npm start` /
 * `npm run proxy` start it, with its output kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exitOf, logEntries } from './util.js';

export const PROXY_ENTRY = path.resolve('dist/src/proxy/main.js');

export interface Running {
  readonly child: ChildProcess;
  readonly name: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** The JSON log entries on stderr so far. */
  readonly log: () => Record<string, unknown>[];
  /** Resolves with the match (and its groups) when stdout + stderr match (or contain) `text`. */
  readonly waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<string[]>;
  /** SIGTERM (SIGKILL after 15 s); the exit. */
  readonly stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function run(name: string, entry: string, env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = exitOf(child);
  return {
    child,
    name,
    stdout: () => stdout,
    stderr: () => stderr,
    log: () => logEntries(stderr),
    waitFor: (text, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          const all = stdout + stderr;
          const found = typeof text === 'string' ? all.includes(text) && [text] : text.exec(all);
          const match = found ? [...found] : null;
          if (match) resolve(match);
          else if (child.exitCode !== null) reject(new Error(`${name} exited (${child.exitCode}):\n${all}`));
          else if (Date.now() - started > timeoutMs)
            reject(new Error(`${name}: timed out waiting for ${String(text)}:\n${all}`));
          else setTimeout(tick, 20);
        };
        tick();
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await exited;
      clearTimeout(timeout);
      return result;
    },
  };
}
