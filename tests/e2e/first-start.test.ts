/**
 * A teacher's first start: `.env.example` copied to `.env` (the real file), then `npm start`
 * (`node dist/src/main.js`, run from the folder holding `.env`, which is where dotenv looks).
 * Unchanged it runs the sandbox; with only DISCORD_TOKEN filled in it connects; each setting
 * written wrong stops it with one line naming the variable, exit 1, and no stack trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../src/sandbox/standin/index.js';
import { ENTRY, visibleText } from './harness.js';
import { exitOf, logEntries, waitUntil } from './util.js';

const EXAMPLE = readFileSync('.env.example', 'utf8');

/** `.env.example` with some of its keys filled in, the way a teacher edits the copy. */
function exampleWith(values: Record<string, string>): string {
  let text = EXAMPLE;
  for (const [key, value] of Object.entries(values)) {
    const line = new RegExp(`^${key}=.*$`, 'm');
    expect(text, `.env.example has a ${key}= line`).toMatch(line);
    text = text.replace(line, `${key}=${value}`);
  }
  return text;
}

interface Started {
  readonly child: ChildProcess;
  readonly out: () => { stdout: string; stderr: string };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs the built bot in a fresh folder holding only `.env`, with a minimal environment. */
function startWithDotEnv(dotEnv: string, env: Record<string, string> = {}): Started {
  const cwd = mkdtempSync(path.join(tmpdir(), 'first-start-'));
  writeFileSync(path.join(cwd, '.env'), dotEnv);
  const child = spawn(process.execPath, [ENTRY], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exitOf(child);
    rmSync(cwd, { recursive: true, force: true });
  });
  return { child, out: () => ({ stdout, stderr }) };
}

async function standIn(): Promise<StandIn> {
  const s = await startStandIn();
  cleanups.push(() => s.close());
  return s;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Lines of stderr that are not the structured (JSON) log: what the teacher is told. */
function plainLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
}

describe('.env.example copied to .env', () => {
  it('unchanged, starts the sandbox: banner, a page that answers, a quiet Ctrl+C', async () => {
    // Port 0 from the environment (which .env does not override), so tests never collide.
    const bot = startWithDotEnv(EXAMPLE, { SANDBOX_PORT: '0' });
    const url = await waitUntil(
      () => /Open (http:\/\/127\.0\.0\.1:\d+)/.exec(bot.out().stdout)?.[1] ?? bot.child.exitCode !== null,
      'the sandbox URL',
      30_000,
    );
    expect(url, JSON.stringify(bot.out())).toMatch(/^http:/);
    expect(bot.out().stdout).toContain('Sandbox mode: no DISCORD_TOKEN is set');
    const page = await fetch(String(url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    bot.child.kill('SIGINT');
    expect(await exitOf(bot.child)).toEqual({ code: 0, signal: null });
    expect(bot.out().stderr).toBe('');
  }, 60_000);

  it('with only DISCORD_TOKEN filled in, connects, answers, and stops quietly', async () => {
    const discord = await standIn();
    const bot = startWithDotEnv(exampleWith({ DISCORD_TOKEN: discord.token }), {
      DISCORD_API_BASE: discord.url,
    });
    await waitUntil(
      () => bot.out().stdout.includes('Invite the bot') || bot.child.exitCode !== null,
      'the invite link',
      30_000,
    );
    expect(bot.out().stdout, bot.out().stderr).toContain('Invite the bot');
    const h = discord.slash({
      user: 'student1',
      channel: 'discussion',
      name: 'quote',
      options: { query: 'ammunition' },
    });
    const answer = await h.response(10_000);
    expect(answer.type).toBe(4);
    expect(visibleText(answer.data as { content?: string }).toLowerCase()).toContain('ammunition');
    bot.child.kill('SIGINT');
    expect(await exitOf(bot.child)).toEqual({ code: 0, signal: null });
    const { stderr } = bot.out();
    expect(plainLines(stderr)).toEqual([]);
    expect(logEntries(stderr).filter((e) => Number(e.level) >= 40)).toEqual([]);
  }, 60_000);
});

/** Each setting written wrong in .env, and the start of the one line that must say so. */
const MISTAKES: [string, Record<string, string>][] = [
  ['DISCORD_TOKEN', { DISCORD_TOKEN: 'paste-your-token-here' }],
  ['DISCORD_GUILD_ID', { DISCORD_GUILD_ID: 'my class server' }],
  ['DISCORD_API_BASE', { DISCORD_API_BASE: 'discord.com/api' }],
  ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
  ['SHARD_COUNT', { SHARD_COUNT: 'two' }],
  ['CONTENT_DIR', { CONTENT_DIR: './no-such-folder' }],
  ['SANDBOX_PORT', { SANDBOX_PORT: '30000000' }],
];

describe('a setting written wrong in .env', () => {
  it.each(MISTAKES)(
    '%s: one line naming it, exit 1, no stack trace',
    async (key, values) => {
      const bot = startWithDotEnv(exampleWith(values));
      expect(await exitOf(bot.child)).toEqual({ code: 1, signal: null });
      const { stdout, stderr } = bot.out();
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${key} `))]);
    },
    30_000,
  );
});

describe('a setting Discord refuses at start-up', () => {
  async function refused(values: Record<string, string>, env: Record<string, string>) {
    const bot = startWithDotEnv(exampleWith(values), env);
    expect(await exitOf(bot.child)).toEqual({ code: 1, signal: null });
    const { stderr } = bot.out();
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(logEntries(stderr).filter((e) => Number(e.level) >= 40)).toEqual([]);
    return plainLines(stderr);
  }

  it('a token Discord does not accept: one line saying to copy a new one', async () => {
    const discord = await standIn();
    const wrong = discord.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const lines = await refused({ DISCORD_TOKEN: wrong }, { DISCORD_API_BASE: discord.url });
    expect(lines).toEqual([expect.stringMatching(/^DISCORD_TOKEN was refused by Discord/)]);
    expect(lines.join('')).not.toContain(wrong);
  }, 30_000);

  it('an API base nobody answers at: one line naming DISCORD_API_BASE', async () => {
    const discord = await standIn();
    const base = `http://127.0.0.1:${await closedPort()}/api`;
    const lines = await refused({ DISCORD_TOKEN: discord.token }, { DISCORD_API_BASE: base });
    expect(lines).toEqual([expect.stringContaining(`Could not reach Discord at ${base} (ECONNREFUSED)`)]);
    expect(lines[0]).toContain('DISCORD_API_BASE');
  }, 30_000);

  it('a server the bot is not in: one line naming DISCORD_GUILD_ID, with the invite link', async () => {
    const discord = await standIn();
    const lines = await refused(
      { DISCORD_TOKEN: discord.token, DISCORD_GUILD_ID: '123456789012345678' },
      { DISCORD_API_BASE: discord.url },
    );
    expect(lines).toEqual([
      expect.stringMatching(/^DISCORD_GUILD_ID: .*https:\/\/discord\.com\/oauth2\/authorize\?/),
    ]);
  }, 30_000);
});
