/** What a test or the sandbox page reads from the stand-in's world, and a member's own actions. */
import { ApplicationCommandType, type APIApplicationCommand } from 'discord-api-types/v10';
import { apiErrors, invalidFormBody, StandInError } from './errors.js';
import type { StandIn } from './index.js';
import { buildMessage, refreshPollResults } from './messages.js';
import type { Signal } from './signal.js';
import type { World } from './state.js';
import { checkMessage } from './validate.js';
import { channelWindow, guildDirectory } from './views.js';

export type MemberAccess =
  | 'guildId'
  | 'channelId'
  | 'userId'
  | 'message'
  | 'channelMessages'
  | 'guild'
  | 'channelWindow'
  | 'canView'
  | 'commands'
  | 'say'
  | 'commandsFor'
  | 'onChange'
  | 'vote';

/** Lookups and a member's own actions (post, vote), read from and written to the world. */
export function memberAccess(world: World, signal: Signal): Pick<StandIn, MemberAccess> {
  return {
    guildId: (guild) => world.resolveGuild(guild).id,
    channelId: (channel, guild) => world.resolveChannel(world.resolveGuild(guild), channel).id,
    userId: (user) => world.resolveUser(user).id,
    message: (id) => world.messages.get(id)?.data,
    channelMessages: (channel, guild) =>
      world.history(world.resolveChannel(world.resolveGuild(guild), channel), { limit: 100 }),
    guild: (guild) => guildDirectory(world, guild),
    channelWindow: (query) => channelWindow(world, query),
    canView: (user, channel, guild) =>
      world.canView(world.resolveChannel(world.resolveGuild(guild), channel), world.resolveUser(user).id),
    commands: (guild) =>
      guild === undefined
        ? [...world.globalCommands.values()]
        : [...world.resolveGuild(guild).commands.values()],
    say({ user, channel, content, guild }) {
      const state = world.resolveChannel(world.resolveGuild(guild), channel);
      const author = world.resolveUser(user);
      if (!world.canView(state, author.id)) {
        throw new StandInError(50001, `${author.key} cannot see #${state.name} (a private thread)`);
      }
      const problems = checkMessage({ content });
      if (problems.length > 0) throw invalidFormBody(problems);
      if (content.length === 0) throw apiErrors.emptyMessage();
      const message = buildMessage(world, {
        channel: state,
        author,
        body: { content },
      });
      world.addMessage(state, message);
      state.thread?.memberIds.add(author.id); // posting in a thread joins it, as on Discord
      signal.notify();
      return message;
    },
    commandsFor(user, guild) {
      const state = world.resolveGuild(guild);
      const member = world.resolveUser(user);
      const byName = new Map<string, APIApplicationCommand>();
      for (const command of [...world.globalCommands.values(), ...state.commands.values()]) {
        if (command.type === ApplicationCommandType.ChatInput) byName.set(command.name, command);
      }
      return [...byName.values()].filter((command) => world.canUseCommand(state, member.id, command));
    },
    vote({ message, user, answers }) {
      const stored = world.liveMessage(message);
      if (!stored?.data.poll) throw new StandInError(0, `message ${message} has no poll`);
      const voter = world.resolveUser(user);
      const poll = stored.data.poll;
      if (!poll.allow_multiselect && answers.length > 1)
        throw new StandInError(0, 'this poll allows one answer');
      for (const voters of stored.votes.values()) voters.delete(voter.id);
      for (const answer of answers) {
        if (!poll.answers.some((candidate) => candidate.answer_id === answer)) {
          throw new StandInError(0, `poll has no answer ${answer}`);
        }
        const voters = stored.votes.get(answer) ?? new Set<string>();
        voters.add(voter.id);
        stored.votes.set(answer, voters);
      }
      refreshPollResults(stored);
      signal.notify();
    },
    onChange: (listener) => signal.listen(listener),
  };
}
