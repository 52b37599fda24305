/**
 * `npm run content:check [dir]`: validates the content folder and prints each problem as
 * `file:line: message`. Exits 1 on any problem, 0 when everything is valid.
 * Never a stack trace: anything unforeseen is one line and exit 1.
 */
import { checkSources, uncheckedNote } from './sources.js';
import path from 'node:path';
import { errorLine, formatProblem, loadContent, TOPICS_FILE } from './load.js';
import { DEFAULT_CONTENT_DIR } from './paths.js';
import { readFileSync } from 'node:fs';
import { checkPrompts, checkTopicTerms } from '../core/prompt-check.js';
import { createSearchIndex } from '../core/search/index.js';

process.on('uncaughtException', (error) => {
  console.error(`content:check failed: ${errorLine(error)}`);
  process.exit(1);
});

const dir = process.argv[2] ?? DEFAULT_CONTENT_DIR;
// Also checks each passage against its article's source, and notes the articles without one.
const { result, unchecked } = await checkSources(dir, await loadContent(dir));
const shown = path.relative(process.cwd(), dir) || '.';
if (!result.ok) {
  for (const p of result.problems) console.error(formatProblem({ ...p, file: path.join(shown, p.file) }));
  console.error(`${result.problems.length} problem(s) in ${shown}/`);
  process.exit(1);
}
const { articles, topics, passages } = result.content;
// Warnings (`file:line: warning: …`) do not change the exit code: a prompt naming an author
// whose article has nothing to show on its topic; a topic term's word that no article uses.
const index = createSearchIndex(passages.values(), articles);
const topicsSource = readFileSync(path.join(dir, TOPICS_FILE), 'utf8');
for (const w of [
  ...checkPrompts(result.content, index),
  ...checkTopicTerms(result.content, index, topicsSource),
])
  console.error(formatProblem({ ...w, file: path.join(shown, w.file) }));
for (const file of unchecked) console.log(uncheckedNote(path.join(shown, file)));
console.log(
  `${shown}/ is valid: ${articles.length} articles, ${passages.size} passages, ${topics.length} topics, ` +
    `${topics.length * 3} prompts.`,
);
