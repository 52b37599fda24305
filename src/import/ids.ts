/** Article ids for imports: a slug from the title or file name, unique in the content folder. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from './errors.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 60;

/** "Trump’s Move: A Test!" → "trumps-move-a-test"; accents dropped; at most 60 characters, cut at a word. */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug === '' ? (words[0]?.slice(0, MAX_SLUG) ?? 'article') : slug;
}

/** Ids already used: article files, and originals in sources/ (by their name before the first dot). */
export async function existingIds(contentDir: string): Promise<Set<string>> {
  const names = async (dir: string): Promise<string[]> => readdir(path.join(contentDir, dir)).catch(() => []);
  const ids = new Set<string>();
  for (const n of await names('articles')) if (n.endsWith('.md')) ids.add(n.slice(0, -3));
  for (const n of await names('sources')) ids.add(n.split('.')[0] ?? n);
  return ids;
}

/** The wanted id (refused if taken or not a slug), or a slug of `from` made unique with -2, -3, … */
export function uniqueId(wanted: string | undefined, from: string, taken: ReadonlySet<string>): string {
  if (wanted !== undefined) {
    if (!SLUG.test(wanted))
      throw new ImportError(
        `The id "${wanted.slice(0, 80)}" must be a lowercase slug like "my-article-2025".`,
      );
    if (taken.has(wanted))
      throw new ImportError(`An article with the id "${wanted}" already exists: choose another id.`);
    return wanted;
  }
  const base = slugify(from);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
