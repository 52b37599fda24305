/**
 * Start-up failures that a setting caused, told as one line naming the variable and what to do:
 * a token Discord refuses, a REST base nothing answers at, a DISCORD_GUILD_ID server not joined.
 */
import { DiscordAPIError } from 'discord.js';
import { inviteUrl } from './invite.js';

/** A start-up failure caused by a setting. Its message is one line naming the variable and what to do. */
export class SettingError extends Error {}

/** Errors that mean the REST base or the gateway could not be reached at all. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 3; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    e = cause;
  }
  return undefined;
}

/** What a failed login says about the settings, if it is their fault. The token is never included. */
export function loginProblem(err: unknown, apiBase: string): SettingError | undefined {
  const code = errorCode(err);
  if (code === 'TokenInvalid' || (err instanceof DiscordAPIError && err.status === 401)) {
    return new SettingError(
      'DISCORD_TOKEN was refused by Discord (it may have been reset). Copy a new one from the Developer Portal → your application → Bot → Reset Token, and paste it after DISCORD_TOKEN= in .env.',
    );
  }
  if (code !== undefined && UNREACHABLE.has(code)) {
    return new SettingError(
      `Could not reach Discord at ${apiBase} (${code}). Check the internet connection, and DISCORD_API_BASE if you set it (leave it empty for Discord itself).`,
    );
  }
  return undefined;
}

/** What a refused command registration says about DISCORD_GUILD_ID, if it is its fault. */
export function registrationProblem(
  err: unknown,
  guildId: string | undefined,
  applicationId: string,
): SettingError | undefined {
  if (guildId === undefined || !(err instanceof DiscordAPIError) || ![403, 404].includes(err.status)) {
    return undefined;
  }
  return new SettingError(
    `DISCORD_GUILD_ID: the bot cannot register its commands in server ${guildId} (Discord says: ${err.message}). Invite the bot to that server with ${inviteUrl(applicationId)} and start again, or correct the id, or leave it empty to register the commands in every server.`,
  );
}
