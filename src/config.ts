/**
 * Configuration, read once from the environment (and `.env` through dotenv) and validated.
 * Every key is listed in `.env.example`; an empty value means unset. Each mistake becomes one line
 * naming the variable and what to write. The token is never printed.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const DISCORD_API_DEFAULT = 'https://discord.com/api';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting the project reads; `.env.example` lists the same keys. */
export const CONFIG_KEYS = [
  'DISCORD_TOKEN',
  'DISCORD_GUILD_ID',
  'DISCORD_API_BASE',
  'LOG_LEVEL',
  'SHARD_COUNT',
  'SHARD_IDS',
  'CONTENT_DIR',
  'SANDBOX_PORT',
  'IMPORT_ALLOW_LOOPBACK',
  'ANSWER_SECRET',
] as const;

export interface Config {
  /** The bot token; absent means there is nothing to connect to. */
  readonly token?: string;
  /** Register commands to this server (instant) instead of globally (can take up to an hour). */
  readonly guildId?: string;
  /** REST base URL without the version, e.g. `https://discord.com/api`. */
  readonly apiBase: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** `auto`, a number of shards, or undefined for a single process. */
  readonly shardCount?: 'auto' | number;
  /**
   * The shards this process runs (sorted, no repeats), when the bot's shards are split between
   * processes; each is below `shardCount`, which is then a number.
   */
  readonly shardIds?: readonly number[];
  /** Folder holding `articles/` and `topics.yaml` (an absolute path). */
  readonly contentDir?: string;
  /** Port of the sandbox page (sandbox mode only); 0 means any free port. */
  readonly sandboxPort?: number;
  /** Tests only: /article add may fetch URLs on loopback and private addresses. Default false. */
  readonly importAllowLoopback: boolean;
  /** Keys anonymous mode's pseudonyms; undefined: derived from the token. Never printed. */
  readonly answerSecret?: string;
}

const TOKEN_HINT =
  'DISCORD_TOKEN does not look like a bot token (three dot-separated parts). Copy it again from the Developer Portal → your application → Bot → Reset Token.';

const SHARD_IDS_HINT =
  'SHARD_IDS must list the shards this process runs, as numbers or ranges such as "0,1" or "0-3", or be empty to run every shard';

/** "0, 2-4" → [0, 2, 3, 4]; undefined when a part is not a number or a rising range. */
export function parseShardIds(text: string): number[] | undefined {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const range = /^\s*(\d{1,4})\s*(?:-\s*(\d{1,4})\s*)?$/.exec(part);
    if (!range) return undefined;
    const first = Number(range[1]);
    const last = range[2] === undefined ? first : Number(range[2]);
    if (last < first) return undefined;
    for (let id = first; id <= last; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** What is wrong between SHARD_IDS and SHARD_COUNT, as one line, or undefined. */
function shardIdsProblem(ids: readonly number[], count: string | undefined): string | undefined {
  if (count === undefined || count === 'auto') {
    return 'SHARD_IDS needs SHARD_COUNT set to the number of shards of all processes together (a number, not "auto"), the same in every process';
  }
  const beyond = ids.find((id) => id >= Number(count));
  if (beyond === undefined) return undefined;
  return `SHARD_IDS lists shard ${beyond}, but with SHARD_COUNT=${count} the shards are 0 to ${Number(count) - 1}: list only ids below SHARD_COUNT, or raise SHARD_COUNT in every process`;
}

const PORT_HINT =
  'SANDBOX_PORT must be a port number from 1024 to 65535 (or 0 for any free port), or empty for 3000';

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** An http(s) URL setting; `message` says what to write. */
export function httpUrlSetting(message: string) {
  return z
    .string()
    .trim()
    .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), message);
}

/** LOG_LEVEL, shared by the bot and the REST proxy. */
export const LOG_LEVEL_SETTING = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z.enum(LOG_LEVELS, {
      error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, or empty for info`,
    }),
  )
  .optional();

const schema = z.object({
  DISCORD_TOKEN: z
    .string()
    .trim()
    .transform((t) => t.replace(/^Bot\s+/i, ''))
    .refine((t) => /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/.test(t), { message: TOKEN_HINT })
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .trim()
    .regex(
      /^\d{17,20}$/,
      'DISCORD_GUILD_ID must be a server id (17 to 20 digits: right-click the server in Discord → Copy Server ID), or empty to register commands globally',
    )
    .optional(),
  DISCORD_API_BASE: httpUrlSetting(
    'DISCORD_API_BASE must be an http(s) URL like https://discord.com/api, or empty for Discord itself',
  ).optional(),
  LOG_LEVEL: LOG_LEVEL_SETTING,
  SHARD_COUNT: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(auto|[1-9]\d{0,3})$/,
      'SHARD_COUNT must be "auto" or a whole number of shards (1 to 9999), or empty to run one process',
    )
    .optional(),
  SHARD_IDS: z
    .string()
    .transform((text, ctx) => {
      const ids = parseShardIds(text);
      if (ids === undefined) ctx.addIssue({ code: 'custom', message: SHARD_IDS_HINT });
      return ids ?? [];
    })
    .optional(),
  CONTENT_DIR: z
    .string()
    .transform((dir) => path.resolve(dir.trim()))
    .refine(
      isFolder,
      'CONTENT_DIR names no folder: write the path of a folder holding articles/ and topics.yaml (absolute, or relative to the project folder), or leave it empty for the project’s content/ folder',
    )
    .optional(),
  SANDBOX_PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, PORT_HINT)
    .transform(Number)
    .refine((n) => n === 0 || (n >= 1024 && n <= 65535), PORT_HINT)
    .optional(),
  IMPORT_ALLOW_LOOPBACK: z
    .string()
    .trim()
    .regex(
      /^[01]$/,
      'IMPORT_ALLOW_LOOPBACK must be 1 (tests only: /article add may fetch loopback and private addresses) or 0, or empty for 0',
    )
    .optional(),
  ANSWER_SECRET: z
    .string()
    .trim()
    .refine(
      (s) => s.length >= 16 && !/\s/.test(s),
      'ANSWER_SECRET must be at least 16 characters with no spaces (for example the output of `openssl rand -hex 32`), or empty to derive it from the bot token',
    )
    .optional(),
});

/**
 * A warning when this process holds only some of the shards (so other processes share the bot) but
 * sends REST straight to Discord: each process would keep its own count of limits Discord keeps per bot.
 */
export function sharedBotWarning(config: Config): string | undefined {
  const { shardIds, shardCount, apiBase } = config;
  if (shardIds === undefined || typeof shardCount !== 'number') return undefined;
  if (shardIds.length >= shardCount || apiBase !== DISCORD_API_DEFAULT) return undefined;
  return `SHARD_IDS holds ${shardIds.length} of ${shardCount} shards, so other processes share this bot, but DISCORD_API_BASE is Discord itself: run npm run proxy once for the bot and set DISCORD_API_BASE to its address in every process, so that they share Discord's rate limits.`;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Whether a variable counts as set: present and not blank. */
function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * Removes the project's settings that are present but blank (e.g. `SHARD_COUNT=` from a copied
 * `.env.example`), so that nothing, discord.js included, reads an empty value as a setting.
 * Call it right after dotenv has loaded `.env`.
 */
export function dropBlankSettings(env: NodeJS.ProcessEnv): void {
  for (const key of CONFIG_KEYS) if (!isSet(env[key])) Reflect.deleteProperty(env, key);
}

/**
 * The set ones of `keys` in `env` (blank counts as unset), checked by `schema`: its result, or one
 * line per problem, each naming its setting.
 */
export function parseSettings<S extends z.ZodType>(
  schema: S,
  keys: readonly string[],
  env: NodeJS.ProcessEnv,
): { ok: true; data: z.output<S> } | { ok: false; errors: string[] } {
  const cleaned = Object.fromEntries(
    keys.flatMap((key) => {
      const value = env[key];
      return isSet(value) ? [[key, value]] : [];
    }),
  );
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = parsed.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return i.message.startsWith(key) ? i.message : `${key}: ${i.message}`;
  });
  return { ok: false, errors: [...new Set(errors)] };
}

/** Validates an environment. Blank values count as unset. Messages never contain the token. */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = parseSettings(schema, CONFIG_KEYS, env);
  if (!parsed.ok) return parsed;
  const e = parsed.data;
  const shardProblem = e.SHARD_IDS && shardIdsProblem(e.SHARD_IDS, e.SHARD_COUNT);
  if (shardProblem) return { ok: false, errors: [shardProblem] };
  return {
    ok: true,
    config: {
      ...(e.DISCORD_TOKEN !== undefined && { token: e.DISCORD_TOKEN }),
      ...(e.DISCORD_GUILD_ID !== undefined && { guildId: e.DISCORD_GUILD_ID }),
      apiBase: (e.DISCORD_API_BASE ?? DISCORD_API_DEFAULT).replace(/\/+$/, ''),
      logLevel: e.LOG_LEVEL ?? 'info',
      ...(e.SHARD_COUNT !== undefined && {
        shardCount: e.SHARD_COUNT === 'auto' ? 'auto' : Number(e.SHARD_COUNT),
      }),
      ...(e.SHARD_IDS !== undefined && { shardIds: e.SHARD_IDS }),
      ...(e.CONTENT_DIR !== undefined && { contentDir: e.CONTENT_DIR }),
      ...(e.SANDBOX_PORT !== undefined && { sandboxPort: e.SANDBOX_PORT }),
      importAllowLoopback: e.IMPORT_ALLOW_LOOPBACK === '1',
      ...(e.ANSWER_SECRET !== undefined && { answerSecret: e.ANSWER_SECRET }),
    },
  };
}
