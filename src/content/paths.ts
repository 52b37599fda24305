import { fileURLToPath } from 'node:url';

/** The repository's own `content/` folder, wherever the code runs from (src/ with tsx, dist/src/ when built). */
export const DEFAULT_CONTENT_DIR = fileURLToPath(
  new URL(import.meta.url.includes('/dist/') ? '../../../content' : '../../content', import.meta.url),
);
