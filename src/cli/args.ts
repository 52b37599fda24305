/** The CLI's options, what a command receives, and the checks on its arguments. */
import type { ParseArgsConfig } from 'node:util';
import type { Library } from '../core/index.js';
import type { Style } from './format.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly style: Style;
  readonly random?: () => number;
}

/** Bad input: its message is printed as one line on stderr, and the preview exits 2. */
export class UsageError extends Error {}

export const OPTIONS = {
  json: { type: 'boolean', default: false },
  article: { type: 'string' },
  speaker: { type: 'string' },
  limit: { type: 'string' },
  topic: { type: 'string' },
  level: { type: 'string' },
  radius: { type: 'string' },
  style: { type: 'string' },
  max: { type: 'string' },
  'min-articles': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

/** The parsed options (`--json`, `--limit` …), as `parseArgs` gives them for OPTIONS. */
export interface OptionValues {
  readonly json: boolean;
  readonly article?: string;
  readonly speaker?: string;
  readonly limit?: string;
  readonly topic?: string;
  readonly level?: string;
  readonly radius?: string;
  readonly style?: string;
  readonly max?: string;
  readonly 'min-articles'?: string;
}

/** Everything one command needs: its arguments, the content and index, and where to print. */
export interface CommandInput {
  readonly positionals: readonly string[];
  readonly values: OptionValues;
  readonly library: Library;
  readonly io: Io;
  /** Prints `json` with --json, else the terminal text (built only then). */
  readonly print: (json: unknown, text: () => string) => void;
}

export function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
  return n;
}

/** The command's one positional argument, or a UsageError naming `what` to give. */
export function oneArg(positionals: readonly string[], what: string): string {
  const [value, extra] = positionals;
  if (value === undefined || value.trim() === '') throw new UsageError(`Give ${what}.`);
  if (extra !== undefined) throw new UsageError(`Unexpected "${extra}": put ${what} in quotes.`);
  return value;
}
