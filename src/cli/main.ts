/** `npm run cli -- <command>`: see USAGE in run.ts. */
import 'dotenv/config';
import { readConfig } from '../config.js';
import { formatProblem, loadContent } from '../content/load.js';
import { DEFAULT_CONTENT_DIR } from '../content/paths.js';
import { buildLibrary } from '../core/index.js';
import { ANSI, PLAIN } from './format.js';
import { JSON_HINT, npmPrintedBanner, run } from './run.js';

// A reader that stops early (`| head -3`) closes the pipe: that ends the preview, quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

// The same content folder as the bot (CONTENT_DIR, from the environment or .env).
const config = readConfig({ CONTENT_DIR: process.env.CONTENT_DIR });
if (!config.ok) {
  for (const e of config.errors) console.error(e);
  process.exit(1);
}
const result = await loadContent(config.config.contentDir ?? DEFAULT_CONTENT_DIR);
if (!result.ok) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error('The content is invalid; fix the problems above (npm run content:check lists them).');
  process.exit(1);
}
const argv = process.argv.slice(2);
if (argv.includes('--json') && npmPrintedBanner(process.env)) console.error(JSON_HINT);
const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const style = { ...(tty ? ANSI : PLAIN), width: Math.min(process.stdout.columns || 100, 120) };
process.exitCode = run(argv, buildLibrary(result.content), {
  out: (t) => {
    console.log(t);
  },
  err: (t) => {
    console.error(t);
  },
  style,
});
