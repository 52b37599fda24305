/**
 * Settings of the REST proxy (`npm run proxy`), read from the environment (and `.env`): where it
 * listens and where it forwards. Each mistake becomes one line naming the variable and what to write.
 * The proxy holds no token: every bot process sends its own, and the proxy passes it on.
 */
import { z } from 'zod';
import {
  DISCORD_API_DEFAULT,
  httpUrlSetting,
  LOG_LEVEL_SETTING,
  LOG_LEVELS,
  parseSettings,
} from '../config.js';

export const PROXY_KEYS = ['PROXY_UPSTREAM', 'PROXY_HOST', 'PROXY_PORT', 'LOG_LEVEL'] as const;

/** The port the proxy listens on when PROXY_PORT is empty. */
export const PROXY_PORT_DEFAULT = 8080;

export interface ProxyConfig {
  /** Discord's REST base without the version, e.g. `https://discord.com/api`. */
  readonly upstream: string;
  /** Address to listen on; loopback unless bot processes on other machines use this proxy. */
  readonly host: string;
  /** 0 means any free port (tests). */
  readonly port: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
}

const PORT_HINT = `PROXY_PORT must be a port number from 1 to 65535 (or 0 for any free port), or empty for ${PROXY_PORT_DEFAULT}`;

const schema = z.object({
  PROXY_UPSTREAM: httpUrlSetting(
    `PROXY_UPSTREAM must be an http(s) URL like ${DISCORD_API_DEFAULT}, or empty for Discord itself`,
  )
    .transform((u) => u.replace(/\/+$/, ''))
    .refine(
      (u) => !/\/v\d+$/.test(u),
      `PROXY_UPSTREAM is the API base without the version (like ${DISCORD_API_DEFAULT}): remove the /v… at its end`,
    )
    .optional(),
  PROXY_HOST: z
    .string()
    .trim()
    .regex(
      /^[\w.:-]+$/,
      'PROXY_HOST must be an address of this machine to listen on, such as 127.0.0.1 (this machine only) or a private network address, or empty for 127.0.0.1',
    )
    .optional(),
  PROXY_PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, PORT_HINT)
    .transform(Number)
    .refine((n) => n <= 65535, PORT_HINT)
    .optional(),
  LOG_LEVEL: LOG_LEVEL_SETTING,
});

export type ProxyConfigResult = { ok: true; config: ProxyConfig } | { ok: false; errors: string[] };

/** Validates the proxy's settings. Blank values count as unset. */
export function readProxyConfig(env: NodeJS.ProcessEnv): ProxyConfigResult {
  const parsed = parseSettings(schema, PROXY_KEYS, env);
  if (!parsed.ok) return parsed;
  const e = parsed.data;
  return {
    ok: true,
    config: {
      upstream: e.PROXY_UPSTREAM ?? DISCORD_API_DEFAULT,
      host: e.PROXY_HOST ?? '127.0.0.1',
      port: e.PROXY_PORT ?? PROXY_PORT_DEFAULT,
      logLevel: e.LOG_LEVEL ?? 'info',
    },
  };
}
