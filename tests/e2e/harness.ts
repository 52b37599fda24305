/**
 * Starts the stand-in and the bot the way `npm start` does: the built entry point
 * (`node dist/src/main.js`), configured only by environment variables, talking over loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startStandIn, type StandIn, type StandInOptions } from '../../src/sandbox/standin/index.js';
import { TEST_CONTENT_DIR } from '../helpers/content.js';

export const ENTRY = path.resolve('dist/src/main.js');

export interface Stack {
  readonly standIn: StandIn;
  readonly bot: ChildProcess;
  /** Everything the bot printed so far. */
  readonly output: () => { stdout: string; stderr: string };
  /** Resolves when the bot's output contains the text. */
  readonly waitForOutput: (text: string | RegExp, timeoutMs?: number) => Promise<void>;
  /**
   * SIGTERM, then the exit code (or the signal) once the process is gone; the stand-in is closed too
   * unless `keepStandIn` (to start another bot against it: a restart).
   */
  readonly stop: (options?: {
    keepStandIn?: boolean;
  }) => Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/**
 * The environment `npm start` needs to run the bot against the stand-in, and nothing else; the
 * content is the content under test (content/, or TEST_CONTENT_DIR).
 */
export function botEnv(standIn: StandIn, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DISCORD_TOKEN: standIn.token,
    DISCORD_API_BASE: standIn.url,
    DISCORD_GUILD_ID: standIn.guildId(),
    CONTENT_DIR: TEST_CONTENT_DIR,
    ...extra,
  };
}

export async function startStack(
  options: {
    standIn?: StandInOptions;
    env?: Record<string, string>;
    ready?: boolean;
    /** A running stand-in to start the bot against (a restart), instead of a new one. */
    existing?: StandIn;
  } = {},
): Promise<Stack> {
  const standIn =
    options.existing ?? (await startStandIn({ heartbeatIntervalMs: 45_000, ...options.standIn }));
  const env = botEnv(standIn, { LOG_LEVEL: 'info', ...options.env });
  const bot = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  bot.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  bot.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    bot.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });

  const waitForOutput = (text: string | RegExp, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const all = stdout + stderr;
        if (typeof text === 'string' ? all.includes(text) : text.test(all)) resolve();
        else if (bot.exitCode !== null) reject(new Error(`bot exited (${bot.exitCode}):\n${all}`));
        else if (Date.now() - started > timeoutMs)
          reject(new Error(`timed out waiting for ${String(text)}:\n${all}`));
        else setTimeout(tick, 20);
      };
      tick();
    });

  const stack: Stack = {
    standIn,
    bot,
    output: () => ({ stdout, stderr }),
    waitForOutput,
    async stop(stopOptions = {}) {
      const t = Date.now();
      if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGTERM');
      const timeout = setTimeout(() => bot.kill('SIGKILL'), 15_000);
      const result = await exited;
      clearTimeout(timeout);
      if (stopOptions.keepStandIn !== true) await standIn.close();
      return { ...result, ms: Date.now() - t };
    },
  };
  if (options.ready ?? true) {
    try {
      await waitForOutput('Invite the bot');
    } catch (e) {
      await stack.stop();
      throw e;
    }
  }
  return stack;
}

/** The text a student sees in a message: content, embed titles, authors, descriptions, fields, footers. */
export function visibleText(m: {
  content?: string;
  embeds?: readonly {
    title?: string;
    author?: { name: string };
    description?: string;
    fields?: readonly { name: string; value: string }[];
    footer?: { text: string };
  }[];
}): string {
  return [
    m.content ?? '',
    ...(m.embeds ?? []).flatMap((e) => [
      e.author?.name ?? '',
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? '',
    ]),
  ].join('\n');
}

/** Custom ids of the buttons on a message. */
export function buttonIds(m: { components?: readonly unknown[] }): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { custom_id?: unknown; components?: unknown[] };
    if (typeof n.custom_id === 'string') ids.push(n.custom_id);
    for (const child of n.components ?? []) walk(child);
  };
  for (const row of m.components ?? []) walk(row);
  return ids;
}
