/**
 * A local stand-in for Discord's gateway (v10, JSON) and REST API, on 127.0.0.1 only, that the real
 * discord.js client can connect to with `rest: { api: standIn.url }`.
 *
 * Point a client at it:
 * ```ts
 * const standIn = await startStandIn();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.url }, waitGuildTimeout: 500 });
 * await client.login(standIn.token);
 * const handle = standIn.slash({ user: 'student1', name: 'quote', options: { query: 'gas' } });
 * const { type, data } = await handle.response();
 * ```
 *
 * Everything is in memory. Time is injectable (`options.now`, {@link StandIn.advanceClock}) so tests can
 * pass the 3-second and 15-minute interaction deadlines without waiting.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIMessage } from 'discord-api-types/v10';
import { Gateway, type GatewayEvent, type ShardSessionInfo } from './gateway.js';
import {
  Interactions,
  type AutocompleteOptions,
  type ComponentOptions,
  type InteractionHandle,
  type ModalSubmitOptions,
  type SelectOptions,
  type ShownModal,
  type SlashOptions,
} from './interactions.js';
import { Rest, type Fault, type RecordedRequest, type RouteFilter } from './rest.js';
import { DEFAULT_WAIT_MS, Signal } from './signal.js';
import { memberAccess } from './members.js';
import { World } from './state.js';
import type { ChannelWindow, GuildDirectory } from './views.js';

export { ApiError, ErrorCode, StandInError, type DiscordErrorBody, type FieldError } from './errors.js';
export type { GatewayEvent, ShardSessionInfo } from './gateway.js';
export type {
  AutocompleteOptions,
  CallbackRecord,
  ComponentOptions,
  InteractionContextOptions,
  InteractionHandle,
  InteractionRecord,
  ModalSubmitOptions,
  OptionValue,
  SelectOptions,
  ShownModal,
  SlashOptions,
} from './interactions.js';
export type { Fault, RecordedRequest, RouteFilter } from './rest.js';
export { ATTACHMENT_MAX_BYTES, type AttachmentUpload } from './attachments.js';
export { SnowflakeMinter, snowflakeTimestamp, DISCORD_EPOCH_MS } from './snowflake.js';
export { World, type GuildState, type ChannelState, type StandInUser, type StoredMessage } from './state.js';
export * as DiscordLimits from './limits.js';
export type { ChannelWindow, GuildDirectory } from './views.js';

/** The bot token the stand-in accepts unless told otherwise (three dot-separated parts, like a real one). */
export const DEFAULT_STAND_IN_TOKEN = 'MTAxMDAwMDAwMDAwMDAwMDAw.U3RhbmQ.aW4tdG9rZW4tbm90LWEtcmVhbC1vbmU';
/** Discord's usual heartbeat interval. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;

/** Options for {@link startStandIn}. */
export interface StandInOptions {
  /** Port on 127.0.0.1. Default 0 (any free port). */
  readonly port?: number;
  /** Bot token that REST (`Authorization: Bot …`), IDENTIFY and RESUME must carry. Default {@link DEFAULT_STAND_IN_TOKEN}. */
  readonly token?: string;
  /** Shard count recommended by `GET /gateway/bot` (used by `shards: 'auto'`). Default 1. */
  readonly shards?: number;
  /** `session_start_limit.max_concurrency`. Default 1 (discord.js then spaces shard IDENTIFYs 5 s apart). */
  readonly maxConcurrency?: number;
  /** Number of guilds, each shaped like "Class 7B". Guild i lands on shard `i % shardCount` (counts 1–10). Default 1. */
  readonly guilds?: number;
  /** Guild names, in order. Default "Class 7B", "Class 7C", … */
  readonly guildNames?: readonly string[];
  /** How many students each guild has (keys student1…studentN). Default 2. */
  readonly students?: number;
  /** HELLO's heartbeat interval. Default {@link DEFAULT_HEARTBEAT_INTERVAL_MS}. */
  readonly heartbeatIntervalMs?: number;
  /**
   * Keep every 429 it answered in force until its Retry-After has passed: a request that 429 covers
   * (every one but interaction callbacks for a global 429; the same method and path otherwise) is
   * answered 429 again and recorded with `ignoredRateLimit`. Default false.
   */
  readonly enforceRateLimits?: boolean;
  /** Clock in Unix ms. Default `Date.now`. {@link StandIn.advanceClock} adds to it. */
  readonly now?: () => number;
}

/** A running stand-in. */
export interface StandIn {
  /** REST base for discord.js: `http://127.0.0.1:PORT/api` (discord.js appends `/v10`). */
  readonly url: string;
  /** Gateway URL handed out by `/gateway/bot`: `ws://127.0.0.1:PORT/gateway`. */
  readonly gatewayUrl: string;
  readonly port: number;
  /** The bot token to log in with. */
  readonly token: string;
  /** The in-memory world (users, guilds, channels, messages, commands), for inspection. */
  readonly world: World;
  /** Every REST request so far, in order of completion. */
  readonly requests: readonly RecordedRequest[];
  /** Requests that matched no route (answered 404 `{ message: '404: Not Found', code: 0 }`). */
  readonly unknownRoutes: readonly RecordedRequest[];
  /** Gateway frames sent and received, and socket closes. */
  readonly events: readonly GatewayEvent[];
  /** Per shard: identifies, resumes, current session. */
  readonly sessions: readonly ShardSessionInfo[];
  /** Ids of the attachments the bot downloaded so far, in order. */
  readonly attachmentDownloads: readonly string[];

  /** The stand-in's current time (Unix ms). */
  now(): number;
  /** Moves the stand-in's clock forward, e.g. past the 3 s or 15 min interaction deadlines. */
  advanceClock(ms: number): void;
  /** Resolves once `shardCount` shards (default 1) have a connected session that got READY and its guilds. */
  waitForReady(shardCount?: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the first recorded request (past or future) matching `predicate`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;

  /** Id of a guild by index, id or name (default: the first). */
  guildId(guild?: string | number): string;
  /** Id of a channel or thread by name or id in a guild (default: the first guild). */
  channelId(channel: string, guild?: string | number): string;
  /** Id of a fixture user: 'bot', 'teacher', 'student1', 'student2'. */
  userId(user: string): string;
  /** A stored message (including ephemeral and deleted ones), as Discord would send it. */
  message(id: string): APIMessage | undefined;
  /** A channel's visible history, newest first (at most 100). */
  channelMessages(channel: string, guild?: string | number): APIMessage[];
  /** A guild by index, id or name (default: the first): its members, text channels and threads, roles. */
  guild(guild?: string | number): GuildDirectory;
  /**
   * The newest `limit` messages of a channel or thread as `user` sees them in Discord's client, oldest
   * first: its history, their own ephemeral messages, polls' `me_voted` filled in for them, and a
   * thread's starting message at its top; `older` says whether older ones exist.
   */
  channelWindow(options: {
    user: string;
    channel: string;
    limit: number;
    guild?: string | number;
  }): ChannelWindow;
  /**
   * Whether a member sees a channel or thread (by id or name): a private thread only its members and
   * members with Manage Threads see.
   */
  canView(user: string, channel: string, guild?: string | number): boolean;
  /** Registered commands: global when `guild` is omitted, else that guild's. */
  commands(guild?: string | number): APIApplicationCommand[];
  /** Records votes on a poll message (replacing the user's previous votes). */
  vote(options: { message: string; user: string; answers: readonly number[] }): void;
  /** Calls `listener` after every change of state (messages, threads, requests); returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  /**
   * A member posts a plain message in a channel or thread (by id or name). The content is checked as
   * Discord checks it: over 2000 characters throws {@link ApiError} 400 / 50035, empty throws 50006.
   */
  say(options: { user: string; channel: string; content: string; guild?: string | number }): APIMessage;
  /**
   * The chat-input commands a member sees in their `/` list (guild commands over global ones of the same
   * name), without those whose `default_member_permissions` the member lacks.
   */
  commandsFor(user: string, guild?: string | number): APIApplicationCommand[];

  /**
   * Dispatches a slash command as `user`. Throws {@link StandInError} with code 50013 when the command is
   * registered with `default_member_permissions` the user lacks: Discord hides such commands, so the user
   * could never run it.
   */
  slash(options: SlashOptions): InteractionHandle;
  /** Dispatches an autocomplete request (same permission rule as {@link slash}). */
  autocomplete(options: AutocompleteOptions): InteractionHandle;
  /** Clicks a button on a stored message (ephemeral messages only for their recipient). */
  button(options: ComponentOptions): InteractionHandle;
  /** Picks values in a select menu on a stored message. */
  select(options: SelectOptions): InteractionHandle;
  /** Submits a modal (pass `from` to mirror the modal a previous interaction showed). */
  modalSubmit(options: ModalSubmitOptions): InteractionHandle;
  /**
   * The modal `user` has open: the newest one a callback (type 9) showed them that they have neither
   * submitted nor closed. Submitting it with `from` closes it.
   */
  shownModal(user: string): ShownModal | undefined;
  /** `user` closes the modal they have open (Cancel): the bot is told nothing, as on Discord. */
  closeModal(user: string): void;

  /** Closes the gateway sockets of one shard (default: all) with a close code (e.g. 4000 → client resumes). */
  closeGateway(code: number, shard?: number): number;
  /** Destroys the TCP sockets of one shard (default: all) without a close frame (client sees 1006, resumes). */
  dropGateway(shard?: number): number;
  /** Stops (or resumes) answering heartbeats with op 11. */
  withholdHeartbeatAcks(on: boolean): void;
  /** The next `count` requests matching `filter` fail with `fault`, without being processed. */
  failNext(count: number, fault: Fault, filter?: RouteFilter): void;
  /**
   * Holds the responses to the next `count` (default: all) matching requests for `ms` after processing
   * them. Returns a function removing the rule.
   */
  delay(ms: number, filter?: RouteFilter, count?: number): () => void;
  /** Removes pending failures and delays. */
  clearFaults(): void;

  /** Closes every socket and the server. Pending waits reject. */
  close(): Promise<void>;
}

type Control =
  | 'slash'
  | 'autocomplete'
  | 'button'
  | 'select'
  | 'modalSubmit'
  | 'shownModal'
  | 'closeModal'
  | 'closeGateway'
  | 'dropGateway'
  | 'withholdHeartbeatAcks'
  | 'failNext'
  | 'delay'
  | 'clearFaults';

/** Starts a stand-in on 127.0.0.1. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  let offset = 0;
  const baseNow = options.now ?? Date.now;
  const now = (): number => baseNow() + offset;
  const token = options.token ?? DEFAULT_STAND_IN_TOKEN;
  const signal = new Signal();
  const world = new World(
    { guilds: options.guilds, guildNames: options.guildNames, students: options.students },
    now,
  );
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new Gateway(
    world,
    {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      token,
      url: gatewayUrl,
    },
    signal,
  );
  const interactions = new Interactions(world, gateway, signal);
  const rest = new Rest(world, interactions, gateway, signal, {
    token,
    gatewayUrl,
    shards: options.shards ?? 1,
    maxConcurrency: options.maxConcurrency ?? 1,
    enforceRateLimits: options.enforceRateLimits ?? false,
  });

  const server = serve(rest, gateway, world);
  port = await listen(server, options.port ?? 0);
  world.attachments.origin = `http://127.0.0.1:${port}`;

  let closed = false;
  const standIn: StandIn = {
    url: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    port,
    token,
    world,
    get requests() {
      return rest.requests;
    },
    get unknownRoutes() {
      return rest.requests.filter((request) => request.route === null && !request.injected);
    },
    get events() {
      return gateway.events;
    },
    get sessions() {
      return gateway.shardInfo();
    },
    get attachmentDownloads() {
      return world.attachments.downloads;
    },
    now,
    advanceClock(ms) {
      offset += ms;
    },
    ...waiting(signal, gateway, rest),
    ...memberAccess(world, signal),
    ...controls(interactions, gateway, rest),
    async close() {
      if (closed) return;
      closed = true;
      await closeAll(signal, rest, gateway, server);
    },
  };
  return standIn;
}

/** Waiting for the bot: until its shards are ready, or until it sends a matching request. */
function waiting(signal: Signal, gateway: Gateway, rest: Rest): Pick<StandIn, 'waitForReady' | 'waitFor'> {
  return {
    waitForReady(shardCount = 1, timeoutMs = DEFAULT_WAIT_MS) {
      return signal
        .waitFor(
          () => (gateway.readyShards() >= shardCount ? true : undefined),
          timeoutMs,
          `${shardCount} ready shard(s)`,
        )
        .then(() => undefined);
    },
    waitFor(predicate, timeoutMs = DEFAULT_WAIT_MS) {
      return signal.waitFor(() => rest.requests.find(predicate), timeoutMs, 'a matching REST request');
    },
  };
}

/** The dispatchers and fault injection: what a test does to the bot. */
function controls(interactions: Interactions, gateway: Gateway, rest: Rest): Pick<StandIn, Control> {
  return {
    slash: (o) => interactions.slash(o),
    autocomplete: (o) => interactions.autocomplete(o),
    button: (o) => interactions.button(o),
    select: (o) => interactions.select(o),
    modalSubmit: (o) => interactions.modalSubmit(o),
    shownModal: (user) => interactions.shownModal(user),
    closeModal: (user) => {
      interactions.closeModal(user);
    },
    closeGateway: (code, shard) => gateway.closeShards(code, shard),
    dropGateway: (shard) => gateway.dropShards(shard),
    withholdHeartbeatAcks: (on) => {
      gateway.withholdHeartbeatAcks(on);
    },
    failNext: (count, fault, filter) => {
      rest.failNext(count, fault, filter);
    },
    delay: (ms, filter, count) => rest.delay(ms, filter, count),
    clearFaults: () => {
      rest.clearFaults();
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function serve(rest: Rest, gateway: Gateway, world: World): Server {
  const server = createServer((request, response) => {
    // Attached files, as Discord's CDN serves them; everything else is the REST API.
    if (!world.attachments.serve(request, response)) rest.handle(request, response);
  });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/gateway' || path === '/gateway/') gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  return server;
}

async function closeAll(signal: Signal, rest: Rest, gateway: Gateway, server: Server): Promise<void> {
  signal.cancelAll(new Error('StandIn: closed'));
  rest.clearFaults();
  rest.releaseDelayed();
  await gateway.close();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}
