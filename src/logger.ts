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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { pid: process.pid }, redact: { paths: REDACT_PATHS, censor: '[secret]' } };
  // Logs go to stderr, so stdout keeps the human-readable lines (the invite link).
  return pino(options, destination ?? pino.destination({ fd: 2, sync: true }));
}
