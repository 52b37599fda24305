/**
 * What the sandbox page is sent: the class (members, channels), the commands the acting member sees,
 * and a bounded window of the newest messages in the open channel, as that member sees them.
 *
 * The window is what keeps a long session cheap: an answer holds at most `limit` messages however
 * long the history is, and only the ends of the channel's history are looked at.
 */
import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type APIApplicationCommand,
} from 'discord-api-types/v10';
import { pageModal } from './page-components.js';
import type { StandIn } from './standin/index.js';

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

/**
 * A command as Discord's `/` list shows it: one entry, or one entry per subcommand ("article add"),
 * each with its own options.
 */
function listedCommands(c: APIApplicationCommand) {
  const teacherOnly = c.default_member_permissions !== null;
  const subcommands = (c.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length === 0) {
    return [{ name: c.name, description: c.description, options: c.options ?? [], teacherOnly }];
  }
  return subcommands.map((sub) => ({
    name: `${c.name} ${sub.name}`,
    description: sub.description,
    options: sub.options ?? [],
    teacherOnly,
  }));
}

export function pageState(standIn: StandIn, query: PageStateQuery) {
  const guild = standIn.guild();
  const userId = standIn.userId(query.user);
  const channel = standIn.channelId(query.channel || 'general');
  const users = guild.members
    .filter((member) => !member.bot)
    .map(({ key, id, name, permissions }) => ({
      key,
      id,
      name,
      teacher: (permissions & PermissionFlagsBits.ManageMessages) !== 0n,
    }));
  const window = standIn.channelWindow({ user: userId, channel, limit: query.limit });
  // A private thread is listed (and named) only for those who may see it.
  const channels = guild.channels.filter((c) => standIn.canView(userId, c.id));
  const names: Record<string, string> = {};
  for (const member of guild.members) names[member.id] = member.name;
  for (const c of channels) names[c.id] = c.name;
  for (const r of guild.roles) names[r.id] = r.name;
  return {
    guild: { id: guild.id, name: guild.name },
    users,
    channels,
    channel,
    // Only the commands this member sees in Discord's `/` list.
    commands: standIn.commandsFor(query.user).flatMap(listedCommands),
    messages: window.messages,
    /** True when older messages exist than the first one sent: the page offers "Load older". */
    older: window.older,
    limit: query.limit,
    names,
    /** The modal the member has open (the bot showed it), or null. */
    modal: pageModal(standIn, query.user),
    problems: query.problems,
  };
}
