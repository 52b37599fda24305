/** `npm run cli -- <command>`: see USAGE in run.ts. */
import { formatProblem, loadContent } from '../content/load.js';
import { DEFAULT_CONTENT_DIR } from '../content/paths.js';
import { buildCore } from '../core/index.js';
import { ANSI, PLAIN } from './format.js';
import { run } from './run.js';

const result = await loadContent(process.env.CONTENT_DIR ?? DEFAULT_CONTENT_DIR);
if (!result.ok) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error('The content is invalid; fix the problems above (npm run content:check lists them).');
  process.exit(1);
}
const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const style = { ...(tty ? ANSI : PLAIN), width: Math.min(process.stdout.columns || 100, 120) };
process.exitCode = run(process.argv.slice(2), buildCore(result.content), {
  out: (t) => {
    console.log(t);
  },
  err: (t) => {
    console.error(t);
  },
  style,
});
