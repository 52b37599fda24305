/**
 * /quote's searching, paging and picking: which passages a query finds, which one a page shows,
 * what autocomplete suggests. The renderer (src/render/quote.ts) turns these results into payloads.
 */
import type { Article, Content, Passage, Topic } from '../content/types.js';
import type { Library } from './index.js';
import { articleName } from './reader-text.js';
import { parseQuery, searchPassages, type SearchHit } from './search/index.js';

/** How many matches ◀ ▶ can step through. */
export const MAX_RESULTS = 25;

export interface QuoteSearch {
  readonly query: string;
  readonly articleId?: string;
  /** Which match to show, from 0. */
  readonly index?: number;
}

/** One page of a /quote answer, or why there is none. */
export type QuoteResult =
  | {
      readonly found: true;
      readonly hit: SearchHit;
      readonly article: Article;
      /** The match shown, from 0, and how many there are. */
      readonly index: number;
      readonly total: number;
      /** What was searched for, without a picked passage's id (empty: a pick alone). */
      readonly shown: string;
    }
  | {
      readonly found: false;
      readonly query: string;
      /** Whether the query had anything to search for at all. */
      readonly hasWords: boolean;
    };

/** A passage with the article it belongs to. */
export interface PassageInArticle {
  readonly passage: Passage;
  readonly article: Article;
}

/** Splits a query into a picked passage id (when it starts with a known one) and the rest. */
export function parsePick(core: Library, query: string): { passageId?: string; rest: string } {
  const m = /^\s*(\S+#\d+)(?:\s+([\s\S]*))?$/.exec(query);
  const id = m?.[1];
  if (id === undefined || !core.index.passages.has(id)) return { rest: query };
  return { passageId: id, rest: m?.[2] ?? '' };
}

function findHits(
  core: Library,
  query: string,
  articleId: string | undefined,
): { hits: SearchHit[]; shown: string } {
  const options = { limit: MAX_RESULTS, ...(articleId !== undefined && { articleId }) };
  const { passageId, rest } = parsePick(core, query);
  const picked = passageId === undefined ? undefined : core.index.passages.get(passageId);
  if (!picked) return { hits: searchPassages(core.index, query, options), shown: query };
  const others = rest.trim() === '' ? [] : searchPassages(core.index, rest, options);
  const own = others.find((h) => h.passage.id === picked.id);
  const first: SearchHit = own ?? { passage: picked, score: 1, matched: [], queryTerms: [] };
  return { hits: [first, ...others.filter((h) => h !== own)].slice(0, MAX_RESULTS), shown: rest };
}

/** The page of matches a /quote query asks for (clamped to the matches there are). */
export function findQuote(core: Library, search: QuoteSearch): QuoteResult {
  const { hits, shown } = findHits(core, search.query, search.articleId);
  const index = Math.min(Math.max(0, search.index ?? 0), hits.length - 1);
  const hit = hits[index];
  const article = hit && core.content.articleById.get(hit.passage.articleId);
  if (!hit || !article) {
    const hasWords = parseQuery(search.query).terms.length > 0 || /[\p{L}\p{N}]/u.test(search.query);
    return { found: false, query: search.query, hasWords };
  }
  return { found: true, hit, article, index, total: hits.length, shown };
}

/** A passage by id with its article, or undefined when the content no longer has it. */
export function findPassage(content: Content, passageId: string): PassageInArticle | undefined {
  const passage = content.passages.get(passageId);
  const article = passage && content.articleById.get(passage.articleId);
  return passage && article ? { passage, article } : undefined;
}

/**
 * What /quote's autocomplete suggests for what was typed: the best matches, or, when nothing is
 * typed yet, good starting points (each topic's first pinned passage), with no matched words.
 */
export function suggestPassages(
  core: Library,
  typed: string,
  limit: number,
  articleId?: string,
): SearchHit[] {
  if (typed.trim() !== '')
    return searchPassages(core.index, typed, { limit, ...(articleId && { articleId }) });
  return core.content.topics
    .map((t) => firstPinned(core.content, t, articleId))
    .filter((p) => p !== undefined)
    .slice(0, limit)
    .map((passage) => ({ passage, score: 1, matched: [], queryTerms: [] }));
}

function firstPinned(content: Content, topic: Topic, articleId: string | undefined): Passage | undefined {
  return topic.pinned
    .map((id) => content.passages.get(id))
    .find((p) => p && (!articleId || p.articleId === articleId));
}

/** The articles whose id, short name or title contain what was typed (all when nothing is). */
export function matchArticles(content: Content, typed: string): Article[] {
  const q = typed.trim().toLowerCase();
  return content.articles.filter(
    (a) => q === '' || `${a.id} ${a.short} ${articleName(a)}`.toLowerCase().includes(q),
  );
}

/** The curated topics whose id or title contain what was typed (all when nothing is). */
export function matchTopics(content: Content, typed: string): Topic[] {
  const q = typed.trim().toLowerCase();
  return content.topics.filter((t) => q === '' || `${t.id} ${t.title}`.toLowerCase().includes(q));
}
