/**
 * Sandbox mode, what `npm start` runs without a DISCORD_TOKEN: the local Discord stand-in, the
 * real bot connected to it, and a page at http://127.0.0.1:PORT that works like a Discord channel.
 */
import { startBot, type Bot } from '../bot/client.js';
import type { Config } from '../config.js';
import type { Content } from '../content/types.js';
import { startLiveLibrary } from '../core/live.js';
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
  // Three students: enough for a post-first discussion where one reads the others' answers.
  const standIn = await startStandIn({ students: 3 });
  // Edits to content/ reach the running bot; a bad edit is reported here and on the page.
  const pageOutdated = {
    notify: () => {
      /* until the page's server is up */
    },
  };
  const live = startLiveLibrary({
    content: options.content,
    contentDir: options.contentDir,
    cacheDir: CACHE_DIR,
    log,
    onChange: () => {
      pageOutdated.notify();
    },
  });
  const server = await startSandboxServer({
    standIn,
    problems: () => [...live.problems()],
    port: config.sandboxPort ?? DEFAULT_SANDBOX_PORT,
  });
  pageOutdated.notify = () => {
    server.changed();
  };
  const bot = startBot({
    config: { ...config, token: standIn.token, apiBase: standIn.url, guildId: standIn.guildId() },
    library: live.library,
    log,
    content: {
      dir: options.contentDir,
      reload: live.reload,
      problems: live.problems,
      allowLoopback: config.importAllowLoopback,
    },
    print: () => undefined,
  });
  await bot.ready;
  live.ready();
  return {
    url: server.url,
    standIn,
    bot,
    server,
    async stop() {
      await live.close();
      await bot.stop();
      await server.close();
      await standIn.close();
    },
  };
}
