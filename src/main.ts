/**
 * `npm start`. Validates the configuration and the content first (and exits 1 saying why if either
 * is wrong), then runs the bot: as one process, or under discord.js's ShardingManager when
 * SHARD_COUNT is set, or as one client holding the shards SHARD_IDS lists (other processes, on this
 * machine or others, hold the rest). SIGINT/SIGTERM finish the replies in flight, close the gateway and exit 0.
 */
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { startBot } from './bot/client.js';
import { loginProblem, SettingError } from './bot/setting-error.js';
import {
  DISCORD_API_DEFAULT,
  dropBlankSettings,
  readConfig,
  sharedBotWarning,
  type Config,
} from './config.js';
import { formatProblem, loadContent } from './content/load.js';
import { DEFAULT_CONTENT_DIR } from './content/paths.js';
import { startLiveLibrary } from './core/live.js';
import { createLogger } from './logger.js';
import { CACHE_DIR } from './paths.js';
import { startSandbox } from './sandbox/run.js';

function sandboxBanner(url: string): string {
  return [
    'Sandbox mode: no DISCORD_TOKEN is set, so the bot runs against a local stand-in for Discord.',
    `Open ${url} to use it like a Discord channel.`,
    'To connect to real Discord instead: copy .env.example to .env, set DISCORD_TOKEN to your bot token',
    '(Discord Developer Portal → your application → Bot → Reset Token), and run npm start again.',
    'Stop with Ctrl+C.',
  ].join('\n');
}

function onSignals(stop: () => Promise<void>): void {
  const handler = () => {
    void stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function runSharded(config: Config & { token: string }): Promise<void> {
  const manager = new ShardingManager(fileURLToPath(import.meta.url), {
    token: config.token,
    totalShards: config.shardCount ?? 'auto',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    console.log(`Shard ${shard.id} starting`);
  });
  const stopShards = async () => {
    manager.respawn = false;
    const exits = [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          if (!shard.process || shard.process.exitCode !== null) {
            resolve();
            return;
          }
          shard.process.once('exit', () => {
            resolve();
          });
          shard.process.kill('SIGTERM');
        }),
    );
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 9000).unref())]);
  };
  onSignals(stopShards);
  await manager.spawn({ timeout: 60_000 }).catch(async (err: unknown) => {
    // A shard that died starting has said why. "auto" asks discord.com itself for the shard count.
    if ((err as { code?: unknown }).code !== 'ShardingReadyDied') {
      console.error(loginProblem(err, DISCORD_API_DEFAULT)?.message ?? 'The shards could not be started.');
    }
    await stopShards();
    process.exit(1);
  });
}

async function main(): Promise<void> {
  // `.env` is loaded (dotenv, above); a blank line in it such as `SHARD_COUNT=` means unset, for us and
  // for discord.js, which reads SHARD_COUNT itself.
  dropBlankSettings(process.env);
  const configResult = readConfig(process.env);
  if (!configResult.ok) {
    for (const e of configResult.errors) console.error(e);
    process.exit(1);
  }
  const config = configResult.config;
  // Our SHARD_COUNT is the ShardingManager's setting. discord.js's Client would read it as its own
  // shard count, so only a shard process (given its own SHARD_COUNT by the manager) keeps it.
  if (process.env.SHARDING_MANAGER !== 'true') delete process.env.SHARD_COUNT;
  const contentDir = config.contentDir ?? DEFAULT_CONTENT_DIR;
  const loaded = await loadContent(contentDir);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(formatProblem(p));
    console.error(
      'The content is invalid, so the bot will not start. Fix the problems above (npm run content:check).',
    );
    process.exit(1);
  }
  if (config.token === undefined) {
    // Keep the terminal readable for a teacher trying it out, unless a log level was asked for.
    const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn');
    const sandbox = await startSandbox({ config, content: loaded.content, contentDir, log });
    onSignals(sandbox.stop);
    console.log(sandboxBanner(sandbox.url));
    return;
  }
  const withToken = { ...config, token: config.token };
  // SHARD_COUNT alone: this process runs every shard, one child process each (ShardingManager).
  // With SHARD_IDS it runs only those, as one client (startBot), and other processes run the rest.
  if (
    process.env.SHARDING_MANAGER !== 'true' &&
    config.shardCount !== undefined &&
    config.shardIds === undefined
  ) {
    await runSharded(withToken);
    return;
  }
  const log = createLogger(config.logLevel);
  const warning = sharedBotWarning(config);
  if (warning !== undefined) log.warn(warning);
  // Edits to content/ reach the running bot; a bad edit is reported and the last good content stays.
  const live = startLiveLibrary({ content: loaded.content, contentDir, cacheDir: CACHE_DIR, log });
  const bot = startBot({
    config: withToken,
    library: live.library,
    log,
    content: {
      dir: contentDir,
      reload: live.reload,
      problems: live.problems,
      allowLoopback: config.importAllowLoopback,
    },
  });
  onSignals(async () => {
    await live.close();
    await bot.stop();
  });
  await bot.ready.then(
    // Saved for the next start, once this one is answering.
    live.ready,
    (err: unknown) => {
      // A setting's fault is one line saying what to fix (anything else was logged by the bot).
      if (err instanceof SettingError) console.error(err.message);
      process.exit(1);
    },
  );
}

await main();
