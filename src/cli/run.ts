/**
 * The command-line preview: prints what the bot would answer. `run` takes its output streams and
 * the core as arguments, so tests drive it directly; `main.ts` wires it to the process. The
 * commands themselves are the table in commands.ts.
 */
import { parseArgs } from 'node:util';
import type { Library } from '../core/index.js';
import { OPTIONS, UsageError, type Io } from './args.js';
import { COMMANDS } from './commands.js';

export type { Io } from './args.js';

/** Exit codes: 0 done, 2 bad input (a one-line message on stderr). */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

export const USAGE = [
  'Usage: npm run cli -- <command> [options]',
  "       npm run --silent cli -- <command> --json     (JSON only on stdout, without npm's header)",
  '',
  ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
].join('\n');

/** Said on stderr when npm's header line went to stdout ahead of the JSON. */
export const JSON_HINT =
  'npm printed its own header line on stdout above the JSON. For JSON only, run: npm run --silent cli -- <command> --json';

/**
 * Whether npm printed its header ("> discussion-guide-bot@… cli", on stdout) before starting this
 * process: it does for every `npm run` unless --silent (or loglevel=silent) was given.
 */
export function npmPrintedBanner(env: NodeJS.ProcessEnv): boolean {
  return env.npm_lifecycle_event !== undefined && env.npm_config_loglevel !== 'silent';
}

export function run(argv: readonly string[], core: Library, io: Io): number {
  try {
    return dispatch(argv, core, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT_USAGE;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(e.message.split('\n')[0] ?? 'Bad arguments.');
      return EXIT_USAGE;
    }
    throw e;
  }
}

function dispatch(argv: readonly string[], core: Library, io: Io): number {
  const [name, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (name === undefined || ['help', '--help', '-h'].includes(name) || values.help) {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    throw new UsageError(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
  }
  const print = (json: unknown, text: () => string) => {
    io.out(values.json ? JSON.stringify(json, null, 2) : text());
  };
  command.run({ positionals, values, library: core, io, print });
  return EXIT_OK;
}
