/**
 * What the sandbox page is sent: the class (members, channels), the commands the acting member sees,
 * and a bounded window of the newest messages in the open channel, as that member sees them.
 *
 * The window is what keeps a long session cheap: an answer holds at most `limit` messages however
 * long the history is, and only the ends of the channel's history are looked at.
 */
import { ChannelType, PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import type { StandIn, StoredMessage, World } from './standin/index.js';
import { compareSnowflakes } from './standin/snowflake.js';

export interface PageStateQuery {
  /** The acting member's key ('teacher', 'student1', …). */
  readonly user: string;
  /** A channel or thread id or name; the default is #general. */
  readonly channel: string | undefined;
  /** The most messages to send (the newest ones). */
  readonly limit: number;
  /** Content problems to show (`file:line: message`). */
  readonly problems: readonly string[];
}

/** A message as `user` sees it: Discord fills a poll's `me_voted` for whoever asks. */
function withMyVotes(m: StoredMessage, userId: string): APIMessage {
  const results = m.data.poll?.results;
  if (!m.data.poll || !results) return m.data;
  return {
    ...m.data,
    poll: {
      ...m.data.poll,
      results: {
        ...results,
        answer_counts: results.answer_counts.map((a) => ({
          ...a,
          me_voted: m.votes.get(a.id)?.has(userId) ?? false,
        })),
      },
    },
  };
}

/**
 * The newest `limit` messages of a channel that `userId` sees (its history plus their own ephemeral
 * messages), oldest first, and whether there are older ones. Only the ends of the lists are read.
 */
function visibleWindow(world: World, channelId: string, userId: string, limit: number) {
  const shared = world.channels.get(channelId)?.messageIds ?? [];
  const own = world.ephemeralIds(channelId, userId);
  const ids = [...shared.slice(-limit), ...own.slice(-limit)].sort(compareSnowflakes).slice(-limit);
  return {
    messages: ids
      .map((id) => world.messages.get(id))
      .filter((m): m is StoredMessage => m !== undefined && !m.deleted),
    older: shared.length + own.length > limit,
  };
}

export function pageState(standIn: StandIn, query: PageStateQuery) {
  const world = standIn.world;
  const g = world.resolveGuild(undefined);
  const user = world.resolveUser(query.user);
  const channel = world.resolveChannel(g, query.channel || 'general');
  const users = [...g.members.keys()]
    .map((id) => world.users.get(id))
    .filter((u): u is NonNullable<typeof u> => u !== undefined && !u.bot)
    .map((u) => ({
      key: u.key,
      id: u.id,
      name: u.globalName ?? u.username,
      teacher: (world.memberPermissions(g, u.id) & PermissionFlagsBits.ManageMessages) !== 0n,
    }));
  const channels = [...g.channels.values()]
    .filter((c) => c.type === ChannelType.GuildText || c.thread !== null)
    .map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      ...(c.parentId && c.thread && { parentId: c.parentId }),
    }));
  const window = visibleWindow(world, channel.id, user.id, query.limit);
  const messages = window.messages.map((m) => withMyVotes(m, user.id));
  // A thread opened from a message shows that message at its top, as Discord's client does.
  const starter = channel.thread ? world.messages.get(channel.id) : undefined;
  if (starter && !starter.deleted && !window.older) messages.unshift(withMyVotes(starter, user.id));
  const names: Record<string, string> = {};
  for (const u of world.users.values()) names[u.id] = u.globalName ?? u.username;
  for (const c of g.channels.values()) names[c.id] = c.name;
  for (const r of g.roles) names[r.id] = r.name;
  return {
    guild: { id: g.id, name: g.name },
    users,
    channels,
    channel: channel.id,
    // Only the commands this member sees in Discord's `/` list.
    commands: standIn.commandsFor(user.key).map((c) => ({
      name: c.name,
      description: c.description,
      options: c.options ?? [],
      teacherOnly: c.default_member_permissions !== null,
    })),
    messages,
    /** True when older messages exist than the first one sent: the page offers "Load older". */
    older: window.older,
    limit: query.limit,
    names,
    problems: query.problems,
  };
}
