/**
 * Sharding: SHARD_COUNT=2 runs discord.js's ShardingManager, which forks one child per shard running
 * the same entry point. The stand-in has 2 shards and 2 guilds (guild i lives on shard i % 2), and
 * max_concurrency 2 so the stand-in does not ask for IDENTIFYs 5 s apart (the manager still spawns
 * its children 5.5 s apart: discord.js's default spawn delay).
 *
 * Commands: DISCORD_GUILD_ID registers commands in one guild only. The stand-in would dispatch an
 * unregistered command anyway (inferring option types, checking nothing), but that would test less:
 * DISCORD_GUILD_ID is left empty (the bot treats an empty value as unset), so shard 0 registers the
 * commands globally, as a real multi-server deployment does, and both guilds run the registered,
 * checked definitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World, type InteractionHandle, type StandIn } from '../../src/sandbox/standin/index.js';
import { startStack, visibleText, type Stack } from './harness.js';
import { callbacksFor, childPids, isAlive, logEntries, ok, waitUntil } from './util.js';

let stack: Stack;
let children: number[] = [];

beforeAll(async () => {
  stack = await startStack({
    standIn: { shards: 2, guilds: 2, maxConcurrency: 2 },
    env: { SHARD_COUNT: '2', DISCORD_GUILD_ID: '' },
  });
  await stack.standIn.waitForReady(2, 20_000);
  children = await waitUntil(() => {
    const pids = stack.bot.pid === undefined ? [] : childPids(stack.bot.pid);
    return pids.length === 2 && pids;
  }, 'two shard processes');
}, 30_000);

afterAll(async () => {
  await stack.stop();
  // Only if a test failed half-way: never leave a shard process behind.
  for (const pid of children) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

function quoteIn(standIn: StandIn, guild: number): InteractionHandle {
  return standIn.slash({
    user: 'student1',
    guild,
    channel: 'discussion',
    name: 'quote',
    options: { query: 'ammunition not a ride' },
  });
}

/** The gateway shard the stand-in used to deliver an interaction. */
function deliveredOn(standIn: StandIn, h: InteractionHandle): (number | null)[] {
  return standIn.events
    .filter(
      (e) =>
        e.direction === 'out' &&
        e.t === 'INTERACTION_CREATE' &&
        (e.d as { id?: string } | undefined)?.id === h.id,
    )
    .map((e) => e.shard);
}

describe('two shards', () => {
  it('both shards IDENTIFY once each, as [0, 2] and [1, 2]', () => {
    const sessions = stack.standIn.sessions.map((s) => ({
      shard: s.shard,
      shardCount: s.shardCount,
      identifies: s.identifies,
      connected: s.connected,
    }));
    expect(sessions).toEqual([
      { shard: 0, shardCount: 2, identifies: 1, connected: true },
      { shard: 1, shardCount: 2, identifies: 1, connected: true },
    ]);
    const { stdout } = stack.output();
    expect(stdout).toContain('Shard 0 starting');
    expect(stdout).toContain('Shard 1 starting');
    // Shard 0 alone registers the commands and prints the invite link.
    expect(stdout.match(/Invite the bot/g)).toHaveLength(1);
  });

  it('the commands are registered globally, so both guilds know /quote', () => {
    const { standIn } = stack;
    expect(standIn.commands().map((c) => c.name)).toContain('quote');
    expect(standIn.commands(0)).toEqual([]);
    expect(standIn.commands(1)).toEqual([]);
  });

  it('/quote is answered in a guild on shard 0 and in a guild on shard 1', async () => {
    const { standIn } = stack;
    expect(World.shardOf(standIn.guildId(0), 2)).toBe(0);
    expect(World.shardOf(standIn.guildId(1), 2)).toBe(1);
    for (const guild of [0, 1]) {
      const h = quoteIn(standIn, guild);
      const callback = await h.response();
      expect(deliveredOn(standIn, h), `guild ${guild}`).toEqual([guild]);
      expect(callbacksFor(standIn, h).filter(ok)).toHaveLength(1);
      expect(callbacksFor(standIn, h).filter((r) => !ok(r))).toEqual([]);
      expect(callback.type).toBe(4);
      expect(visibleText(callback.data ?? {})).toContain('ammunition');
    }
  });

  it('SIGTERM: the manager exits 0 and no shard process is left behind', async () => {
    expect(children).toHaveLength(2);
    for (const pid of children) expect(isAlive(pid)).toBe(true);
    const result = await stack.stop();
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.ms).toBeLessThan(10_000);
    await waitUntil(
      () => children.every((pid) => !isAlive(pid)),
      'the shard processes to be gone',
      2000,
    ).catch(() => undefined);
    expect(children.filter(isAlive)).toEqual([]);
    // Each shard shut down itself (logged it, closed its gateway session with 1000), rather than being killed.
    const closes = stack.standIn.events.filter((e) => e.direction === 'close' && e.code === 1000);
    expect(closes.map((e) => e.shard).sort()).toEqual([0, 1]);
    const shutdowns = logEntries(stack.output().stderr).filter((e) => e.msg === 'shutting down');
    expect(shutdowns.map((e) => Number(e.pid)).sort()).toEqual([...children].sort());
  });
});
