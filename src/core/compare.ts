/**
 * Compare: what each article says on a topic. Every article appears in the result; an article
 * that does not address the topic gets an empty list, never an unrelated passage.
 *
 * A topic is either curated (its id or title, from topics.yaml) or free text. A curated topic's
 * pinned passages come first; then each of its search terms is run as its own query. A passage
 * counts as addressing the topic only when it matches enough of one query's weight
 * ({@link MIN_COVERAGE}): the rare words of a query weigh more than the common ones.
 *
 * Two rules keep that honest (see compare-window.ts): a query word that no article uses is left
 * out of the query's weight, and named in the answer ({@link Comparison.unusedWords}); and the
 * words of a query count together only when the reader sees them close together in the passage
 * (within {@link TERM_WINDOW} words of one sentence).
 */
import type { Article, Content, Passage, Topic } from '../content/types.js';
import { visibleCoverage } from './compare-window.js';
import { articleName } from './reader-text.js';
import { parseQuery, searchPassages, type SearchHit, type SearchIndex } from './search/index.js';
import { foldTypography, normalizeWord, stem, words } from './text.js';

export { TERM_WINDOW } from './compare-window.js';

/** Share of a query's weight (inverse document frequency) a passage must match to count. */
export const MIN_COVERAGE = 0.6;
/** Passages per article shown by default. */
export const DEFAULT_PER_ARTICLE = 2;
/** Candidates considered per query. */
const CANDIDATES = 50;

export interface ComparedPassage extends SearchHit {
  /** Pinned by the topic's editor rather than found by search. */
  readonly pinned: boolean;
}

export interface Perspective {
  readonly article: Article;
  /** The article's perspective label, or its title when the editor wrote none. */
  readonly label: string;
  /** Best passages first, up to the requested number. Empty: the article does not address the topic. */
  readonly passages: readonly ComparedPassage[];
  /** How many passages address the topic in all, for "more from this article". */
  readonly total: number;
  /**
   * How strongly the article addresses the topic: the sum of its addressing passages' scores
   * (a pinned passage counts at least 1). 0: it does not address the topic.
   */
  readonly relevance: number;
}

export interface Comparison {
  /** The curated topic, when the input named one. */
  readonly topic?: Topic;
  /** What was compared: the topic's title or the free text. */
  readonly title: string;
  /** Every article, in the content's order. */
  readonly perspectives: readonly Perspective[];
  /** The articles that address the topic, the most relevant first. */
  readonly addressing: readonly Perspective[];
  /** The articles that do not address it, in the content's order. */
  readonly notAddressing: readonly Perspective[];
  /**
   * Words of the topic's terms (or of the free text) that no article uses, as written, lower-cased,
   * in order: they were left out of the search's weighing ("no article uses “outlawed”").
   * Absent when a comparison was not made by {@link compare} (a template question's evidence).
   */
  readonly unusedWords?: readonly string[];
}

export interface CompareOptions {
  /** Passages per article. Default {@link DEFAULT_PER_ARTICLE}. */
  readonly perArticle?: number;
  /** Skip this many of each article's passages (for paging through "more"). */
  readonly offset?: number;
  /** Only this article. */
  readonly articleId?: string;
}

const fold = (s: string) => foldTypography(s).trim().toLowerCase();

/**
 * The note that names the words no article uses, or undefined when there are none:
 * "No article uses “outlawed”, so it was left out." Each word is passed through `show` (escaping).
 */
export function unusedWordsNote(
  c: Comparison,
  show: (word: string) => string = (w) => w,
): string | undefined {
  const quoted = (c.unusedWords ?? []).map((w) => `“${show(w)}”`);
  const last = quoted.pop();
  if (last === undefined) return undefined;
  const list = quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last;
  return `No article uses ${list}, so ${quoted.length > 0 ? 'they were' : 'it was'} left out.`;
}

/** Finds a curated topic by id or by title, case-insensitively. */
export function findTopic(content: Content, input: string): Topic | undefined {
  const key = fold(input);
  return content.topics.find((t) => t.id === key || fold(t.title) === key);
}

function idf(index: SearchIndex, term: string): number {
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + index.passages.size / (df + 1));
}

/** The query's words as written, by the term each is searched as (its stem). */
function writtenWords(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { word } of words(foldTypography(query))) {
    const n = normalizeWord(word);
    if (n === null) continue;
    const term = stem(n);
    if (!out.has(term)) out.set(term, word.toLowerCase());
  }
  return out;
}

interface Addressing {
  /** Scored passages addressing the query, keyed by passage id, scores normalised to the best = 1. */
  readonly hits: Map<string, SearchHit>;
  /** The query's words that no article uses, as written. */
  readonly unused: string[];
}

/**
 * The passages addressing one query. A query word is used when some passage has it, or the search
 * credits it to a passage (a near-spelling of it); the others weigh nothing.
 */
function addressing(index: SearchIndex, query: string): Addressing {
  const parsed = parseQuery(query, false);
  const hits = searchPassages(index, query, { asYouType: false, limit: CANDIDATES });
  const credited = new Set(hits.flatMap((h) => h.queryTerms));
  const used = parsed.terms.filter(
    (t) => credited.has(t.term) || (index.documentFrequency.get(t.term) ?? 0) > 0,
  );
  const written = writtenWords(query);
  const unused = parsed.terms.filter((t) => !used.includes(t)).map((t) => written.get(t.term) ?? t.term);
  const weights = new Map(used.map((t) => [t.term, idf(index, t.term)]));
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const out = new Map<string, SearchHit>();
  if (total === 0) return { hits: out, unused };
  const best = hits[0]?.score ?? 1;
  for (const h of hits) {
    if (visibleCoverage(h, weights) / total >= MIN_COVERAGE)
      out.set(h.passage.id, { ...h, score: h.score / best });
  }
  return { hits: out, unused };
}

/** The words of one query (a topic's term, or free text) that no article uses, as written. */
export function unusedWordsOf(index: SearchIndex, query: string): string[] {
  return addressing(index, query).unused;
}

/** Compares the articles on a topic. Returns null for input with no searchable words. */
export function compare(
  content: Content,
  index: SearchIndex,
  input: string,
  options: CompareOptions = {},
): Comparison | null {
  const topic = findTopic(content, input);
  const queries = topic ? topic.terms : [input];
  if (!topic && parseQuery(input, false).terms.length === 0) return null;

  const merged = new Map<string, { hit: SearchHit; score: number }>();
  const unusedWords = new Set<string>();
  for (const q of queries) {
    const found = addressing(index, q);
    for (const w of found.unused) unusedWords.add(w);
    for (const [id, hit] of found.hits) {
      const prev = merged.get(id);
      merged.set(id, {
        hit: prev ? { ...hit, matched: [...new Set([...prev.hit.matched, ...hit.matched])] } : hit,
        score: (prev?.score ?? 0) + hit.score,
      });
    }
  }
  const pinned = new Set(topic?.pinned ?? []);
  const perArticle = Math.max(1, options.perArticle ?? DEFAULT_PER_ARTICLE);
  const offset = Math.max(0, options.offset ?? 0);

  const perspectives = content.articles
    .filter((a) => options.articleId === undefined || a.id === options.articleId)
    .map((article): Perspective => {
      const pins: ComparedPassage[] = (topic?.pinned ?? [])
        .map((id) => content.passages.get(id))
        .filter((p): p is Passage => p?.articleId === article.id)
        .map((p) => ({
          passage: p,
          score: Infinity,
          matched: merged.get(p.id)?.hit.matched ?? [],
          queryTerms: [],
          pinned: true,
        }));
      const found: ComparedPassage[] = [...merged.values()]
        .filter(({ hit }) => hit.passage.articleId === article.id && !pinned.has(hit.passage.id))
        .sort((a, b) => b.score - a.score || a.hit.passage.paragraph - b.hit.passage.paragraph)
        .map(({ hit, score }) => ({ ...hit, score, pinned: false }));
      const all = [...pins, ...found];
      const relevance =
        pins.reduce((sum, p) => sum + Math.max(1, merged.get(p.passage.id)?.score ?? 0), 0) +
        found.reduce((sum, p) => sum + p.score, 0);
      return {
        article,
        label: article.perspective ?? articleName(article),
        passages: all.slice(offset, offset + perArticle),
        total: all.length,
        relevance,
      };
    });
  return {
    ...(topic && { topic }),
    title: topic?.title ?? input.trim(),
    perspectives,
    addressing: byRelevance(perspectives.filter((p) => p.total > 0)),
    notAddressing: perspectives.filter((p) => p.total === 0),
    unusedWords: [...unusedWords],
  };
}

/** Most relevant first; ties by more passages, then the content's order (the sort is stable). */
function byRelevance(perspectives: readonly Perspective[]): Perspective[] {
  return [...perspectives].sort((a, b) => b.relevance - a.relevance || b.total - a.total);
}
