/**
 * Sandbox mode, what `npm start` runs without a DISCORD_TOKEN: the local Discord stand-in, the
 * real bot connected to it, and a page at http://127.0.0.1:PORT that works like a Discord channel.
 */
import { startBot, type Bot } from '../bot/client.js';
import type { Config } from '../config.js';
import type { Content } from '../content/types.js';
import { watchContent } from '../content/watch.js';
import { buildCore, startCore } from '../core/index.js';
import type { Logger } from '../logger.js';
import { CACHE_DIR } from '../paths.js';
import { startSandboxServer, type SandboxServer } from './server.js';
import { startStandIn, type StandIn } from './standin/index.js';

export const DEFAULT_SANDBOX_PORT = 3000;

export interface Sandbox {
  readonly url: string;
  readonly standIn: StandIn;
  readonly bot: Bot;
  readonly server: SandboxServer;
  readonly stop: () => Promise<void>;
}

export async function startSandbox(options: {
  config: Config;
  content: Content;
  contentDir: string;
  log: Logger;
}): Promise<Sandbox> {
  const { config, log } = options;
  const standIn = await startStandIn();
  const started = startCore(options.content, CACHE_DIR, log);
  let core = started.core;
  let problems: string[] = [];
  const server = await startSandboxServer({
    standIn,
    problems: () => problems,
    port: config.sandboxPort ?? DEFAULT_SANDBOX_PORT,
  });
  const watcher = watchContent(options.contentDir, {
    onContent: (content) => {
      core = buildCore(content);
      problems = [];
      log.info({ passages: content.passages.size }, 'content reloaded');
      server.changed();
    },
    onProblems: (_, lines) => {
      problems = lines;
      log.warn(
        { problems: lines },
        `content edit rejected, still serving the last good content:\n${lines.join('\n')}`,
      );
      server.changed();
    },
  });
  const bot = startBot({
    config: { ...config, token: standIn.token, apiBase: standIn.url, guildId: standIn.guildId() },
    core: () => core,
    log,
    print: () => undefined,
  });
  await bot.ready;
  started.ready();
  return {
    url: server.url,
    standIn,
    bot,
    server,
    async stop() {
      watcher.close();
      await bot.stop();
      await server.close();
      await standIn.close();
    },
  };
}
