/**
 * What a member sees, read from the world for the sandbox page and for tests: the class (members,
 * channels, roles) and a bounded window of a channel's newest messages as Discord's client shows
 * them to that member. Only the ends of a channel's history are read, so a long session stays cheap.
 */
import { ChannelType, type APIMessage } from 'discord-api-types/v10';
import { StandInError } from './errors.js';
import { compareSnowflakes } from './snowflake.js';
import type { StoredMessage, World } from './state.js';

/** A guild as its member list and channel list show it. */
export interface GuildDirectory {
  readonly id: string;
  readonly name: string;
  /** Members, the bot included, with their guild permissions. */
  readonly members: readonly {
    key: string;
    id: string;
    name: string;
    bot: boolean;
    permissions: bigint;
  }[];
  /** Text channels and threads, in creation order. */
  readonly channels: readonly { id: string; name: string; type: ChannelType; parentId?: string }[];
  readonly roles: readonly { id: string; name: string }[];
}

/** What {@link channelWindow} returns. */
export interface ChannelWindow {
  /** Oldest first. */
  readonly messages: APIMessage[];
  /** True when the channel holds older messages than the first one returned. */
  readonly older: boolean;
}

export function guildDirectory(world: World, ref?: string | number): GuildDirectory {
  const guild = world.resolveGuild(ref);
  const members = [...guild.members.keys()]
    .map((id) => world.users.get(id))
    .filter((user) => user !== undefined)
    .map((user) => ({
      key: user.key,
      id: user.id,
      name: user.globalName ?? user.username,
      bot: user.bot,
      permissions: world.memberPermissions(guild, user.id),
    }));
  const channels = [...guild.channels.values()]
    .filter((channel) => channel.type === ChannelType.GuildText || channel.thread !== null)
    .map((channel) => ({
      id: channel.id,
      name: channel.name,
      type: channel.type,
      ...(channel.parentId && channel.thread && { parentId: channel.parentId }),
    }));
  const roles = guild.roles.map((role) => ({ id: role.id, name: role.name }));
  return { id: guild.id, name: guild.name, members, channels, roles };
}

/** A message as `userId` sees it: Discord fills a poll's `me_voted` for whoever asks. */
function withMyVotes(stored: StoredMessage, userId: string): APIMessage {
  const results = stored.data.poll?.results;
  if (!stored.data.poll || !results) return stored.data;
  return {
    ...stored.data,
    poll: {
      ...stored.data.poll,
      results: {
        ...results,
        answer_counts: results.answer_counts.map((count) => ({
          ...count,
          me_voted: stored.votes.get(count.id)?.has(userId) ?? false,
        })),
      },
    },
  };
}

/**
 * The newest `limit` messages of a channel or thread that `user` sees (a private thread they may not
 * see throws {@link StandInError} 50001) (its history plus their own
 * ephemeral messages), oldest first. A thread opened from a message shows that message at its top,
 * as Discord's client does, once the window reaches the thread's start.
 */
export function channelWindow(
  world: World,
  options: { user: string; channel: string; limit: number; guild?: string | number },
): ChannelWindow {
  const user = world.resolveUser(options.user);
  const channel = world.resolveChannel(world.resolveGuild(options.guild), options.channel);
  if (!world.canView(channel, user.id)) {
    throw new StandInError(50001, `${user.key} cannot see #${channel.name} (a private thread)`);
  }
  const { limit } = options;
  const shared = channel.messageIds;
  const own = world.ephemeralIds(channel.id, user.id);
  const ids = [...shared.slice(-limit), ...own.slice(-limit)].sort(compareSnowflakes).slice(-limit);
  const older = shared.length + own.length > limit;
  const messages = ids
    .map((id) => world.liveMessage(id))
    .filter((stored) => stored !== undefined)
    .map((stored) => withMyVotes(stored, user.id));
  const starter = channel.thread ? world.liveMessage(channel.id) : undefined;
  if (starter && !older) messages.unshift(withMyVotes(starter, user.id));
  return { messages, older };
}
