/**
 * Configuration, read once from the environment (and `.env` through dotenv) and validated.
 * Every key is listed in `.env.example`. The token is never printed.
 */
import { z } from 'zod';

export const DISCORD_API_DEFAULT = 'https://discord.com/api';

export interface Config {
  /** The bot token; absent means there is nothing to connect to. */
  readonly token?: string;
  /** Register commands to this server (instant) instead of globally (can take up to an hour). */
  readonly guildId?: string;
  /** REST base URL without the version, e.g. `https://discord.com/api`. */
  readonly apiBase: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `auto`, a number of shards, or undefined for a single process. */
  readonly shardCount?: 'auto' | number;
  /** Folder holding `articles/` and `topics.yaml`. */
  readonly contentDir?: string;
  /** Port of the sandbox page (sandbox mode only). */
  readonly sandboxPort?: number;
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const schema = z.object({
  DISCORD_TOKEN: z
    .string()
    .trim()
    .transform((t) => t.replace(/^Bot\s+/i, ''))
    .refine((t) => /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/.test(t), {
      message:
        'DISCORD_TOKEN does not look like a bot token (three dot-separated parts). Copy it again from the Developer Portal → your application → Bot → Reset Token.',
    })
    .optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_BASE: z
    .url({ error: 'DISCORD_API_BASE must be a URL like https://discord.com/api' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHARD_COUNT: z
    .string()
    .regex(/^(auto|[1-9]\d{0,3})$/, 'SHARD_COUNT must be "auto" or a whole number')
    .optional(),
  CONTENT_DIR: z.string().min(1).optional(),
  SANDBOX_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'SANDBOX_PORT must be a port number')
    .transform(Number)
    .refine((n) => n <= 65535, 'SANDBOX_PORT must be a port number')
    .optional(),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Validates an environment. Empty strings count as unset. Messages never contain the token. */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '');
        return i.message.startsWith(key) ? i.message : `${key}: ${i.message}`;
      }),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      ...(e.DISCORD_TOKEN !== undefined && { token: e.DISCORD_TOKEN }),
      ...(e.DISCORD_GUILD_ID !== undefined && { guildId: e.DISCORD_GUILD_ID }),
      apiBase: (e.DISCORD_API_BASE ?? DISCORD_API_DEFAULT).replace(/\/+$/, ''),
      logLevel: e.LOG_LEVEL,
      ...(e.SHARD_COUNT !== undefined && {
        shardCount: e.SHARD_COUNT === 'auto' ? 'auto' : Number(e.SHARD_COUNT),
      }),
      ...(e.CONTENT_DIR !== undefined && { contentDir: e.CONTENT_DIR }),
      ...(e.SANDBOX_PORT !== undefined && { sandboxPort: e.SANDBOX_PORT }),
    },
  };
}
