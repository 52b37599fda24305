import { projectPath } from '../paths.js';

/** The repository's own `content/` folder, wherever the code runs from. */
export const DEFAULT_CONTENT_DIR = projectPath('content');
