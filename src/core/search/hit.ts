/** A search result, the one way to make one, and which of its words matched (for highlighting). */
import type { InnerQuote, Passage } from '../../content/types.js';
import { indexTerms, words } from '../text.js';
import { withFamily } from './families.js';

export interface SearchHit {
  readonly passage: Passage;
  readonly score: number;
  /** Index terms (stems and words) that matched, for highlighting with {@link matchesTerm}. */
  readonly matched: readonly string[];
  /** Query terms that found this passage. */
  readonly queryTerms: readonly string[];
  /**
   * The words of the person the search was about (by the speaker filter, or by their name in the
   * query) quoted inside this passage, which is someone else's: show them credited to that person,
   * "as quoted by" the passage's speaker. Absent when there are none.
   */
  readonly quoted?: readonly InnerQuote[];
  /**
   * The copy's garbled phrases that the query contained, which found this passage though a reader
   * sees them corrected (see copy-wording.ts). Absent when the passage was found by what it shows.
   */
  readonly copyWording?: readonly CopyWording[];
}

/** A garbled phrase as the copy has it (`from`), and as a reader sees it, corrected in [brackets]. */
export interface CopyWording {
  readonly from: string;
  readonly shown: string;
}

/**
 * A hit. Without a score and terms it is a passage found as a whole (by its id, verbatim, or
 * picked from a list): score 1, nothing to highlight.
 */
export function makeHit(
  passage: Passage,
  score = 1,
  matched: readonly string[] = [],
  queryTerms: readonly string[] = [],
): SearchHit {
  return { passage, score, matched, queryTerms };
}

/** Whether a word of a text is one of the matched index terms, or of a matched family (for bold). */
export function matchesTerm(word: string, matched: ReadonlySet<string>): boolean {
  return withFamily(indexTerms(word)).some((t) => matched.has(t));
}

/** The distinct words of a text that matched, lower-cased, in order of appearance. */
export function matchedWords(text: string, matched: readonly string[]): string[] {
  const set = new Set(matched);
  const out = new Set<string>();
  for (const w of words(text)) if (matchesTerm(w.word, set)) out.add(w.word.toLowerCase());
  return [...out];
}
