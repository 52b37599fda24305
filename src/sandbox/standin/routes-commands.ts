/** Routes for application commands, global and per guild. */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import { apiErrors } from './errors.js';
import {
  json,
  noContent,
  param,
  route,
  throwIf,
  type Context,
  type Json,
  type RestParts,
  type RouteSpec,
} from './rest-routes.js';
import type { World } from './state.js';
import { checkCommand, checkCommands, isRecord } from './validate.js';
import { wire } from './wire.js';

export function commandRoutes(parts: RestParts, scope: 'global' | 'guild'): RouteSpec[] {
  const { world } = parts;
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
  return [
    route('GET', prefix, true, (context) => json([...store(context).values()])),
    route('PUT', prefix, true, (context) => {
      const commands = store(context);
      throwIf(checkCommands(context.body));
      const list = Array.isArray(context.body) ? (context.body as Json[]) : [];
      const previous = [...commands.values()];
      commands.clear();
      for (const raw of list) {
        const existing = previous.find((command) => sameCommand(command, raw));
        const command = storedCommand(world, raw, existing, guildId(context));
        commands.set(command.id, command);
      }
      parts.signal.notify();
      return json([...commands.values()]);
    }),
    route('POST', prefix, true, (context) => {
      const commands = store(context);
      throwIf(checkCommand(context.body));
      const raw = context.body as Json;
      const existing = [...commands.values()].find((command) => sameCommand(command, raw));
      const command = storedCommand(world, raw, existing, guildId(context));
      commands.set(command.id, command);
      parts.signal.notify();
      return json(command, existing ? 200 : 201);
    }),
    route('GET', `${prefix}/:command`, true, (context) => {
      const command = store(context).get(param(context, 'command'));
      if (!command) throw apiErrors.unknownCommand();
      return json(command);
    }),
    route('PATCH', `${prefix}/:command`, true, (context) => {
      const commands = store(context);
      const existing = commands.get(param(context, 'command'));
      if (!existing) throw apiErrors.unknownCommand();
      const merged = { ...existing, ...(isRecord(context.body) ? context.body : {}) } as Json;
      throwIf(checkCommand(merged));
      const command = storedCommand(world, merged, existing, guildId(context));
      commands.set(command.id, command);
      parts.signal.notify();
      return json(command);
    }),
    route('DELETE', `${prefix}/:command`, true, (context) => {
      if (!store(context).delete(param(context, 'command'))) throw apiErrors.unknownCommand();
      parts.signal.notify();
      return noContent();
    }),
  ];
}

/** A stored command from a validated body, keeping the id of the command it replaces. */
export function storedCommand(
  world: World,
  raw: Json,
  existing: APIApplicationCommand | undefined,
  guildId: string | undefined,
): APIApplicationCommand {
  const permissions = raw.default_member_permissions;
  const numbers = (value: unknown): number[] | undefined =>
    Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : undefined;
  const command: APIApplicationCommand = {
    id: existing?.id ?? world.mintId(),
    application_id: world.applicationId,
    version: world.mintId(),
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

function sameCommand(command: APIApplicationCommand, raw: unknown): boolean {
  return (
    isRecord(raw) &&
    command.name === raw.name &&
    command.type ===
      wire(ApplicationCommandType, typeof raw.type === 'number' ? raw.type : ApplicationCommandType.ChatInput)
  );
}
