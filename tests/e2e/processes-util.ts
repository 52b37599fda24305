/**
 * Bot processes sharing one bot, for the multi-process e2e tests: the stand-in with 2 shards and 2
 * guilds (guild i on shard i) keeping its 429s in force (`enforceRateLimits`), one REST proxy
 * (`npm run proxy`, @discordjs/proxy) in front of it, and bot processes started as `npm start` starts
 * them, with SHARD_COUNT=2 and their own SHARD_IDS, sending all their REST through the proxy.
 */
import { startStandIn, type InteractionHandle, type StandIn } from '../../src/sandbox/standin/index.js';
import { botEnv, ENTRY } from './harness.js';
import { PROXY_ENTRY, run, type Running } from './process.js';

export interface Processes {
  readonly standIn: StandIn;
  readonly proxy: Running;
  /** The first two bot processes: bots[i] holds shard i. */
  readonly bots: readonly Running[];
  /**
   * Starts another bot process through the proxy holding `shardIds` (SHARD_IDS, of SHARD_COUNT=2);
   * resolves once it is connected (and, holding shard 0, has registered the commands).
   */
  readonly startBot: (shardIds: string) => Promise<Running>;
  /** Stops every process started (bots first, then the proxy) and closes the stand-in. */
  readonly stop: () => Promise<void>;
}

export interface ProcessesOptions {
  /** More environment for every bot process (e.g. CONTENT_DIR, LOG_LEVEL). */
  readonly env?: Record<string, string>;
  /** Students per guild (student1…studentN). Default the stand-in's. */
  readonly students?: number;
}

export async function startProcesses(options: ProcessesOptions = {}): Promise<Processes> {
  const standIn = await startStandIn({
    shards: 2,
    guilds: 2,
    maxConcurrency: 2,
    enforceRateLimits: true,
    heartbeatIntervalMs: 45_000,
    ...(options.students !== undefined && { students: options.students }),
  });
  const proxy = run('proxy', PROXY_ENTRY, {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PROXY_UPSTREAM: standIn.url,
    PROXY_PORT: '0',
    LOG_LEVEL: 'info',
  });
  const started: Running[] = [];
  const stop = async () => {
    for (const p of [...started, proxy]) await p.stop();
    await standIn.close();
  };
  try {
    const proxyUrl = (await proxy.waitFor(/REST proxy listening at (\S+),/))[1] ?? '';
    const launch = (shardIds: string) => {
      const bot = run(
        `bot with ${shardIds.includes('-') || shardIds.includes(',') ? 'shards' : 'shard'} ${shardIds}`,
        ENTRY,
        botEnv(standIn, {
          DISCORD_API_BASE: proxyUrl,
          SHARD_COUNT: '2',
          SHARD_IDS: shardIds,
          // Empty: registered globally, so that both guilds run the registered, checked commands.
          DISCORD_GUILD_ID: '',
          LOG_LEVEL: 'info',
          ...options.env,
        }),
      );
      started.push(bot);
      return bot;
    };
    const startBot = async (shardIds: string) => {
      const bot = launch(shardIds);
      await bot.waitFor(/^0\b/.test(shardIds) ? 'Invite the bot' : '"msg":"connected"');
      return bot;
    };
    const bots = [launch('0'), launch('1')];
    await bots[0]?.waitFor('Invite the bot');
    await bots[1]?.waitFor('"msg":"connected"');
    await standIn.waitForReady(2, 20_000);
    return { standIn, proxy, bots, startBot, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Which of the bot processes logged having answered this interaction (with its interaction id). */
export function answeredBy(bots: readonly Running[], h: Pick<InteractionHandle, 'id'>): string[] {
  return bots.filter((b) => b.log().some((e) => e.interactionId === h.id)).map((b) => b.name);
}
