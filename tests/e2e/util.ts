/**
 * Small helpers for the end-to-end suites: counting what reached the stand-in for one interaction,
 * polling for a condition, reading the bot's JSON log, and checking processes by pid (Linux /proc).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { InteractionHandle, RecordedRequest, StandIn } from '../../src/sandbox/standin/index.js';

export const EPHEMERAL = 64;

export const APOLOGY_TEXT = 'Sorry, something went wrong while answering. Please try again in a moment.';
export const OLD_BUTTON_TEXT =
  'This button is from an older message the bot no longer understands. Run the command again.';
export const GONE_TEXT =
  'That passage is no longer in the articles (the content was edited). Run /quote again.';
export const SHUTTING_DOWN_TEXT = 'The bot is restarting. Please try again in a few seconds.';

const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

/** Every POST …/callback the bot sent for this interaction (including injected failures). */
export function callbacksFor(standIn: StandIn, handle: Pick<InteractionHandle, 'id'>): RecordedRequest[] {
  return standIn.requests.filter(
    (r) => r.route === CALLBACK_ROUTE && r.path.startsWith(`/interactions/${handle.id}/`),
  );
}

/** Every REST request tied to this interaction: its callback and its webhook (edit / follow-up) calls. */
export function requestsFor(
  standIn: StandIn,
  handle: Pick<InteractionHandle, 'id' | 'token'>,
): RecordedRequest[] {
  return standIn.requests.filter(
    (r) => r.path.startsWith(`/interactions/${handle.id}/`) || r.path.includes(`/${handle.token}`),
  );
}

export const ok = (r: RecordedRequest): boolean => r.status >= 200 && r.status < 300;

/** Polls `probe` every 20 ms until it returns something other than undefined/false. */
export async function waitUntil<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves with the exit of a child process (immediately if it already exited). */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
}

/** The bot's structured (pino, one JSON object a line) log entries on stderr. */
export function logEntries(stderr: string): Record<string, unknown>[] {
  return stderr.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** Raw stderr lines that mention a string. */
export function linesWith(stderr: string, text: string): string[] {
  return stderr.split('\n').filter((line) => line.includes(text));
}

function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0] ?? '?', ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

/** Whether a process is running (a zombie, exited but not yet reaped, counts as gone). */
export function isAlive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/** Pids of the live direct children of a process. */
export function childPids(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      const stat = procStat(pid);
      return stat !== undefined && stat.ppid === parent && stat.state !== 'Z';
    });
}

/**
 * Posts a message as the bot through the stand-in's REST API (loopback), e.g. one carrying buttons
 * that an older version of the bot would have sent.
 */
export async function postAsBot(standIn: StandIn, channel: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${standIn.url}/v10/channels/${standIn.channelId(channel)}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bot ${standIn.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`posting as the bot failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** A message's mention fields as Discord computed them (who would have been pinged). */
export function pinged(m: {
  mentions?: readonly unknown[];
  mention_roles?: readonly unknown[];
  mention_everyone?: boolean;
}): { users: number; roles: number; everyone: boolean } {
  return {
    users: m.mentions?.length ?? 0,
    roles: m.mention_roles?.length ?? 0,
    everyone: m.mention_everyone ?? false,
  };
}
