/**
 * A slash command's `data` as Discord builds it: the registered command found and gated by the
 * member's permissions, and each option checked against its definition and resolved (users, members,
 * channels and roles) the way Discord fills `resolved`.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import type { AttachmentUpload } from './attachments.js';
import { ErrorCode, StandInError } from './errors.js';
import type { Json, OptionValue, SlashOptions } from './interaction-types.js';
import type { GuildState, StandInUser, World } from './state.js';
import { without } from './wire.js';

/** Registered commands usable in a guild: guild commands first, then global. */
function findCommand(world: World, guild: GuildState, name: string): APIApplicationCommand | undefined {
  const match = (command: APIApplicationCommand) =>
    command.name === name && command.type === ApplicationCommandType.ChatInput;
  return [...guild.commands.values()].find(match) ?? [...world.globalCommands.values()].find(match);
}

/**
 * Discord hides a command from members lacking its `default_member_permissions`, so they can never run
 * it: the stand-in refuses to dispatch (StandInError, code 50013) instead. `"0"` means admins only.
 */
export function gateCommand(
  world: World,
  guild: GuildState,
  user: StandInUser,
  name: string,
): APIApplicationCommand | undefined {
  const command = findCommand(world, guild, name);
  if (command && !world.canUseCommand(guild, user.id, command)) {
    throw new StandInError(
      ErrorCode.MissingPermissions,
      `Missing Permissions: ${user.key} lacks default_member_permissions ${String(command.default_member_permissions)} for /${name}, so Discord hides the command from them`,
    );
  }
  return command;
}

/** The `data` of a slash command or autocomplete interaction (`focused`: the option being typed). */
export function commandData(
  world: World,
  guild: GuildState,
  command: APIApplicationCommand | undefined,
  options: SlashOptions,
  focused: string | undefined,
): Json {
  let definitions: readonly APIApplicationCommandOption[] | undefined = command
    ? (command.options ?? [])
    : undefined;
  const descend = (name: string, type: ApplicationCommandOptionType): void => {
    if (!definitions) return;
    const found = definitions.find((option) => option.name === name && option.type === type);
    if (!found)
      throw new StandInError(0, `/${options.name} has no ${ApplicationCommandOptionType[type]} "${name}"`);
    definitions = 'options' in found ? (found.options ?? []) : [];
  };
  if (options.group !== undefined) descend(options.group, ApplicationCommandOptionType.SubcommandGroup);
  if (options.subcommand !== undefined) descend(options.subcommand, ApplicationCommandOptionType.Subcommand);
  const resolved: Record<string, Record<string, unknown>> = {};
  const given = { ...options.options };
  if (focused !== undefined && !(focused in given)) given[focused] = '';
  const leaf = Object.entries(given).map(([name, raw]) =>
    resolveOption(world, guild, options.name, definitions, name, raw, focused === name, resolved),
  );
  if (definitions && focused === undefined) {
    for (const definition of definitions) {
      if ('required' in definition && definition.required && !(definition.name in given)) {
        throw new StandInError(
          0,
          `/${options.name} needs option "${definition.name}": Discord would not send it`,
        );
      }
    }
  }
  let tree: Json[] = leaf;
  if (options.subcommand !== undefined) {
    tree = [{ type: ApplicationCommandOptionType.Subcommand, name: options.subcommand, options: tree }];
  }
  if (options.group !== undefined) {
    tree = [{ type: ApplicationCommandOptionType.SubcommandGroup, name: options.group, options: tree }];
  }
  return {
    id: command?.id ?? world.mintId(),
    name: options.name,
    type: ApplicationCommandType.ChatInput,
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    ...(tree.length > 0 ? { options: tree } : {}),
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

/** One option as Discord sends it, its referenced objects added to `resolved`. */
function resolveOption(
  world: World,
  guild: GuildState,
  commandName: string,
  definitions: readonly APIApplicationCommandOption[] | undefined,
  name: string,
  raw: OptionValue,
  focused: boolean,
  resolved: Record<string, Record<string, unknown>>,
): Json {
  const definition = definitions?.find((option) => option.name === name);
  if (definitions && !definition) throw new StandInError(0, `/${commandName} has no option "${name}"`);
  if (typeof raw === 'object' && 'attachment' in raw) {
    return attachmentOption(world, guild, definition, name, raw.attachment, resolved);
  }
  const explicit = typeof raw === 'object' ? raw : undefined;
  let value = explicit ? explicit.value : (raw as string | number | boolean);
  const type =
    explicit?.type ??
    definition?.type ??
    (typeof value === 'boolean'
      ? ApplicationCommandOptionType.Boolean
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? ApplicationCommandOptionType.Integer
          : ApplicationCommandOptionType.Number
        : ApplicationCommandOptionType.String);
  if (focused) return { type, name, value: String(value), focused: true };
  value = resolveValue(world, guild, type, name, value, resolved);
  if (definition && 'choices' in definition && definition.choices && definition.choices.length > 0) {
    if (!definition.choices.some((choice) => choice.value === value)) {
      throw new StandInError(
        0,
        `option "${name}" must be one of its choices; Discord would not send ${String(value)}`,
      );
    }
  }
  return { type, name, value };
}

type Resolved = Record<string, Record<string, unknown>>;

/** An attachment option: the file is stored and served, its id sent, its description resolved. */
function attachmentOption(
  world: World,
  guild: GuildState,
  definition: APIApplicationCommandOption | undefined,
  name: string,
  upload: AttachmentUpload,
  resolved: Resolved,
): Json {
  if (definition && definition.type !== ApplicationCommandOptionType.Attachment) {
    throw new StandInError(0, `option "${name}" is not an attachment option`);
  }
  const id = world.mintId();
  const channel = world.resolveChannel(guild);
  resolved.attachments = { ...resolved.attachments, [id]: world.attachments.add(id, channel.id, upload) };
  return { type: ApplicationCommandOptionType.Attachment, name, value: id };
}

/** Discord's `resolved` entries for a user, member or role ("mentionable"); the id it sends. */
function resolveMention(
  world: World,
  guild: GuildState,
  type: ApplicationCommandOptionType,
  value: string | number | boolean,
  add: (kind: string, id: string, object: unknown) => void,
): string {
  const role = guild.roles.find((candidate) => candidate.id === value || candidate.name === value);
  if (type === ApplicationCommandOptionType.Mentionable && role) {
    add('roles', role.id, role);
    return role.id;
  }
  const user = world.resolveUser(String(value));
  add('users', user.id, world.userJSON(user));
  if (guild.members.has(user.id)) {
    const member = without(world.memberJSON(guild, user.id), 'user', 'deaf', 'mute');
    add('members', user.id, {
      ...member,
      permissions: world.memberPermissions(guild, user.id).toString(),
    });
  }
  return user.id;
}

/** An option's value as Discord sends it: references resolved to ids (added to `resolved`), plain values type-checked. */
function resolveValue(
  world: World,
  guild: GuildState,
  type: ApplicationCommandOptionType,
  name: string,
  value: string | number | boolean,
  resolved: Resolved,
): string | number | boolean {
  const add = (kind: string, id: string, object: unknown): void => {
    resolved[kind] ??= {};
    resolved[kind][id] = object;
  };
  switch (type) {
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable:
      return resolveMention(world, guild, type, value, add);
    case ApplicationCommandOptionType.Channel: {
      const channel = world.resolveChannel(guild, String(value));
      add('channels', channel.id, {
        ...world.channelJSON(channel),
        permissions: world.memberPermissions(guild, world.bot.id).toString(),
      });
      return channel.id;
    }
    case ApplicationCommandOptionType.Role: {
      const role = guild.roles.find((candidate) => candidate.id === value || candidate.name === value);
      if (!role) throw new StandInError(0, `unknown role "${String(value)}"`);
      add('roles', role.id, role);
      return role.id;
    }
    case ApplicationCommandOptionType.String:
      if (typeof value !== 'string') throw new StandInError(0, `option "${name}" must be a string`);
      return value;
    case ApplicationCommandOptionType.Integer:
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw new StandInError(0, `option "${name}" must be an integer`);
      }
      return value;
    case ApplicationCommandOptionType.Number:
      if (typeof value !== 'number') throw new StandInError(0, `option "${name}" must be a number`);
      return value;
    case ApplicationCommandOptionType.Boolean:
      if (typeof value !== 'boolean') throw new StandInError(0, `option "${name}" must be a boolean`);
      return value;
    case ApplicationCommandOptionType.Attachment:
      throw new StandInError(0, `option "${name}" takes a file: pass { attachment: { filename, bytes } }`);
    default:
      return value;
  }
}
