/**
 * The held-out articles (tests/fixtures/held-out/: real public-domain texts the search was not tuned
 * on), indexed beside the content under test, as the search quality test measures them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTICLES_DIR, buildContent, readContentFiles } from '../../src/content/load.js';
import { buildLibrary, type Library } from '../../src/core/index.js';
import { TEST_CONTENT_DIR } from './content.js';

export const HELD_OUT_DIR = path.resolve('tests/fixtures/held-out');

/** The held-out article files, as `articles/<name>` → text. */
export function heldOutFiles(): Map<string, string> {
  const dir = path.join(HELD_OUT_DIR, ARTICLES_DIR);
  const names = readdirSync(dir).filter((n) => n.endsWith('.md'));
  return new Map(names.map((n) => [`${ARTICLES_DIR}/${n}`, readFileSync(path.join(dir, n), 'utf8')]));
}

/** The ids of the held-out articles. */
export const HELD_OUT_IDS: ReadonlySet<string> = new Set(
  [...heldOutFiles().keys()].map((f) => path.basename(f, '.md')),
);

let library: Promise<Library> | undefined;

/** The content under test (see TEST_CONTENT_DIR) with the held-out articles added, loaded once. */
export function libraryWithHeldOut(): Promise<Library> {
  library ??= readContentFiles(TEST_CONTENT_DIR).then((read) => {
    const files = new Map(read);
    for (const [file, text] of heldOutFiles()) files.set(file, text);
    const result = buildContent(files);
    if (!result.ok)
      throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
    return buildLibrary(result.content);
  });
  return library;
}
