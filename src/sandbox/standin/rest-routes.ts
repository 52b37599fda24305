/**
 * What the stand-in's REST routes are made of: a route is a method, a path pattern (`:name` matches
 * one segment), whether it needs the bot token, and a handler from the request to a reply. The routes
 * themselves live in per-resource tables (`routes-*.ts`).
 */
import { apiErrors, invalidFormBody, type FieldError } from './errors.js';
import type { Gateway } from './gateway.js';
import type { Interactions } from './interactions.js';
import type { FileUpload } from './multipart.js';
import type { Signal } from './signal.js';
import type { ChannelState, GuildState, StoredMessage, World } from './state.js';

export type Json = Record<string, unknown>;

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Context {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The files of a multipart body (`files[n]`), for the message it creates or edits. */
  readonly files: readonly FileUpload[];
}

export interface RouteSpec {
  readonly method: string;
  readonly pattern: string;
  readonly auth: boolean;
  readonly handler: (context: Context) => Reply;
}

export interface RestOptions {
  readonly token: string;
  readonly gatewayUrl: () => string;
  readonly shards: number;
  readonly maxConcurrency: number;
  /** Keep answered 429s in force: see rate-limits.ts. */
  readonly enforceRateLimits?: boolean;
}

/** The parts of the stand-in the routes read and change. */
export interface RestParts {
  readonly world: World;
  readonly interactions: Interactions;
  readonly gateway: Gateway;
  readonly signal: Signal;
  readonly options: RestOptions;
}

export function route(
  method: string,
  pattern: string,
  auth: boolean,
  handler: (context: Context) => Reply,
): RouteSpec {
  return { method, pattern, auth, handler };
}

export const json = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });
export const param = (context: Context, name: string): string => context.params[name] ?? '';

export function throwIf(problems: readonly FieldError[]): void {
  if (problems.length > 0) throw invalidFormBody(problems);
}

export function guildOf(world: World, context: Context): GuildState {
  const guild = world.guilds.get(context.params.guild ?? '');
  if (!guild) throw apiErrors.unknownGuild();
  return guild;
}

export function channelOf(world: World, context: Context): ChannelState {
  const channel = world.channels.get(context.params.channel ?? '');
  if (!channel) throw apiErrors.unknownChannel();
  // The bot reads and writes only what it can see (a private thread it is not in, without Manage Threads).
  if (!world.canView(channel, world.bot.id)) throw apiErrors.missingAccess();
  return channel;
}

/** A live, non-ephemeral message of the channel in the path. */
export function channelMessage(world: World, context: Context): StoredMessage {
  const channel = channelOf(world, context);
  const stored = world.liveMessage(context.params.message ?? '');
  if (stored?.data.channel_id !== channel.id || stored.ephemeralFor !== null)
    throw apiErrors.unknownMessage();
  return stored;
}
