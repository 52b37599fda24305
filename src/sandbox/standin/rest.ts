/**
 * The REST half: a small router over `/api/v10/...`, request recording, and fault injection
 * (failures with 429 / 5xx, and slow responses).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import { ApiError, apiErrors, ErrorCode, invalidFormBody, type FieldError } from './errors.js';
import { Intent, type Gateway } from './gateway.js';
import type { Interactions } from './interactions.js';
import { MESSAGES_FETCH_DEFAULT, MESSAGES_FETCH_MAX } from './limits.js';
import { applyEdit, buildMessage, previousMessage, refreshPollResults } from './messages.js';
import type { Signal } from './signal.js';
import { isoTime, type ChannelState, type GuildState, type StoredMessage, type World } from './state.js';
import {
  checkCommand,
  checkCommands,
  checkMessage,
  checkThread,
  effectiveMessage,
  isEmptyMessage,
  FLAG_EPHEMERAL,
  isRecord,
} from './validate.js';
import { wire, without } from './wire.js';

type Json = Record<string, unknown>;

/** One REST request as the stand-in saw it. */
export interface RecordedRequest {
  /** 1, 2, ... in order of completion. */
  readonly seq: number;
  /** Arrival time (injected clock). */
  readonly time: number;
  readonly method: string;
  /** Path after `/api/v10`, percent-decoded per segment (e.g. `/webhooks/1/tok/messages/@original`). */
  readonly path: string;
  /** The path exactly as received, with the `/api/v10` prefix. */
  readonly rawPath: string;
  readonly query: Readonly<Record<string, string>>;
  /** Request headers, lower-case, without `authorization`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether an Authorization header was present (its value is never recorded). */
  readonly authorization: boolean;
  /** Parsed JSON body (or `payload_json` of a multipart body); undefined when empty. */
  readonly body: unknown;
  /** The matched route, e.g. `POST /interactions/:id/:token/callback`; null for unknown routes. */
  readonly route: string | null;
  readonly status: number;
  /** The JSON answered (undefined for 204). */
  readonly response: unknown;
  /** True when the answer came from {@link Rest.failNext} rather than the route. */
  readonly injected: boolean;
}

/** Selects requests: a substring of `"METHOD /path"`, a RegExp tested on it, or a predicate. */
export type RouteFilter = string | RegExp | ((request: { method: string; path: string }) => boolean);

/** A failure to inject. A 429 always carries `Retry-After` (seconds), as Discord's do. */
export type Fault =
  | { readonly status: 429; readonly retryAfter: number; readonly global?: boolean }
  | { readonly status: 500 | 502 | 503 | 504 };

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Context {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly name: string;
  readonly auth: boolean;
  readonly handler: (context: Context) => Reply;
}

export interface RestOptions {
  readonly token: string;
  readonly gatewayUrl: () => string;
  readonly shards: number;
  readonly maxConcurrency: number;
}

const json = (body: unknown, status = 200): Reply => ({ status, body });
const noContent = (): Reply => ({ status: 204 });

function matches(filter: RouteFilter | undefined, method: string, path: string): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'string') return `${method} ${path}`.includes(filter);
  if (filter instanceof RegExp) return filter.test(`${method} ${path}`);
  return filter({ method, path });
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return phrases[status] ?? 'Error';
}

export class Rest {
  readonly requests: RecordedRequest[] = [];
  readonly #routes: Route[] = [];
  readonly #faults: { remaining: number; fault: Fault; filter: RouteFilter | undefined }[] = [];
  readonly #delays: { ms: number; filter: RouteFilter | undefined; remaining: number }[] = [];
  readonly #pending = new Set<() => void>();

  constructor(
    private readonly world: World,
    private readonly interactions: Interactions,
    private readonly gateway: Gateway,
    private readonly signal: Signal,
    private readonly options: RestOptions,
  ) {
    this.#defineRoutes();
  }

  /** The next `count` requests matching `filter` fail with `fault` (not processed, just recorded). */
  failNext(count: number, fault: Fault, filter?: RouteFilter): void {
    this.#faults.push({ remaining: count, fault, filter });
  }

  /**
   * Holds responses to the next `count` (default: all) matching requests for `ms` after they were
   * processed (Discord has acted, the answer is slow). Returns a function that removes the rule.
   */
  delay(ms: number, filter?: RouteFilter, count = Number.POSITIVE_INFINITY): () => void {
    const rule = { ms, filter, remaining: count };
    this.#delays.push(rule);
    return () => {
      const at = this.#delays.indexOf(rule);
      if (at >= 0) this.#delays.splice(at, 1);
    };
  }

  /** Removes every pending failure and delay rule. */
  clearFaults(): void {
    this.#faults.length = 0;
    this.#delays.length = 0;
  }

  /** Releases responses being held by {@link delay} (used on close). */
  releaseDelayed(): void {
    for (const release of [...this.#pending]) release();
  }

  /** Handles one HTTP request. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void this.#respond(request, response, Buffer.concat(chunks));
    });
  }

  async #respond(request: IncomingMessage, response: ServerResponse, raw: Buffer): Promise<void> {
    const time = this.world.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const prefix = '/api/v10';
    const versioned = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
    const rawRoutePath = versioned ? url.pathname.slice(prefix.length) || '/' : url.pathname;
    const segments = rawRoutePath
      .split('/')
      .filter((segment) => segment.length > 0)
      .map(safeDecode);
    const path = `/${segments.join('/')}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === 'authorization' || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authorization = request.headers.authorization;
    const base = {
      time,
      method,
      path,
      rawPath: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      authorization: authorization !== undefined,
    };

    let body: unknown;
    let reply: Reply;
    let route: Route | undefined;
    let params: Record<string, string> = {};
    let injected = false;
    try {
      body = parseBody(raw, headers['content-type'] ?? '');
      if (versioned) [route, params] = this.#match(method, segments);
      const fault = this.#takeFault(method, path);
      if (fault) {
        injected = true;
        reply = faultReply(fault);
      } else if (!route) {
        throw apiErrors.notFound();
      } else {
        if (route.auth && authorization !== `Bot ${this.options.token}`) throw apiErrors.unauthorized();
        reply = route.handler({ params, query: url.searchParams, body });
      }
    } catch (error) {
      reply = errorReply(error);
    }
    this.requests.push({
      seq: this.requests.length + 1,
      ...base,
      body,
      route: route?.name ?? null,
      status: reply.status,
      response: reply.body,
      injected,
    });
    this.signal.notify();

    const held = this.#delays.find((rule) => rule.remaining > 0 && matches(rule.filter, method, path));
    if (held) {
      held.remaining -= 1;
      if (held.remaining <= 0) this.#delays.splice(this.#delays.indexOf(held), 1);
      if (held.ms > 0) await this.#hold(held.ms);
    }
    send(response, reply);
  }

  #hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.#pending.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.#pending.add(release);
    });
  }

  #takeFault(method: string, path: string): Fault | undefined {
    const rule = this.#faults.find(
      (candidate) => candidate.remaining > 0 && matches(candidate.filter, method, path),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.#faults.splice(this.#faults.indexOf(rule), 1);
    return rule.fault;
  }

  #match(method: string, segments: readonly string[]): [Route | undefined, Record<string, string>] {
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((pattern, index) => {
        const actual = segments[index] ?? '';
        if (pattern.startsWith(':')) {
          params[pattern.slice(1)] = actual;
          return true;
        }
        return pattern === actual;
      });
      if (ok) return [route, params];
    }
    return [undefined, {}];
  }

  #add(method: string, pattern: string, auth: boolean, handler: (context: Context) => Reply): void {
    this.#routes.push({
      method,
      segments: pattern.split('/').filter((segment) => segment.length > 0),
      name: `${method} ${pattern}`,
      auth,
      handler,
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Routes

  #defineRoutes(): void {
    const world = this.world;
    const param = (context: Context, name: string): string => context.params[name] ?? '';

    // Gateway
    this.#add('GET', '/gateway', false, () => json({ url: this.options.gatewayUrl() }));
    this.#add('GET', '/gateway/bot', true, () =>
      json({
        url: this.options.gatewayUrl(),
        shards: this.options.shards,
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 0,
          max_concurrency: this.options.maxConcurrency,
        },
      }),
    );

    // Users and application
    this.#add('GET', '/users/@me', true, () =>
      json({ ...world.userJSON(world.bot), verified: true, mfa_enabled: false, flags: 0 }),
    );
    this.#add('GET', '/users/:user', true, (context) => {
      const user = world.users.get(param(context, 'user'));
      if (!user) throw new ApiError(404, { code: 10013, message: 'Unknown User' });
      return json(world.userJSON(user));
    });
    const application = (): Reply =>
      json({
        id: world.applicationId,
        name: world.applicationName,
        icon: null,
        description: 'Helps teachers run moderated class discussions.',
        summary: '',
        type: null,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: 'b'.repeat(64),
        flags: 0,
        hook: true,
        redirect_uris: [],
        interactions_endpoint_url: null,
        tags: [],
        team: null,
        owner: world.userJSON(world.resolveUser('teacher')),
        bot: world.userJSON(world.bot),
        approximate_guild_count: world.guilds.size,
      });
    this.#add('GET', '/applications/@me', true, application);
    this.#add('GET', '/oauth2/applications/@me', true, application);

    // Interactions and their webhooks (the token is the credential: no Authorization)
    this.#add('POST', '/interactions/:id/:token/callback', false, (context) => {
      const result = this.interactions.callback(
        param(context, 'id'),
        param(context, 'token'),
        context.body,
        context.query.get('with_response') === 'true',
      );
      return result ? json(result) : noContent();
    });
    this.#add('POST', '/webhooks/:app/:token', false, (context) => {
      const message = this.interactions.followUp(
        param(context, 'app'),
        param(context, 'token'),
        context.body,
      );
      return context.query.get('wait') === 'true' ? json(message) : noContent();
    });
    this.#add('GET', '/webhooks/:app/:token/messages/:message', false, (context) =>
      json(
        this.interactions.getMessage(
          param(context, 'app'),
          param(context, 'token'),
          param(context, 'message'),
        ),
      ),
    );
    this.#add('PATCH', '/webhooks/:app/:token/messages/:message', false, (context) =>
      json(
        this.interactions.editMessage(
          param(context, 'app'),
          param(context, 'token'),
          param(context, 'message'),
          context.body,
        ),
      ),
    );
    this.#add('DELETE', '/webhooks/:app/:token/messages/:message', false, (context) => {
      this.interactions.deleteMessage(
        param(context, 'app'),
        param(context, 'token'),
        param(context, 'message'),
      );
      return noContent();
    });

    // Channels and messages
    this.#add('GET', '/channels/:channel', true, (context) =>
      json(world.channelJSON(this.#channel(context))),
    );
    this.#add('GET', '/channels/:channel/messages', true, (context) => {
      const channel = this.#channel(context);
      return json(world.history(channel, historyQuery(context.query)));
    });
    this.#add('POST', '/channels/:channel/messages', true, (context) =>
      json(this.#postMessage(this.#channel(context), context.body)),
    );
    this.#add('GET', '/channels/:channel/messages/:message', true, (context) =>
      json(this.#channelMessage(context).data),
    );
    this.#add('PATCH', '/channels/:channel/messages/:message', true, (context) => {
      const stored = this.#channelMessage(context);
      if (stored.data.author.id !== world.bot.id) throw apiErrors.notAuthor();
      throwIf(checkMessage(context.body ?? {}, { previous: previousMessage(stored) }));
      applyEdit(world, stored, isRecord(context.body) ? context.body : {});
      this.gateway.dispatchToGuild(
        this.#channel(context).guildId,
        'MESSAGE_UPDATE',
        stored.data,
        Intent.GuildMessages,
      );
      this.signal.notify();
      return json(stored.data);
    });
    this.#add('DELETE', '/channels/:channel/messages/:message', true, (context) => {
      const stored = this.#channelMessage(context);
      world.deleteMessage(stored);
      this.gateway.dispatchToGuild(
        this.#channel(context).guildId,
        'MESSAGE_DELETE',
        { id: stored.data.id, channel_id: stored.data.channel_id, guild_id: stored.guildId },
        Intent.GuildMessages,
      );
      this.signal.notify();
      return noContent();
    });

    // Threads
    this.#add('POST', '/channels/:channel/messages/:message/threads', true, (context) => {
      const parent = this.#channel(context);
      if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
        throw apiErrors.invalidChannelType();
      }
      const starter = this.#channelMessage(context);
      if (world.channels.has(starter.data.id)) throw apiErrors.threadExists();
      throwIf(checkThread(context.body, true));
      const type =
        parent.type === ChannelType.GuildAnnouncement
          ? ChannelType.AnnouncementThread
          : ChannelType.PublicThread;
      const thread = this.#createThread(parent, starter.data.id, type, context.body);
      starter.data.thread = world.channelJSON(thread);
      starter.data.flags = wire(MessageFlags, (starter.data.flags ?? 0) | MessageFlags.HasThread);
      return json(this.#threadReply(thread), 201);
    });
    this.#add('POST', '/channels/:channel/threads', true, (context) => {
      const parent = this.#channel(context);
      if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
        throw apiErrors.invalidChannelType();
      }
      throwIf(checkThread(context.body, false));
      const body = isRecord(context.body) ? context.body : {};
      const type = typeof body.type === 'number' ? wire(ChannelType, body.type) : ChannelType.PrivateThread;
      const thread = this.#createThread(parent, world.mintId(), type, body);
      return json(this.#threadReply(thread), 201);
    });

    // Polls
    this.#add('GET', '/channels/:channel/polls/:message/answers/:answer', true, (context) => {
      const stored = this.#channelMessage(context);
      if (!stored.data.poll) throw apiErrors.unknownMessage();
      const voters = stored.votes.get(Number(param(context, 'answer'))) ?? new Set<string>();
      const users = [...voters].flatMap((id) => {
        const user = world.users.get(id);
        return user ? [world.userJSON(user)] : [];
      });
      return json({ users });
    });
    this.#add('POST', '/channels/:channel/polls/:message/expire', true, (context) => {
      const stored = this.#channelMessage(context);
      if (!stored.data.poll) throw apiErrors.unknownMessage();
      stored.data.poll.expiry = isoTime(world.now());
      refreshPollResults(stored, true);
      this.signal.notify();
      return json(stored.data);
    });

    // Application commands, global and per guild
    for (const scope of ['global', 'guild'] as const) {
      const prefix =
        scope === 'global' ? '/applications/:app/commands' : '/applications/:app/guilds/:guild/commands';
      const store = (context: Context): Map<string, APIApplicationCommand> => {
        if (param(context, 'app') !== world.applicationId) throw apiErrors.unknownApplication();
        if (scope === 'global') return world.globalCommands;
        const guild = world.guilds.get(param(context, 'guild'));
        if (!guild) throw apiErrors.unknownGuild();
        return guild.commands;
      };
      const guildId = (context: Context): string | undefined =>
        scope === 'guild' ? param(context, 'guild') : undefined;
      this.#add('GET', prefix, true, (context) => json([...store(context).values()]));
      this.#add('PUT', prefix, true, (context) => {
        const commands = store(context);
        throwIf(checkCommands(context.body));
        const list = Array.isArray(context.body) ? (context.body as Json[]) : [];
        const previous = [...commands.values()];
        commands.clear();
        for (const raw of list) {
          const existing = previous.find((command) => sameCommand(command, raw));
          const command = this.#command(raw, existing, guildId(context));
          commands.set(command.id, command);
        }
        this.signal.notify();
        return json([...commands.values()]);
      });
      this.#add('POST', prefix, true, (context) => {
        const commands = store(context);
        throwIf(checkCommand(context.body));
        const raw = context.body as Json;
        const existing = [...commands.values()].find((command) => sameCommand(command, raw));
        const command = this.#command(raw, existing, guildId(context));
        commands.set(command.id, command);
        this.signal.notify();
        return json(command, existing ? 200 : 201);
      });
      this.#add('GET', `${prefix}/:command`, true, (context) => {
        const command = store(context).get(param(context, 'command'));
        if (!command) throw apiErrors.unknownCommand();
        return json(command);
      });
      this.#add('PATCH', `${prefix}/:command`, true, (context) => {
        const commands = store(context);
        const existing = commands.get(param(context, 'command'));
        if (!existing) throw apiErrors.unknownCommand();
        const merged = { ...existing, ...(isRecord(context.body) ? context.body : {}) } as Json;
        throwIf(checkCommand(merged));
        const command = this.#command(merged, existing, guildId(context));
        commands.set(command.id, command);
        this.signal.notify();
        return json(command);
      });
      this.#add('DELETE', `${prefix}/:command`, true, (context) => {
        if (!store(context).delete(param(context, 'command'))) throw apiErrors.unknownCommand();
        this.signal.notify();
        return noContent();
      });
    }

    // Guilds
    this.#add('GET', '/guilds/:guild', true, (context) => {
      const guild = without(
        world.guildCreateJSON(this.#guild(context)),
        'members',
        'channels',
        'threads',
        'presences',
        'voice_states',
      );
      return json({ ...guild, approximate_member_count: this.#guild(context).members.size });
    });
    this.#add('GET', '/guilds/:guild/channels', true, (context) =>
      json(
        [...this.#guild(context).channels.values()].filter((c) => !c.thread).map((c) => world.channelJSON(c)),
      ),
    );
    this.#add('GET', '/guilds/:guild/threads/active', true, (context) =>
      json({
        threads: [...this.#guild(context).channels.values()]
          .filter((c) => c.thread && !c.thread.archived)
          .map((c) => world.channelJSON(c)),
        members: [],
      }),
    );
    this.#add('GET', '/guilds/:guild/roles', true, (context) => json(this.#guild(context).roles));
    this.#add('GET', '/guilds/:guild/members/:user', true, (context) => {
      const guild = this.#guild(context);
      if (!guild.members.has(param(context, 'user'))) {
        throw new ApiError(404, { code: 10007, message: 'Unknown Member' });
      }
      return json(world.memberJSON(guild, param(context, 'user')));
    });
  }

  #guild(context: Context): GuildState {
    const guild = this.world.guilds.get(context.params.guild ?? '');
    if (!guild) throw apiErrors.unknownGuild();
    return guild;
  }

  #channel(context: Context): ChannelState {
    const channel = this.world.channels.get(context.params.channel ?? '');
    if (!channel) throw apiErrors.unknownChannel();
    return channel;
  }

  /** A live, non-ephemeral message of the channel in the path. */
  #channelMessage(context: Context): StoredMessage {
    const channel = this.#channel(context);
    const stored = this.world.liveMessage(context.params.message ?? '');
    if (stored?.data.channel_id !== channel.id || stored.ephemeralFor !== null)
      throw apiErrors.unknownMessage();
    return stored;
  }

  #postMessage(channel: ChannelState, body: unknown): unknown {
    throwIf(checkMessage(body ?? {}));
    const json = isRecord(body) ? body : {};
    if (isEmptyMessage(effectiveMessage(json))) throw apiErrors.emptyMessage();
    const reference = isRecord(json.message_reference) ? json.message_reference : undefined;
    if (reference && typeof reference.message_id === 'string') {
      const target = this.world.liveMessage(reference.message_id);
      if (!target || target.ephemeralFor !== null) {
        throw invalidFormBody([
          {
            path: ['message_reference'],
            code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE',
            message: 'Unknown message',
          },
        ]);
      }
    }
    const flags = typeof json.flags === 'number' ? json.flags & ~FLAG_EPHEMERAL : undefined;
    const message = buildMessage(this.world, {
      channel,
      author: this.world.bot,
      body: flags === undefined ? json : { ...json, flags },
    });
    const stored = this.world.addMessage(channel, message);
    if (channel.thread) channel.thread.archived = false;
    this.gateway.dispatchToGuild(
      channel.guildId,
      'MESSAGE_CREATE',
      { ...message, guild_id: channel.guildId },
      Intent.GuildMessages,
    );
    this.signal.notify();
    return stored.data;
  }

  #createThread(parent: ChannelState, id: string, type: ChannelType, rawBody: unknown): ChannelState {
    const body = isRecord(rawBody) ? rawBody : {};
    const guild = this.world.guilds.get(parent.guildId);
    if (!guild) throw apiErrors.unknownGuild();
    const now = isoTime(this.world.now());
    const thread = this.world.addChannel(guild, {
      id,
      guildId: parent.guildId,
      type,
      name: typeof body.name === 'string' ? body.name : 'thread',
      position: 0,
      topic: null,
      parentId: parent.id,
      rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
      messageIds: [],
      lastMessageId: null,
      totalMessageSent: 0,
      thread: {
        ownerId: this.world.bot.id,
        archived: false,
        locked: false,
        autoArchiveDuration:
          typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 1440,
        archiveTimestamp: now,
        createTimestamp: now,
        invitable: body.invitable !== false,
        memberIds: new Set([this.world.bot.id]),
      },
    });
    this.gateway.dispatchToGuild(
      parent.guildId,
      'THREAD_CREATE',
      { ...this.world.channelJSON(thread), newly_created: true },
      Intent.Guilds,
    );
    this.signal.notify();
    return thread;
  }

  #threadReply(thread: ChannelState): Json {
    return {
      ...this.world.channelJSON(thread),
      member: {
        id: thread.id,
        user_id: this.world.bot.id,
        join_timestamp: thread.thread?.createTimestamp ?? isoTime(this.world.now()),
        flags: 0,
      },
    };
  }

  /** A stored command from a validated body, keeping the id of the command it replaces. */
  #command(
    raw: Json,
    existing: APIApplicationCommand | undefined,
    guildId: string | undefined,
  ): APIApplicationCommand {
    const permissions = raw.default_member_permissions;
    const numbers = (value: unknown): number[] | undefined =>
      Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : undefined;
    const command: APIApplicationCommand = {
      id: existing?.id ?? this.world.mintId(),
      application_id: this.world.applicationId,
      version: this.world.mintId(),
      type: wire(
        ApplicationCommandType,
        typeof raw.type === 'number' ? raw.type : ApplicationCommandType.ChatInput,
      ),
      name: String(raw.name),
      name_localizations: raw.name_localizations ?? null,
      description: typeof raw.description === 'string' ? raw.description : '',
      description_localizations: raw.description_localizations ?? null,
      default_member_permissions: typeof permissions === 'string' ? permissions : null,
      nsfw: raw.nsfw === true,
      contexts: numbers(raw.contexts)?.map((context) => wire(InteractionContextType, context)) ?? null,
      integration_types: (numbers(raw.integration_types) ?? [ApplicationIntegrationType.GuildInstall]).map(
        (type) => wire(ApplicationIntegrationType, type),
      ),
      ...(Array.isArray(raw.options) ? { options: raw.options as APIApplicationCommandOption[] } : {}),
      ...(guildId ? { guild_id: guildId } : {}),
    };
    return command;
  }
}

function sameCommand(command: APIApplicationCommand, raw: unknown): boolean {
  return (
    isRecord(raw) &&
    command.name === raw.name &&
    command.type ===
      wire(ApplicationCommandType, typeof raw.type === 'number' ? raw.type : ApplicationCommandType.ChatInput)
  );
}

function throwIf(problems: readonly FieldError[]): void {
  if (problems.length > 0) throw invalidFormBody(problems);
}

function historyQuery(query: URLSearchParams): {
  limit: number;
  before?: string;
  after?: string;
  around?: string;
} {
  const problems: FieldError[] = [];
  const limitText = query.get('limit');
  const limit = limitText === null ? MESSAGES_FETCH_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MESSAGES_FETCH_MAX) {
    problems.push({
      path: ['limit'],
      code: 'NUMBER_TYPE_MAX',
      message: `int value should be between 1 and ${MESSAGES_FETCH_MAX}.`,
    });
  }
  const result: { limit: number; before?: string; after?: string; around?: string } = { limit };
  for (const key of ['before', 'after', 'around'] as const) {
    const value = query.get(key);
    if (value === null) continue;
    if (!/^\d{1,20}$/.test(value)) {
      problems.push({
        path: [key],
        code: 'NUMBER_TYPE_COERCE',
        message: `Value "${value}" is not snowflake.`,
      });
    } else {
      result[key] = value;
    }
  }
  throwIf(problems);
  return result;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  if (contentType.startsWith('multipart/form-data')) {
    const payload = multipartField(raw, contentType, 'payload_json');
    return payload === undefined ? undefined : parseJson(payload);
  }
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/json')) return parseJson(text);
  return text;
}

/** The text of one field of a multipart/form-data body (files are skipped: the stand-in stores no uploads). */
function multipartField(raw: Buffer, contentType: string, name: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) return undefined;
  for (const part of raw.toString('utf8').split(`--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0 || !part.slice(0, split).includes(`name="${name}"`)) continue;
    return part.slice(split + 4).replace(/\r\n$/, '');
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, { code: 50109, message: 'The request body contains invalid JSON.' });
  }
}

function faultReply(fault: Fault): Reply {
  if (fault.status === 429) {
    const global = fault.global ?? false;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global },
      headers: {
        'Retry-After': String(fault.retryAfter),
        'X-RateLimit-Scope': global ? 'global' : 'user',
        ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
      },
    };
  }
  return {
    status: fault.status,
    body: { message: `${fault.status}: ${reasonPhrase(fault.status)}`, code: ErrorCode.General },
  };
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, body: error.body };
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    body: { message: `500: Internal Server Error (stand-in: ${message})`, code: ErrorCode.General },
  };
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed || response.writableEnded) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  response
    .writeHead(reply.status, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    })
    .end(text);
}
