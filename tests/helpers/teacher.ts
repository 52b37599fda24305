/**
 * What a teacher does to content/ by the README ("Adding an article", "Topics"), done to a temporary
 * copy: add an article file, or remove one together with the topics' pinned passages into it.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** A private copy of a content folder (content/ by default), to edit. */
export function copyContent(from = 'content'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'teacher-content-'));
  cpSync(path.resolve(from), dir, { recursive: true });
  return dir;
}

export function removeContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Step 1 of "Adding an article": the file goes in articles/, named by its id. */
export function addArticle(dir: string, file: string): void {
  copyFileSync(file, path.join(dir, 'articles', path.basename(file)));
}

/**
 * Removes articles/<id>.md and every pinned passage id `<id>#n` in topics.yaml (which content:check
 * would otherwise report as unknown), dropping a `pinned:` list left empty. Comments are kept.
 */
export function removeArticle(dir: string, id: string): void {
  rmSync(path.join(dir, 'articles', `${id}.md`));
  const file = path.join(dir, 'topics.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const topics = doc.get('topics');
  if (!isSeq(topics)) throw new Error('topics.yaml has no topics list');
  for (const topic of topics.items) {
    if (!isMap(topic)) continue;
    const pinned = topic.get('pinned');
    if (!isSeq(pinned)) continue;
    pinned.items = pinned.items.filter(
      (item) => !(isScalar(item) && String(item.value).startsWith(`${id}#`)),
    );
    if (pinned.items.length === 0) topic.delete('pinned');
  }
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}
