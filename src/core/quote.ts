/**
 * /quote's searching, paging and picking: which passages a query finds, which one a page shows,
 * what autocomplete suggests. The renderer (src/render/quote.ts) turns these results into payloads.
 */
import type { Article, Content, Passage, Topic } from '../content/types.js';
import type { Library } from './index.js';
import { articleName } from './reader-text.js';
import {
  filterPeople,
  findPeople,
  nearNames,
  parseQuery,
  peopleOf,
  personPassages,
  searchPassages,
  type Person,
  type SearchHit,
} from './search/index.js';
import { peopleIn } from './search/speakers.js';

/** How many matches ◀ ▶ can step through. */
export const MAX_RESULTS = 25;

export interface QuoteSearch {
  readonly query: string;
  readonly articleId?: string;
  /** Only this person's words: their own paragraphs, and their words quoted inside others'. */
  readonly speaker?: string;
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
      readonly speaker?: string;
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

function findHits(core: Library, search: QuoteSearch): { hits: SearchHit[]; shown: string } {
  const { query, articleId } = search;
  const speaker = search.speaker?.trim() ?? '';
  // A sent query: its last word is a whole word, not one still being typed.
  const options = {
    limit: MAX_RESULTS,
    asYouType: false,
    ...(articleId !== undefined && { articleId }),
    ...(speaker !== '' && { speaker }),
  };
  const find = (words: string) =>
    words.trim() === '' && speaker !== ''
      ? personPassages(core.index, speaker, options)
      : searchPassages(core.index, words, options);
  const { passageId, rest } = parsePick(core, query);
  const picked = passageId === undefined ? undefined : core.index.passages.get(passageId);
  if (!picked) return { hits: find(query), shown: query };
  const others = rest.trim() === '' && speaker === '' ? [] : find(rest);
  const own = others.find((h) => h.passage.id === picked.id);
  // The picked passage with the person's quoted words, when it has them.
  const first = own ?? searchPassages(core.index, picked.id, options)[0] ?? makePick(picked);
  return { hits: [first, ...others.filter((h) => h !== own)].slice(0, MAX_RESULTS), shown: rest };
}

function makePick(passage: Passage): SearchHit {
  return { passage, score: 1, matched: [], queryTerms: [] };
}

/** The page of matches a /quote query asks for (clamped to the matches there are). */
export function findQuote(core: Library, search: QuoteSearch): QuoteResult {
  const { hits, shown } = findHits(core, search);
  const index = Math.min(Math.max(0, search.index ?? 0), hits.length - 1);
  const hit = hits[index];
  const article = hit && core.content.articleById.get(hit.passage.articleId);
  if (!hit || !article) {
    const speaker = search.speaker?.trim() ?? '';
    const hasWords =
      speaker !== '' || parseQuery(search.query).terms.length > 0 || /[\p{L}\p{N}]/u.test(search.query);
    return { found: false, query: search.query, hasWords, ...(speaker !== '' && { speaker }) };
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
 * typed yet, good starting points (each topic's first pinned passage), with no matched words. With a
 * speaker, only passages with that person's words, and with nothing typed, the first of them.
 */
export function suggestPassages(
  core: Library,
  typed: string,
  limit: number,
  articleId?: string,
  speaker?: string,
): SearchHit[] {
  const options = { limit, ...(articleId && { articleId }), ...(speaker?.trim() && { speaker }) };
  if (typed.trim() !== '') return searchPassages(core.index, typed, options);
  if (options.speaker !== undefined) return personPassages(core.index, options.speaker, options);
  return core.content.topics
    .map((t) => firstPinned(core.content, t, articleId))
    .filter((p) => p !== undefined)
    .slice(0, limit)
    .map(makePick);
}

/**
 * What the speaker option suggests: the people whose words are in the passages (voices and people
 * quoted inside), with how many passages each (in the article, when one is chosen), filtered by
 * what was typed.
 */
export function suggestSpeakers(core: Library, typed: string, articleId?: string): Person[] {
  const article = articleId === undefined ? undefined : core.content.articleById.get(articleId);
  const people = article ? peopleIn(article.passages) : peopleOf(core.index.passages);
  return filterPeople(people, typed);
}

/** A speaker option's value, read: the person (or people) it names, or the names near it. */
export type SpeakerLookup =
  | { readonly found: true; readonly speaker: string }
  | { readonly found: false; readonly typed: string; readonly near: readonly string[] };

/**
 * Reads what was given for a speaker: one person's whole name when it names one ("zelenskyy" →
 * "Volodymyr Zelenskyy"), as given when it names several (a shared surname), or near names.
 */
export function resolveSpeaker(core: Library, typed: string): SpeakerLookup {
  const people = peopleOf(core.index.passages);
  const found = findPeople(people, typed);
  const [only] = found;
  if (only && found.length === 1) return { found: true, speaker: only.name };
  if (found.length > 1) return { found: true, speaker: typed.trim() };
  return { found: false, typed, near: nearNames(people, typed) };
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
