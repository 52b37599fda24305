/**
 * Writing an import into the content folder, and removing an article. The original and its note
 * are written first and the article last, so that a watcher that sees the article sees its source.
 * Nothing is overwritten.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SOURCE_PATH } from '../content/schema.js';
import { ImportError } from './errors.js';

/** What `writeImport` needs of an import result. */
export interface Writable {
  readonly articleId: string;
  /** Relative to contentDir, e.g. "articles/<id>.md". */
  readonly articleFile: string;
  /** The full text of the article file. */
  readonly markdown: string;
  /** Relative to contentDir, e.g. "sources/<id>.html". */
  readonly sourceFile: string;
  /** The original, byte for byte. */
  readonly sourceBytes: Uint8Array;
  /** The text of sources/<id>.provenance.md. */
  readonly provenance: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const provenanceOf = (sourceFile: string): string => sourceFile.replace(/\.[^./]+$/, '.provenance.md');

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/** Writes article, source and provenance; refuses to overwrite an existing article id. Returns paths written. */
export async function writeImport(result: Writable, contentDir: string): Promise<readonly string[]> {
  if (!SLUG.test(result.articleId) || result.articleFile !== `articles/${result.articleId}.md`)
    throw new ImportError('This import has an invalid article id.');
  if (!SOURCE_PATH.test(result.sourceFile))
    throw new ImportError('This import has an invalid source file name.');
  const files: [string, string | Uint8Array][] = [
    [result.sourceFile, result.sourceBytes],
    [provenanceOf(result.sourceFile), result.provenance],
    [result.articleFile, result.markdown],
  ];
  const written: string[] = [];
  await mkdir(path.join(contentDir, 'sources'), { recursive: true });
  await mkdir(path.join(contentDir, 'articles'), { recursive: true });
  try {
    for (const [file, data] of files) {
      await writeFile(path.join(contentDir, file), data, { flag: 'wx' });
      written.push(file);
    }
  } catch (error) {
    // Undo a partial write: what was written here is removed again.
    for (const file of written) await rm(path.join(contentDir, file), { force: true });
    if (codeOf(error) === 'EEXIST')
      throw new ImportError(`An article with the id "${result.articleId}" (or its source) already exists.`);
    throw new ImportError(`Could not write the article (${codeOf(error)}).`);
  }
  return written;
}

/** Removes articles/<id>.md, its source and provenance files. Returns the paths removed. */
export async function removeArticle(contentDir: string, articleId: string): Promise<readonly string[]> {
  if (!SLUG.test(articleId)) throw new ImportError(`"${articleId.slice(0, 80)}" is not an article id.`);
  const articleFile = `articles/${articleId}.md`;
  let text: string;
  try {
    text = await readFile(path.join(contentDir, articleFile), 'utf8');
  } catch {
    throw new ImportError(`There is no article "${articleId}".`);
  }
  const source = /^source:\s*["']?(sources\/[^\s"'#]+)["']?\s*(?:#.*)?$/m.exec(text)?.[1];
  const files = [articleFile];
  if (source && SOURCE_PATH.test(source)) files.push(source, provenanceOf(source));
  const removed: string[] = [];
  for (const file of files) {
    try {
      await rm(path.join(contentDir, file));
      removed.push(file);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw new ImportError(`Could not remove ${file} (${codeOf(error)}).`);
    }
  }
  return removed;
}
