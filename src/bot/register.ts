/**
 * Registers the slash commands only when they differ from what Discord already has: it fetches
 * the current set first and compares, so a restart does not re-register.
 */
import type { REST } from 'discord.js';
import { Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';

/** Fields Discord fills in when we leave them out (e.g. integration_types: [0], dm_permission: true). */
const DISCORD_DEFAULTED = new Set(['integration_types', 'contexts', 'dm_permission']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Whether Discord's copy says the same as ours. Only the fields we set are compared; Discord adds
 * ids, versions and defaults (false, [], null) that mean the same as leaving a field out.
 */
export function sameDefinition(local: unknown, remote: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined || v === null || v === false || (Array.isArray(v) && v.length === 0);
  if (empty(local)) return empty(remote);
  if (Array.isArray(local)) {
    return (
      Array.isArray(remote) &&
      remote.length === local.length &&
      local.every((v, i) => sameDefinition(v, remote[i]))
    );
  }
  if (typeof local === 'object') {
    if (typeof remote !== 'object' || remote === null) return false;
    const r = remote as Record<string, Json>;
    // Fields we leave out that Discord fills with its own defaults are not a difference.
    return Object.entries(local as Record<string, Json | undefined>).every(
      ([k, v]) => (v === undefined && DISCORD_DEFAULTED.has(k)) || sameDefinition(v, r[k]),
    );
  }
  return (typeof local === 'string' || typeof local === 'number' || typeof local === 'boolean') &&
    (typeof remote === 'string' || typeof remote === 'number' || typeof remote === 'boolean')
    ? String(local) === String(remote)
    : false;
}

export function sameCommands(
  local: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  remote: readonly { name: string }[],
): boolean {
  if (local.length !== remote.length) return false;
  const byName = new Map(remote.map((c) => [c.name, c]));
  return local.every((c) => sameDefinition(c, byName.get(c.name)));
}

export interface RegisterResult {
  readonly changed: boolean;
  readonly scope: 'guild' | 'global';
}

export async function registerCommands(
  rest: REST,
  applicationId: string,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  guildId?: string,
): Promise<RegisterResult> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const current = (await rest.get(route)) as { name: string }[];
  const scope = guildId ? 'guild' : 'global';
  if (sameCommands(definitions, current)) return { changed: false, scope };
  await rest.put(route, { body: definitions });
  return { changed: true, scope };
}
