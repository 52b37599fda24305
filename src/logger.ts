/** One structured logger (pino). Context goes in objects; secrets are redacted wherever they appear. */
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'config.token',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

/** Interaction tokens travel in webhook and callback URLs; hide them wherever a URL is logged. */
export function scrubTokens(text: string): string {
  return text.replace(/\/(webhooks\/\d+|interactions\/\d+)\/[^/\s?"']+/g, '/$1/[secret]');
}

/** Errors are logged with name, message, code, status and stack, tokens scrubbed; never request bodies. */
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return typeof err === 'string' ? scrubTokens(err) : err;
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    type: e.name,
    message: scrubTokens(e.message),
    ...(e.code !== undefined && { code: e.code }),
    ...(e.status !== undefined && { status: e.status }),
    ...(typeof e.method === 'string' && { method: e.method }),
    ...(typeof e.url === 'string' && { url: scrubTokens(e.url) }),
    ...(e.stack !== undefined && { stack: scrubTokens(e.stack) }),
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[secret]' },
    serializers: { err: serializeError },
  };
  // Logs go to stderr, so stdout keeps the human-readable lines (the invite link).
  return pino(options, destination ?? pino.destination({ fd: 2, sync: true }));
}
