/**
 * The passage index: MiniSearch over every quotable passage (captions and credits are never indexed).
 *
 * Query handling, in order:
 * 1. A query that is exactly a passage id (an autocomplete value) returns that passage.
 * 2. Typography is folded, "quoted phrases" are pulled out, stop words dropped, words stemmed.
 * 3. Complete words match by stem, with typo tolerance sized by word length ({@link fuzzinessFor}).
 *    The last word, while still being typed, matches as a prefix of any indexed word.
 * 4. MiniSearch scores candidates (BM25). We then re-rank against the text itself, which MiniSearch
 *    cannot see: passages must contain every quoted phrase, are rewarded for covering more of the
 *    query, and for containing the query verbatim as a fragment.
 *
 * Both the source wording and the corrected wording of a passage are searchable.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Passage } from '../content/types.js';
import { foldTypography, indexTerms, normalizeWord, phraseForm, stem, textTerms, words } from './text.js';

/** Longest query considered; the rest is ignored rather than slowing every search down. */
export const MAX_QUERY_CHARS = 300;
/** Most distinct words used from one query. */
export const MAX_QUERY_TERMS = 12;
/** Default number of results. */
export const DEFAULT_LIMIT = 10;
/** Weight of a typo-tolerant match relative to an exact one (MiniSearch's default is 0.45). */
export const FUZZY_WEIGHT = 0.45;
/** Weight of an as-you-type prefix match relative to an exact one. */
export const PREFIX_WEIGHT = 0.5;
/** Score multiplier for a passage that contains the whole query verbatim. */
export const FRAGMENT_BOOST = 2;

/** Results scoring below this share of the best result's score are dropped as noise. */
export const MIN_RELATIVE_SCORE = 0.05;

/** Edit distance allowed for a query word: none up to 4 letters, 1 up to 8, 2 beyond. */
export function fuzzinessFor(term: string): number {
  if (term.length <= 4 || /^\p{N}+$/u.test(term)) return 0;
  return term.length <= 8 ? 1 : 2;
}

export interface SearchIndex {
  readonly mini: MiniSearch<IndexedPassage>;
  readonly passages: ReadonlyMap<string, Passage>;
  /** Passage text reduced for phrase checks, precomputed. Keys are passage ids. */
  readonly phraseForms: ReadonlyMap<string, { readonly text: string; readonly corrected: string }>;
  /** How many passages contain each index term, for weighting query terms. */
  readonly documentFrequency: ReadonlyMap<string, number>;
}

interface IndexedPassage {
  readonly id: string;
  readonly text: string;
  /** Only the words that corrections introduce, so corrected passages are not counted twice. */
  readonly corrected: string;
}

/** Options used both to build and to load a saved index, so the two can never disagree. */
export const MINI_OPTIONS: Options<IndexedPassage> = {
  fields: ['text', 'corrected'],
  storeFields: [],
  tokenize: (text: string) => words(text).map((w) => w.word),
  processTerm: (term: string) => indexTerms(term),
  searchOptions: { processTerm: (term: string) => term },
};

function newWords(text: string, corrected: string): string {
  if (text === corrected) return '';
  const have = new Set(textTerms(text));
  return words(corrected)
    .filter((w) => indexTerms(w.word).some((t) => !have.has(t)))
    .map((w) => w.word)
    .join(' ');
}

/** Builds the index over the given passages. */
export function createSearchIndex(passages: Iterable<Passage>): SearchIndex {
  const mini = new MiniSearch<IndexedPassage>(MINI_OPTIONS);
  const byId = new Map<string, Passage>();
  const phraseForms = new Map<string, { text: string; corrected: string }>();
  const documentFrequency = new Map<string, number>();
  const docs: IndexedPassage[] = [];
  for (const p of passages) {
    byId.set(p.id, p);
    phraseForms.set(p.id, {
      text: phraseForm(p.text),
      corrected: p.corrected === p.text ? '' : phraseForm(p.corrected),
    });
    docs.push({ id: p.id, text: p.text, corrected: newWords(p.text, p.corrected) });
    for (const t of new Set([...textTerms(p.text), ...textTerms(p.corrected)])) {
      documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    }
  }
  mini.addAll(docs);
  return { mini, passages: byId, phraseForms, documentFrequency };
}

/** A query word, as searched. */
export interface QueryTerm {
  /** The index term searched for: a stem, or the raw prefix being typed. */
  readonly term: string;
  /** True for the last word while it is still being typed. */
  readonly prefix: boolean;
}

export interface ParsedQuery {
  readonly terms: readonly QueryTerm[];
  /** Quoted phrases, in phrase form. */
  readonly phrases: readonly string[];
  /** The whole query in phrase form, for fragment matching; empty when there are phrases. */
  readonly fragment: string;
  /** Whether the last word is still being typed. */
  readonly typing: boolean;
}

export interface SearchOptions {
  /** Only passages of this article. */
  readonly articleId?: string;
  /** Only passages whose speaker's name contains this (case-insensitive), e.g. "kulakevich". */
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

export interface SearchHit {
  readonly passage: Passage;
  readonly score: number;
  /** Index terms (stems and words) that matched, for highlighting with {@link matchesTerm}. */
  readonly matched: readonly string[];
  /** Query terms that found this passage. */
  readonly queryTerms: readonly string[];
}

/** Parses a raw query. Never throws; an empty result has no terms and no phrases. */
export function parseQuery(raw: string, asYouType?: boolean): ParsedQuery {
  const folded = foldTypography(raw.slice(0, MAX_QUERY_CHARS));
  const phrases: string[] = [];
  const withoutPhrases = folded.replace(/"([^"]*)("|$)/g, (_, inner: string) => {
    const form = phraseForm(inner);
    if (form.trim() !== '') phrases.push(form);
    return ` ${inner} `;
  });
  const endsMidWord = /[\p{L}\p{N}]$/u.test(folded.trimStart()) || /"[^"]*[\p{L}\p{N}]$/u.test(folded);
  const typing = (asYouType ?? true) && endsMidWord;
  const ws = words(withoutPhrases);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  ws.forEach((w, i) => {
    const last = i === ws.length - 1;
    const prefix = typing && last;
    const n = prefix ? foldTypography(w.word).toLowerCase().replace(/'/g, '') : normalizeWord(w.word);
    if (n === null || n === '' || (prefix && n.length < 2)) return;
    const term = prefix ? n : stem(n);
    if (seen.has(term) || terms.length >= MAX_QUERY_TERMS) return;
    seen.add(term);
    terms.push({ term, prefix });
  });
  const fragment = phrases.length === 0 && ws.length >= 2 ? phraseForm(withoutPhrases) : '';
  return { terms, phrases, fragment, typing };
}

function containsForm(haystack: string, needle: string, typing: boolean): boolean {
  // While typing, the needle's last word may be cut short: drop its closing space.
  return haystack.includes(typing ? needle.trimEnd() : needle);
}

function inEither(
  forms: { readonly text: string; readonly corrected: string } | undefined,
  needle: string,
  typing: boolean,
): boolean {
  if (!forms) return false;
  return (
    containsForm(forms.text, needle, typing) ||
    (forms.corrected !== '' && containsForm(forms.corrected, needle, typing))
  );
}

function speakerMatches(p: Passage, speaker: string | undefined): boolean {
  if (speaker === undefined || speaker.trim() === '') return true;
  return foldTypography(p.speaker.name).toLowerCase().includes(foldTypography(speaker).trim().toLowerCase());
}

/** Finds passages containing the query verbatim: for queries of stop words ("to be or not"). */
function verbatimScan(
  index: SearchIndex,
  raw: string,
  query: ParsedQuery,
  keep: (p: Passage) => boolean,
  limit: number,
): SearchHit[] {
  const needle = query.phrases[0] ?? phraseForm(raw.slice(0, MAX_QUERY_CHARS));
  if (needle.trim() === '') return [];
  const hits: SearchHit[] = [];
  for (const [id, forms] of index.phraseForms) {
    const p = index.passages.get(id);
    if (p && keep(p) && inEither(forms, needle, query.typing))
      hits.push({ passage: p, score: 1, matched: [], queryTerms: [] });
    if (hits.length >= limit) break;
  }
  return hits;
}

/**
 * Searches passages. Never throws: a query with no usable words, or with no match, returns [].
 */
export function searchPassages(index: SearchIndex, raw: string, options: SearchOptions = {}): SearchHit[] {
  const limit = Math.max(1, options.limit ?? DEFAULT_LIMIT);
  const keep = (p: Passage) =>
    (options.articleId === undefined || p.articleId === options.articleId) &&
    speakerMatches(p, options.speaker);

  const exact = index.passages.get(raw.trim());
  if (exact) return keep(exact) ? [{ passage: exact, score: 1, matched: [], queryTerms: [] }] : [];

  const query = parseQuery(raw, options.asYouType);
  const phraseNeedles = query.phrases;
  const lastPhraseTyping = query.typing && /"[^"]*$/.test(foldTypography(raw));

  if (query.terms.length === 0) return verbatimScan(index, raw, query, keep, limit);

  const fuzzy = options.fuzzy ?? true;
  const last = query.terms.length - 1;
  const results: SearchResult[] = index.mini.search(query.terms.map((t) => t.term).join(' '), {
    tokenize: (s) => s.split(' '),
    processTerm: (t) => t,
    prefix: (_t, i) => i === last && (query.terms[last]?.prefix ?? false),
    fuzzy: (t) => (fuzzy ? fuzzinessFor(t) : 0),
    weights: { fuzzy: FUZZY_WEIGHT, prefix: PREFIX_WEIGHT },
    combineWith: 'OR',
    filter: (r) => {
      const p = index.passages.get(r.id as string);
      return p !== undefined && keep(p);
    },
  });

  const total = query.terms.length;
  const hits: SearchHit[] = [];
  for (const r of results) {
    const id = r.id as string;
    const passage = index.passages.get(id);
    if (!passage) continue;
    const forms = index.phraseForms.get(id);
    const phrasesOk = phraseNeedles.every((ph, i) =>
      inEither(forms, ph, lastPhraseTyping && i === phraseNeedles.length - 1),
    );
    if (!phrasesOk) continue;
    const coverage = new Set(r.queryTerms).size / total;
    const fragment = query.fragment !== '' && inEither(forms, query.fragment, query.typing);
    const score = r.score * coverage * coverage * (fragment || phraseNeedles.length > 0 ? FRAGMENT_BOOST : 1);
    hits.push({ passage, score, matched: r.terms, queryTerms: r.queryTerms });
  }
  if (hits.length === 0) return verbatimScan(index, raw, query, keep, limit);
  hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
  const floor = (hits[0]?.score ?? 0) * MIN_RELATIVE_SCORE;
  return hits.filter((h) => h.score >= floor).slice(0, limit);
}

/** Whether a word of a text is one of the matched index terms (for bold highlighting). */
export function matchesTerm(word: string, matched: ReadonlySet<string>): boolean {
  return indexTerms(word).some((t) => matched.has(t));
}

/** The distinct words of a text that matched, lower-cased, in order of appearance. */
export function matchedWords(text: string, matched: readonly string[]): string[] {
  const set = new Set(matched);
  const out = new Set<string>();
  for (const w of words(text)) if (matchesTerm(w.word, set)) out.add(w.word.toLowerCase());
  return [...out];
}
