/** Routes for channels, their messages, threads and polls. */
import { ChannelType, MessageFlags } from 'discord-api-types/v10';
import { apiErrors, invalidFormBody, type FieldError } from './errors.js';
import { Intent } from './gateway.js';
import type { FileUpload } from './multipart.js';
import { MESSAGES_FETCH_DEFAULT, MESSAGES_FETCH_MAX } from './limits.js';
import { applyEdit, buildMessage, previousMessage, refreshPollResults } from './messages.js';
import {
  channelMessage,
  channelOf,
  json,
  noContent,
  param,
  route,
  throwIf,
  type Json,
  type RestParts,
  type RouteSpec,
} from './rest-routes.js';
import { isoTime, type ChannelState, type World } from './state.js';
import {
  checkMessage,
  checkThread,
  effectiveMessage,
  FLAG_EPHEMERAL,
  isEmptyMessage,
  isRecord,
} from './validate.js';
import { wire } from './wire.js';

export function messageRoutes(parts: RestParts): RouteSpec[] {
  const { world } = parts;
  return [
    route('GET', '/channels/:channel', true, (context) => json(world.channelJSON(channelOf(world, context)))),
    route('GET', '/channels/:channel/messages', true, (context) => {
      const channel = channelOf(world, context);
      return json(world.history(channel, historyQuery(context.query)));
    }),
    route('POST', '/channels/:channel/messages', true, (context) =>
      json(postMessage(parts, channelOf(world, context), context.body, context.files)),
    ),
    route('GET', '/channels/:channel/messages/:message', true, (context) =>
      json(channelMessage(world, context).data),
    ),
    route('PATCH', '/channels/:channel/messages/:message', true, (context) => {
      const stored = channelMessage(world, context);
      if (stored.data.author.id !== world.bot.id) throw apiErrors.notAuthor();
      throwIf(checkMessage(context.body ?? {}, { previous: previousMessage(stored) }));
      applyEdit(world, stored, isRecord(context.body) ? context.body : {}, context.files);
      parts.gateway.dispatchToGuild(
        channelOf(world, context).guildId,
        'MESSAGE_UPDATE',
        stored.data,
        Intent.GuildMessages,
      );
      parts.signal.notify();
      return json(stored.data);
    }),
    route('DELETE', '/channels/:channel/messages/:message', true, (context) => {
      const stored = channelMessage(world, context);
      world.deleteMessage(stored);
      parts.gateway.dispatchToGuild(
        channelOf(world, context).guildId,
        'MESSAGE_DELETE',
        { id: stored.data.id, channel_id: stored.data.channel_id, guild_id: stored.guildId },
        Intent.GuildMessages,
      );
      parts.signal.notify();
      return noContent();
    }),

    // Threads
  ];
}

export function threadAndPollRoutes(parts: RestParts): RouteSpec[] {
  const { world } = parts;
  return [
    route('POST', '/channels/:channel/messages/:message/threads', true, (context) => {
      const parent = channelOf(world, context);
      if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
        throw apiErrors.invalidChannelType();
      }
      const starter = channelMessage(world, context);
      if (world.channels.has(starter.data.id)) throw apiErrors.threadExists();
      throwIf(checkThread(context.body, true));
      const type =
        parent.type === ChannelType.GuildAnnouncement
          ? ChannelType.AnnouncementThread
          : ChannelType.PublicThread;
      const thread = createThread(parts, parent, starter.data.id, type, context.body);
      starter.data.thread = world.channelJSON(thread);
      starter.data.flags = wire(MessageFlags, (starter.data.flags ?? 0) | MessageFlags.HasThread);
      return json(threadReply(world, thread), 201);
    }),
    route('POST', '/channels/:channel/threads', true, (context) => {
      const parent = channelOf(world, context);
      if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
        throw apiErrors.invalidChannelType();
      }
      throwIf(checkThread(context.body, false));
      const body = isRecord(context.body) ? context.body : {};
      const type = typeof body.type === 'number' ? wire(ChannelType, body.type) : ChannelType.PrivateThread;
      const thread = createThread(parts, parent, world.mintId(), type, body);
      return json(threadReply(world, thread), 201);
    }),

    route('GET', '/channels/:channel/polls/:message/answers/:answer', true, (context) => {
      const stored = channelMessage(world, context);
      if (!stored.data.poll) throw apiErrors.unknownMessage();
      const voters = stored.votes.get(Number(param(context, 'answer'))) ?? new Set<string>();
      const users = [...voters].flatMap((id) => {
        const user = world.users.get(id);
        return user ? [world.userJSON(user)] : [];
      });
      return json({ users });
    }),
    route('POST', '/channels/:channel/polls/:message/expire', true, (context) => {
      const stored = channelMessage(world, context);
      if (!stored.data.poll) throw apiErrors.unknownMessage();
      stored.data.poll.expiry = isoTime(world.now());
      refreshPollResults(stored, true);
      parts.signal.notify();
      return json(stored.data);
    }),
  ];
}

export function postMessage(
  parts: RestParts,
  channel: ChannelState,
  body: unknown,
  files: readonly FileUpload[] = [],
): unknown {
  throwIf(checkMessage(body ?? {}));
  const json = isRecord(body) ? body : {};
  if (isEmptyMessage(effectiveMessage(json))) throw apiErrors.emptyMessage();
  const reference = isRecord(json.message_reference) ? json.message_reference : undefined;
  if (reference && typeof reference.message_id === 'string') {
    const target = parts.world.liveMessage(reference.message_id);
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
  const message = buildMessage(parts.world, {
    channel,
    author: parts.world.bot,
    body: flags === undefined ? json : { ...json, flags },
    files,
  });
  const stored = parts.world.addMessage(channel, message);
  if (channel.thread) channel.thread.archived = false;
  parts.gateway.dispatchToGuild(
    channel.guildId,
    'MESSAGE_CREATE',
    { ...message, guild_id: channel.guildId },
    Intent.GuildMessages,
  );
  parts.signal.notify();
  return stored.data;
}

function createThread(
  parts: RestParts,
  parent: ChannelState,
  id: string,
  type: ChannelType,
  rawBody: unknown,
): ChannelState {
  const body = isRecord(rawBody) ? rawBody : {};
  const guild = parts.world.guilds.get(parent.guildId);
  if (!guild) throw apiErrors.unknownGuild();
  const now = isoTime(parts.world.now());
  const thread = parts.world.addChannel(guild, {
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
      ownerId: parts.world.bot.id,
      archived: false,
      locked: false,
      autoArchiveDuration: typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 1440,
      archiveTimestamp: now,
      createTimestamp: now,
      invitable: body.invitable !== false,
      memberIds: new Set([parts.world.bot.id]),
    },
  });
  parts.gateway.dispatchToGuild(
    parent.guildId,
    'THREAD_CREATE',
    { ...parts.world.channelJSON(thread), newly_created: true },
    Intent.Guilds,
  );
  parts.signal.notify();
  return thread;
}

function threadReply(world: World, thread: ChannelState): Json {
  return {
    ...world.channelJSON(thread),
    member: {
      id: thread.id,
      user_id: world.bot.id,
      join_timestamp: thread.thread?.createTimestamp ?? isoTime(world.now()),
      flags: 0,
    },
  };
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
