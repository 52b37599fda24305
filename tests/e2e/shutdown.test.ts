/**
 * Graceful shutdown of the real bot process: SIGTERM and SIGINT exit 0 promptly and close the gateway
 * session; a reply in flight is finished first; an interaction arriving meanwhile gets a short
 * private "restarting" note rather than an error or silence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StandIn } from '../../src/sandbox/standin/index.js';
import { startStack, type Stack } from './harness.js';
import {
  callbacksFor,
  EPHEMERAL,
  exitOf,
  logEntries,
  ok,
  requestsFor,
  SHUTTING_DOWN_TEXT,
  waitUntil,
} from './util.js';

/** `GET /channels/{id}/messages`: /prompt reads the channel's history before posting. */
const HISTORY = /^GET \/channels\/\d+\/messages$/;

let stacks: Stack[] = [];
afterEach(async () => {
  await Promise.all(stacks.map((s) => s.stop()));
  stacks = [];
});

async function stack(): Promise<Stack> {
  const s = await startStack();
  stacks.push(s);
  await s.standIn.waitForReady(1);
  return s;
}

/** The bot ended its gateway session itself (close 1000), instead of vanishing. */
function closedNormally(standIn: StandIn): boolean {
  return standIn.events.some((e) => e.direction === 'close' && e.code === 1000);
}

describe('shutdown', () => {
  it('SIGTERM exits 0 within 10 s and closes the gateway session', async () => {
    const s = await stack();
    const result = await s.stop();
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.ms).toBeLessThan(10_000);
    expect(closedNormally(s.standIn)).toBe(true);
  });

  it('SIGINT exits 0 within 10 s and closes the gateway session', async () => {
    const s = await stack();
    const started = Date.now();
    s.bot.kill('SIGINT');
    const result = await exitOf(s.bot);
    expect(result).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(closedNormally(s.standIn)).toBe(true);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'a clean %s is quiet: no warning or error in the log, nothing else on stderr',
    async (signal) => {
      const s = await stack();
      s.bot.kill(signal);
      expect(await exitOf(s.bot)).toEqual({ code: 0, signal: null });
      const { stderr } = s.output();
      const alarming = logEntries(stderr).filter((e) => Number(e.level) >= 40);
      expect(alarming).toEqual([]);
      expect(stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'))).toEqual([]);
      expect(logEntries(stderr).map((e) => e.msg)).toContain('shutting down');
    },
  );

  it('a reply in flight is finished before the process exits 0', async () => {
    const s = await stack();
    const { standIn } = s;
    standIn.delay(1500, HISTORY, 1);
    const h = standIn.slash({ user: 'teacher', channel: 'discussion', name: 'prompt' });
    // The bot is now awaiting the (slow) history fetch: the reply is in flight.
    await standIn.waitFor((r) => HISTORY.test(`${r.method} ${r.path}`), 5000);
    const signalled = Date.now();
    s.bot.kill('SIGTERM');
    const exit = exitOf(s.bot);

    const done = await h.waitForOriginal((m) => m.content.startsWith('Posted: '), 8000);
    expect((done.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const result = await exit;
    expect(result).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    // The prompt itself was posted to the class, and the teacher's edit landed before the gateway closed.
    const posted = standIn.channelMessages('discussion').find((m) => done.content.includes(m.id));
    expect(posted).toBeDefined();
    const edit = requestsFor(standIn, h).find((r) => r.method === 'PATCH' && ok(r));
    expect(edit).toBeDefined();
    const close = standIn.events.find((e) => e.direction === 'close' && e.code === 1000);
    expect(close).toBeDefined();
    expect(close?.time ?? 0).toBeGreaterThanOrEqual(edit?.time ?? Infinity);
  });

  it('an interaction arriving during shutdown gets the private "restarting" note, not an error', async () => {
    const s = await stack();
    const { standIn } = s;
    standIn.delay(1500, HISTORY, 1);
    const inFlight = standIn.slash({ user: 'teacher', channel: 'discussion', name: 'prompt' });
    await standIn.waitFor((r) => HISTORY.test(`${r.method} ${r.path}`), 5000);
    s.bot.kill('SIGTERM');
    const exit = exitOf(s.bot);
    // The bot is draining (the /prompt above holds it open for ~1.5 s) with its gateway still up.
    await waitUntil(
      () => logEntries(s.output().stderr).some((e) => e.msg === 'shutting down'),
      '"shutting down" in the log',
      5000,
    );
    const late = standIn.slash({
      user: 'student1',
      channel: 'discussion',
      name: 'quote',
      options: { query: 'ammunition not a ride' },
    });
    const note = await late.response(5000);
    expect(note.type).toBe(4);
    expect(note.data?.content).toBe(SHUTTING_DOWN_TEXT);
    expect(Number(note.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(note.data?.allowed_mentions).toEqual({ parse: [] });
    expect(callbacksFor(standIn, late).filter(ok)).toHaveLength(1);
    expect(requestsFor(standIn, late).filter((r) => !ok(r))).toEqual([]);

    await inFlight.waitForOriginal((m) => m.content.startsWith('Posted: '), 8000);
    expect(await exit).toEqual({ code: 0, signal: null });
    const errors = logEntries(s.output().stderr).filter((e) => Number(e.level) >= 50);
    expect(errors).toEqual([]);
  });
});
