/** The passages around a passage, within its article. */
import type { Content, Passage } from '../content/types.js';

export const DEFAULT_CONTEXT_RADIUS = 1;

export interface PassageContext {
  readonly before: readonly Passage[];
  readonly passage: Passage;
  readonly after: readonly Passage[];
}

/** Returns null for an unknown passage id. */
export function passageContext(
  content: Content,
  passageId: string,
  radius = DEFAULT_CONTEXT_RADIUS,
): PassageContext | null {
  const passage = content.passages.get(passageId);
  const article = passage && content.articleById.get(passage.articleId);
  if (!passage || !article) return null;
  const i = passage.paragraph - 1;
  const r = Math.max(0, Math.floor(radius));
  return {
    before: article.passages.slice(Math.max(0, i - r), i),
    passage,
    after: article.passages.slice(i + 1, i + 1 + r),
  };
}
