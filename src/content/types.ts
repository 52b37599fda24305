/** The content model: articles, their passages, and curated discussion topics. No Discord here. */

export const ARTICLE_KINDS = [
  'opinion',
  'interview',
  'news',
  'analysis',
  'speech',
  'editorial',
  'letter',
  'report',
  'essay',
  'primary-source',
  'other',
] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** How a kind reads in a sentence: "primary source", not "primary-source". */
export function kindLabel(kind: ArticleKind): string {
  return kind.replace(/-/g, ' ');
}

export const PROMPT_LEVELS = ['understand', 'analyze', 'evaluate'] as const;
/** Levels of Bloom's taxonomy used for discussion prompts, from recall to judgement. */
export type PromptLevel = (typeof PROMPT_LEVELS)[number];

/** Whose words a passage is. */
export interface Speaker {
  /** The person (or body) whose words these are, e.g. "Tatsiana Kulakevich". */
  readonly name: string;
  readonly role: 'author' | 'editors' | 'interviewer' | 'interviewee' | 'quoted';
  /** For `quoted`: who reports these words, e.g. the article's author. */
  readonly quotedBy?: string;
}

/** Words of another person inside a passage, e.g. Zelenskyy's words inside the author's paragraph. */
export interface InnerQuote {
  readonly speaker: string;
  readonly text: string;
}

/** A garbled phrase mapped to its intended wording. */
export interface Correction {
  readonly from: string;
  readonly to: string;
  /** 1-based line in the article file, for messages. */
  readonly line: number;
}

export interface Article {
  readonly id: string;
  /** Unknown titles are left out; `description` then stands in, in square brackets (APA's rule). */
  readonly title?: string;
  readonly description?: string;
  /** Every author's name, people and organisations, in byline order; empty for unsigned work. */
  readonly authors: readonly string[];
  /**
   * Those of `authors` that are organisations ("Reuters", "World Health Organization"): cited by
   * their full name, never as a surname with initials. Absent when every author is a person.
   */
  readonly organizations?: readonly string[];
  readonly interviewer?: string;
  readonly interviewee?: string;
  /** The publication it appeared in; absent when not known. */
  readonly outlet?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as is known. */
  readonly date?: string;
  readonly url?: string;
  readonly kind: ArticleKind;
  /** Free-text label of the article's perspective, written by the content editor; optional. */
  readonly perspective?: string;
  /** One sentence on the article's argument, written by the content editor; optional. */
  readonly summary?: string;
  /** Shown wherever the article is quoted, e.g. "machine-paraphrased copy of …". */
  readonly notice?: string;
  readonly corrections: readonly Correction[];
  /**
   * The original text the passages were taken from, for the verbatim check: a path relative to the
   * content folder (`sources/<name>.txt`) and the line of the `source` field. Absent: not checked.
   */
  readonly source?: { readonly file: string; readonly line: number };
  /**
   * Short name for tight spaces (polls, buttons, headings): "Sumner (Daily Kos)". Unique among the
   * articles: the loader disambiguates equal automatic labels (see src/content/labels.ts).
   */
  readonly short: string;
  /** The file it came from, relative to the content folder. */
  readonly file: string;
  /** Quotable passages in order. Captions and credits are not passages. */
  readonly passages: readonly Passage[];
}

export interface Passage {
  /** `<article-id>#<paragraph>`: stable while the article's own paragraphs stay put. */
  readonly id: string;
  readonly articleId: string;
  /** 1-based number among the article's quotable paragraphs. */
  readonly paragraph: number;
  /** Exactly the source wording. */
  readonly text: string;
  /** What a reader sees: the source wording with editorial corrections in [brackets]. */
  readonly display: string;
  /** The corrected wording without brackets; equal to `text` when nothing was corrected. */
  readonly corrected: string;
  readonly speaker: Speaker;
  /** The section heading above the passage, if any. */
  readonly section?: string;
  readonly quotes: readonly InnerQuote[];
  /** 1-based line in the article file. */
  readonly line: number;
}

export interface Prompt {
  /** `<topic-id>:<level>` */
  readonly id: string;
  readonly topicId: string;
  readonly level: PromptLevel;
  readonly text: string;
  /** 1-based line of the question in topics.yaml, for messages. */
  readonly line: number;
}

/** A question from templates.yaml for articles outside every curated topic, with `{placeholders}`. */
export interface PromptTemplate {
  readonly level: PromptLevel;
  readonly text: string;
  /** 1-based line in templates.yaml, for messages. */
  readonly line: number;
}

export interface Topic {
  readonly id: string;
  readonly title: string;
  /** Search queries that find passages on the topic. */
  readonly terms: readonly string[];
  /** Passage ids that best show each article's view; shown first. */
  readonly pinned: readonly string[];
  readonly prompts: readonly Prompt[];
}

/** Everything the bot knows, loaded and validated. Immutable once built. */
export interface Content {
  readonly articles: readonly Article[];
  readonly topics: readonly Topic[];
  /** From templates.yaml (optional file): questions for articles outside every curated topic. */
  readonly templates: readonly PromptTemplate[];
  readonly passages: ReadonlyMap<string, Passage>;
  readonly articleById: ReadonlyMap<string, Article>;
}

/** A problem in a content file, printed as `file:line: message`. */
export interface ContentProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}
