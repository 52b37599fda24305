/**
 * The many-articles class (tests/helpers/many-articles.ts) loaded through the real loader, with
 * a templates.yaml of the tests' own, so the tests do not depend on the shipped templates.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, loadContent } from '../../src/content/load.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { writeManyArticles, type ManyArticlesFolder } from './many-articles.js';

/** Line numbers on the right: the prompts made from them carry them. */
export const TEST_TEMPLATES = [
  'templates:', //                                               1
  '  understand:', //                                            2
  '    - What does {author} say about “{topic}”?', //            3
  '    - What is the point of “{title}” ({label})?', //          4
  '  analyze:', //                                               5
  '    - How does {author} reason about “{topic}”?', //          6
  '  evaluate:', //                                              7
  '    - Is {label} right about “{topic}” in “{title}”?', //     8
  '',
].join('\n');

export interface ManyLibrary extends ManyArticlesFolder {
  readonly library: Library;
}

/** Writes the folder (plus `templates`, unless null) and loads it. Call `remove()` when done. */
export async function manyLibrary(templates: string | null = TEST_TEMPLATES): Promise<ManyLibrary> {
  const folder = writeManyArticles();
  if (templates !== null) writeFileSync(path.join(folder.dir, 'templates.yaml'), templates);
  const r = await loadContent(folder.dir);
  if (!r.ok) {
    folder.remove();
    throw new Error(r.problems.map(formatProblem).join('\n'));
  }
  return { ...folder, library: buildLibrary(r.content) };
}
