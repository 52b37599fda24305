/** The core: content plus its search index, built once and passed to whoever needs it. */
import type { Content } from '../content/types.js';
import { createSearchIndex, type SearchIndex } from './search.js';

export interface Core {
  readonly content: Content;
  readonly index: SearchIndex;
}

export function buildCore(content: Content): Core {
  return { content, index: createSearchIndex(content.passages.values()) };
}
