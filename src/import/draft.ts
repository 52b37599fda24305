/** What an importer reads from an original before it is written as an article file. */

/** One block of the body, in order. */
export interface DraftBlock {
  readonly kind: 'paragraph' | 'heading' | 'caption' | 'credit';
  readonly text: string;
  /** The paragraph is all bold (a likely interview question). */
  readonly bold?: boolean;
  /** Interview voice switch before this paragraph. */
  readonly voice?: 'Q' | 'A';
}

/** A person's words inside a paragraph, as `quotes:` lists them. */
export interface DraftQuote {
  readonly speaker: string;
  readonly text: string;
}

/** Facts an original states about itself. Anything it does not state is left out. */
export interface DraftMeta {
  title?: string;
  authors: string[];
  /** An organisation named as the author (never listed as a person). */
  organisation?: string;
  date?: string;
  outlet?: string;
  url?: string;
  /** The original's own description, word for word. */
  summary?: string;
  /** A kind the page states (JSON-LD type), if any. */
  kind?: string;
  /** The byline as the page prints it, to keep it out of the text. */
  byline?: string;
}

export interface Draft {
  readonly meta: DraftMeta;
  blocks: DraftBlock[];
  /** Uncertain points, each one line: a YAML comment in the article and a line in the summary. */
  readonly uncertain: string[];
}

/** Runs of whitespace become one space; ends are trimmed. */
export const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();
