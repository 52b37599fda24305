/**
 * The bot process: one discord.js client (one or more shards), the router, command registration
 * and a graceful shutdown. Only the Guilds intent is requested: no privileged intents.
 */
import { createHmac } from 'node:crypto';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { answersFromLedger } from '../../commands/discussion-io.js';
import { commands, commandsByName } from '../../commands/index.js';
import type { Config } from '../config.js';
import type { AnswersForThread } from './answers.js';
import type { ContentAccess } from './command.js';
import { attachmentOrigins } from './attachment.js';
import type { Library } from '../core/index.js';
import type { Logger } from '../logger.js';
import { inviteUrl } from './invite.js';
import { registerCommands } from './register.js';
import { loginProblem, registrationProblem, SettingError } from './setting-error.js';
import { createRouter } from './router.js';

/** How long shutdown waits for replies in flight before closing anyway. */
export const DRAIN_TIMEOUT_MS = 8000;

export interface BotOptions {
  readonly config: Config & { token: string };
  readonly library: () => Library;
  readonly log: Logger;
  /** The content folder and its reload, for /article; without it /article refuses. */
  readonly content?: ContentAccess;
  /** Where human-readable start-up lines go (the invite link). */
  readonly print?: (line: string) => void;
  /** The answers to a thread's prompt (the teachers' ledger), for /summary. */
  readonly answersForThread?: AnswersForThread;
}

export interface Bot {
  readonly client: Client;
  /**
   * Resolves once connected, with commands registered (by the process holding shard 0). Rejects with a SettingError
   * when a setting is to blame (token refused, Discord unreachable, server not joined).
   */
  readonly ready: Promise<void>;
  /** Finishes replies in flight, closes the gateway. */
  readonly stop: () => Promise<void>;
}

/** The pseudonyms' key: ANSWER_SECRET, or else one derived from the token (which it never reveals). */
export function answerSecret(config: Config): string {
  if (config.answerSecret !== undefined) return config.answerSecret;
  return createHmac('sha256', 'discussion-pseudonyms')
    .update(config.token ?? '')
    .digest('hex');
}

/** Guilds intent only, REST at DISCORD_API_BASE, no pings; with SHARD_IDS, just those shards. */
function clientOptions(config: BotOptions['config']): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiBase },
    allowedMentions: { parse: [] },
    // SHARD_IDS: this process runs these of SHARD_COUNT shards, in one client (see src/main.ts).
    ...(config.shardIds !== undefined &&
      typeof config.shardCount === 'number' && {
        shards: [...config.shardIds],
        shardCount: config.shardCount,
      }),
  };
}

export function startBot(options: BotOptions): Bot {
  const { config, library, log, content, print = console.log, answersForThread } = options;
  const client = new Client(clientOptions(config));
  const router = createRouter(commandsByName, {
    library,
    log,
    ...(content && { content }),
    answersForThread: answersForThread ?? answersFromLedger,
    attachmentOrigins: attachmentOrigins(config.apiBase),
    answerSecret: answerSecret(config),
  });
  client.on(Events.InteractionCreate, (i) => void router.handle(i));
  client.on(Events.Error, (err) => {
    log.error({ err }, 'client error');
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    log.info({ shard, replayed }, 'gateway resumed');
  });
  let stopping: Promise<void> | undefined;
  client.on(Events.ShardReconnecting, (shard) => {
    // discord.js reports its own clean close (client.destroy) as a reconnect: not worth a warning.
    if (stopping === undefined) log.warn({ shard }, 'gateway reconnecting');
  });

  let failLogin: (err: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    failLogin = reject;
    client.once(Events.ClientReady, (c) => {
      void (async () => {
        // Which shards this process holds: SHARD_IDS, else the ShardingManager's, else the only one.
        const shards = config.shardIds ?? c.shard?.ids ?? [0];
        log.info({ user: c.user.tag, shards, guilds: c.guilds.cache.size }, 'connected');
        if (shards.includes(0)) {
          const result = await registerCommands(
            c.rest,
            c.application.id,
            commands.map((cmd) => cmd.data),
            config.guildId,
          ).catch((err: unknown) => {
            throw registrationProblem(err, config.guildId, c.application.id) ?? err;
          });
          log.info(
            result,
            result.changed ? 'slash commands registered' : 'slash commands already up to date',
          );
          print(
            `Logged in as ${c.user.tag}. Invite the bot to a server with:\n${inviteUrl(c.application.id)}`,
          );
        }
      })().then(resolve, reject);
    });
  });
  ready.catch((err: unknown) => {
    // A setting's fault is for the caller to print as one line; anything else is a bug to log.
    if (!(err instanceof SettingError)) log.error({ err }, 'start-up failed');
  });

  // The error text never includes the token.
  client.login(config.token).catch((err: unknown) => {
    failLogin(loginProblem(err, config.apiBase) ?? err);
  });

  return {
    client,
    ready,
    stop() {
      stopping ??= (async () => {
        router.close();
        log.info({ inFlight: router.inFlight() }, 'shutting down');
        await Promise.race([router.drain(), new Promise((r) => setTimeout(r, DRAIN_TIMEOUT_MS).unref())]);
        await client.destroy();
      })();
      return stopping;
    },
  };
}
