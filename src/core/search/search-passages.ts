/**
 * Searching passages, in order:
 * 1. A query that is exactly a passage id (an autocomplete value) returns that passage.
 * 2. The query is read ({@link parseQuery}): folded, quoted phrases pulled out, stop words dropped,
 *    words stemmed.
 * 3. The search is planned ({@link planQuery}): complete words match by stem, with typo tolerance
 *    sized by word length; the last word, while still being typed, matches as a prefix.
 * 4. MiniSearch scores candidates (BM25), and they are re-ranked against the text ({@link rerank}).
 * 5. A query of stop words only ("to be or not"), or one nothing else matched, is looked for
 *    verbatim.
 */
import type { SearchResult } from 'minisearch';
import type { Passage } from '../../content/types.js';
import { foldTypography, phraseForm } from '../text.js';
import { copyPhrasesIn, copyWordingById, withCopyResults } from './copy-wording.js';
import { makeHit, type SearchHit } from './hit.js';
import { planQuery, type QueryPlan } from './plan.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { rerank, topHits } from './rank.js';
import { inEither, MINI_OPTIONS, type SearchIndex } from './search-index.js';
import { scoreTerms, type TermGroup } from './score.js';
import { innerQuotesNamed, innerQuotesOf, passageHasPerson } from './speakers.js';
import { DEFAULT_LIMIT, MAX_QUERY_CHARS, SEARCH_BUDGET_MS, SPEAKER_BOOST } from './tuning.js';

export interface SearchOptions {
  /** Only passages of this article. */
  readonly articleId?: string;
  /** Only passages of these articles (a discussion prompt's articles). */
  readonly articleIds?: readonly string[];
  /**
   * Only passages with this person's words: their own paragraphs, and paragraphs quoting them inside
   * (`quotes:`). The whole name or any run of its words, case and accents ignored ("kulakevich").
   */
  readonly speaker?: string;
  /** Most results returned. Default {@link DEFAULT_LIMIT}. */
  readonly limit?: number;
  /**
   * Treat the last word as still being typed (prefix match). Default: true, unless the query
   * ends with a space or punctuation.
   */
  readonly asYouType?: boolean;
  /** Allow typo-tolerant matches. Default true. */
  readonly fuzzy?: boolean;
}

/**
 * Searches passages. Never throws: a query with no usable words, or with no match, returns [].
 */
export function searchPassages(index: SearchIndex, raw: string, options: SearchOptions = {}): SearchHit[] {
  const speaker = (options.speaker ?? '').trim();
  return findHits(index, raw, options, speaker).map((h) => withQuotedWords(h, speaker));
}

function findHits(index: SearchIndex, raw: string, options: SearchOptions, speaker: string): SearchHit[] {
  const limit = Math.max(1, options.limit ?? DEFAULT_LIMIT);
  const keep = (p: Passage) =>
    (options.articleId === undefined || p.articleId === options.articleId) &&
    (options.articleIds === undefined || options.articleIds.includes(p.articleId)) &&
    (speaker === '' || passageHasPerson(p, speaker));

  const deadline = performance.now() + SEARCH_BUDGET_MS;
  const exact = index.passages.get(raw.trim());
  if (exact) return keep(exact) ? [makeHit(exact)] : [];

  const query = parseQuery(raw, options.asYouType);
  const verbatim = () => verbatimScan(index, raw, query, keep, limit, deadline);
  if (query.terms.length === 0) return verbatim();

  const plan = planQuery(index, query, options.fuzzy ?? true, deadline);
  // A garbled phrase of the copy, as it stands, also searches where it stands (copy-wording.ts).
  const copy = copyPhrasesIn(index, raw);
  if (plan.queries.length === 0 && copy.length === 0) return verbatim();
  const filtered = options.articleId !== undefined || options.articleIds !== undefined || speaker !== '';
  const shown = scoredResults(index, plan, filtered ? keep : undefined);
  const results = withCopyResults(index, query, plan, copy, keep, shown);
  const lastPhraseTyping = query.typing && /"[^"]*$/.test(foldTypography(raw));
  const hits = rerank(index, query, plan, results, {
    limit,
    lastPhraseTyping,
    copyWording: copyWordingById(copy),
  });
  return hits.length === 0 ? verbatim() : topHits(hits, limit);
}

/**
 * Every passage with a person's words (see {@link SearchOptions.speaker}), in the articles' order,
 * at most `limit`: what a search for a person alone, with no words, finds.
 */
export function personPassages(
  index: SearchIndex,
  speaker: string,
  options: Pick<SearchOptions, 'articleId' | 'limit'> = {},
): SearchHit[] {
  const limit = Math.max(1, options.limit ?? DEFAULT_LIMIT);
  const hits: SearchHit[] = [];
  if (speaker.trim() === '') return hits;
  for (const p of index.passages.values()) {
    if (options.articleId !== undefined && p.articleId !== options.articleId) continue;
    if (!passageHasPerson(p, speaker)) continue;
    hits.push(withQuotedWords(makeHit(p), speaker.trim()));
    if (hits.length >= limit) break;
  }
  return hits;
}

/**
 * The plan's terms scored (see score.ts), the query's own words weighing a match in a person's name
 * {@link SPEAKER_BOOST} times a match in the text. A completion or near-spelling matches names at the
 * text's weight: a word being typed ("in") must not lift every passage of a speaker whose name it
 * begins ("Ines").
 */
function scoredResults(index: SearchIndex, plan: QueryPlan, keep?: (p: Passage) => boolean): SearchResult[] {
  const termBoost = (t: string) => plan.boost.get(t) ?? 1;
  const filter =
    keep &&
    ((id: string) => {
      const p = index.passages.get(id);
      return p !== undefined && keep(p);
    });
  const fields = MINI_OPTIONS.searchOptions?.fields ?? [];
  return scoreTerms(index.mini, termGroups(plan), { fields, termBoost, ...(filter && { filter }) });
}

/** The plan's terms in two groups: the query's words, boosted in names, and their variants. */
export function termGroups(plan: QueryPlan): TermGroup[] {
  const words = plan.queries.filter((t) => !plan.origin.has(t));
  const variants = plan.queries.filter((t) => plan.origin.has(t));
  const groups: TermGroup[] = [];
  if (words.length > 0) groups.push({ terms: words, fieldBoost: { speakers: SPEAKER_BOOST } });
  if (variants.length > 0) groups.push({ terms: variants });
  return groups;
}

/** The hit with the words of the person searched for quoted inside it, if any (see SearchHit). */
function withQuotedWords(hit: SearchHit, speaker: string): SearchHit {
  const quoted =
    speaker !== '' ? innerQuotesOf(hit.passage, speaker) : innerQuotesNamed(hit.passage, hit.matched);
  return quoted.length === 0 ? hit : { ...hit, quoted };
}

/** Finds passages containing the query verbatim: for queries of stop words ("to be or not"). */
function verbatimScan(
  index: SearchIndex,
  raw: string,
  query: ParsedQuery,
  keep: (p: Passage) => boolean,
  limit: number,
  deadline: number,
): SearchHit[] {
  const needle = query.phrases[0] ?? phraseForm(raw.slice(0, MAX_QUERY_CHARS));
  if (needle.trim() === '') return [];
  const hits: SearchHit[] = [];
  let checked = 0;
  for (const [id, forms] of index.phraseForms) {
    const p = index.passages.get(id);
    if (p && keep(p) && inEither(forms, needle, query.typing)) hits.push(makeHit(p));
    if (hits.length >= limit) break;
    // Out of time on a large corpus: answer with what was found.
    if (++checked % 512 === 0 && performance.now() > deadline) break;
  }
  return hits;
}
