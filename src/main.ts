/**
 * `npm start`: validates the configuration and the content, then runs the bot.
 * The Discord connection itself lives in src/bot/ (next issue); without a token this says what to do.
 */
import 'dotenv/config';
import { readConfig } from './config.js';
import { formatProblem, loadContent } from './content/load.js';
import { DEFAULT_CONTENT_DIR } from './content/paths.js';

const config = readConfig(process.env);
if (!config.ok) {
  for (const e of config.errors) console.error(e);
  process.exit(1);
}
const content = await loadContent(config.config.contentDir ?? DEFAULT_CONTENT_DIR);
if (!content.ok) {
  for (const p of content.problems) console.error(formatProblem(p));
  console.error(
    'The content is invalid, so the bot will not start. Fix the problems above (npm run content:check).',
  );
  process.exit(1);
}
if (config.config.token === undefined) {
  console.error(
    [
      'No DISCORD_TOKEN is set, so there is nothing to connect to.',
      'To run on Discord: copy .env.example to .env and set DISCORD_TOKEN (see README, "Setting up on Discord").',
      'To try the answers without Discord: npm run cli -- quote "ammunition, not a ride"',
    ].join('\n'),
  );
  process.exit(1);
}
console.error('The Discord connection is not built yet (issue 3). Use npm run cli meanwhile.');
process.exit(1);
