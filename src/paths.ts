import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, whether the code runs from src/ (tsx, vitest) or dist/src/ (built). */
export const PROJECT_ROOT = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../..' : '..', import.meta.url),
);

/** A path inside the repository, e.g. `projectPath('content')`. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}

/** Where the bot keeps what it can rebuild (the saved search index): ignored by git, cleared by npm ci. */
export const CACHE_DIR = projectPath('node_modules', '.cache', 'discussion-guide');
