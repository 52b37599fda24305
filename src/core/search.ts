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
import { createHash } from 'node:crypto';
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Passage } from '../content/types.js';
import { foldTypography, indexTerms, normalizeWord, phraseForm, stem, words } from './text.js';

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

// Guards that keep one search short however large the corpus and whatever is typed. MiniSearch
// visits every posting of every term it searches, so the cost of a search is about the number of
// postings: a word being typed can stand for thousands of words ("co…"), and a very common word is
// in most passages. Common words carry little weight in BM25 anyway, so the rarest terms are kept.
/** Most postings (passages per term, summed) one search may visit. */
export const MAX_POSTINGS = 8_000;
/** Most words a word being typed is completed to: the most frequent ones. */
export const MAX_PREFIX_EXPANSIONS = 6;
/** Most query words searched with typo tolerance: the longest ones, where typos are likeliest. */
export const MAX_FUZZY_TERMS = 4;
/** Most results re-ranked against their text: the best by MiniSearch's score. */
export const MAX_RERANKED = 500;
/** Most near-spellings searched for one mistyped word: the most frequent ones. */
export const MAX_FUZZY_VARIANTS = 12;
/**
 * Time after which a search stops looking further (near-spellings, the verbatim scan) and answers
 * with what it has. With the postings cap, this keeps the event loop free for other students.
 */
export const SEARCH_BUDGET_MS = 20;

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
  /** The same, as a radix tree: completes a word being typed. */
  readonly vocabulary: SearchableMap<number>;
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
  // Documents arrive already split into words (see createSearchIndex).
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => [...indexTerms(term)],
  searchOptions: { processTerm: (term: string) => term },
};

function phraseFormsOf(p: Passage): { text: string; corrected: string } {
  return { text: phraseForm(p.text), corrected: p.corrected === p.text ? '' : phraseForm(p.corrected) };
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
    phraseForms.set(p.id, phraseFormsOf(p));
    // Each text is split into words once; MiniSearch gets them space-separated.
    const textWords = words(p.text).map((w) => w.word);
    const terms = new Set(textWords.flatMap((w) => indexTerms(w)));
    // Of the corrected wording, only the words that corrections introduce, so a corrected
    // passage is not counted twice.
    const introduced: string[] = [];
    if (p.corrected !== p.text) {
      const have = new Set(terms);
      for (const { word } of words(p.corrected)) {
        const ts = indexTerms(word);
        if (ts.some((t) => !have.has(t))) introduced.push(word);
        for (const t of ts) terms.add(t);
      }
    }
    docs.push({ id: p.id, text: textWords.join(' '), corrected: introduced.join(' ') });
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  mini.addAll(docs);
  return assemble(mini, byId, phraseForms, documentFrequency);
}

function assemble(
  mini: MiniSearch<IndexedPassage>,
  passages: Map<string, Passage>,
  phraseForms: Map<string, { text: string; corrected: string }>,
  documentFrequency: Map<string, number>,
): SearchIndex {
  return { mini, passages, phraseForms, documentFrequency, vocabulary: vocabularyOf(documentFrequency) };
}

function vocabularyOf(documentFrequency: ReadonlyMap<string, number>): SearchableMap<number> {
  return SearchableMap.from<number>(documentFrequency) as SearchableMap<number>;
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
  deadline: number,
): SearchHit[] {
  const needle = query.phrases[0] ?? phraseForm(raw.slice(0, MAX_QUERY_CHARS));
  if (needle.trim() === '') return [];
  const hits: SearchHit[] = [];
  let checked = 0;
  for (const [id, forms] of index.phraseForms) {
    const p = index.passages.get(id);
    if (p && keep(p) && inEither(forms, needle, query.typing))
      hits.push({ passage: p, score: 1, matched: [], queryTerms: [] });
    if (hits.length >= limit) break;
    // Out of time on a large corpus: answer with what was found.
    if (++checked % 512 === 0 && performance.now() > deadline) break;
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

  const deadline = performance.now() + SEARCH_BUDGET_MS;
  const exact = index.passages.get(raw.trim());
  if (exact) return keep(exact) ? [{ passage: exact, score: 1, matched: [], queryTerms: [] }] : [];

  const query = parseQuery(raw, options.asYouType);
  const phraseNeedles = query.phrases;
  const lastPhraseTyping = query.typing && /"[^"]*$/.test(foldTypography(raw));

  if (query.terms.length === 0) return verbatimScan(index, raw, query, keep, limit, deadline);

  const plan = planQuery(index, query, options.fuzzy ?? true, deadline);
  if (plan.queries.length === 0) return verbatimScan(index, raw, query, keep, limit, deadline);
  const filtered = options.articleId !== undefined || (options.speaker ?? '').trim() !== '';
  const results: SearchResult[] = index.mini.search(
    { combineWith: 'OR', queries: plan.queries },
    {
      tokenize: (t) => [t],
      processTerm: (t) => t,
      boostTerm: (t) => plan.boost.get(t) ?? 1,
      ...(filtered && {
        filter: (r: SearchResult) => {
          const p = index.passages.get(r.id as string);
          return p !== undefined && keep(p);
        },
      }),
    },
  );

  // Re-rank against the text. Words left out of the search for being too common still count
  // towards coverage when the passage has them, so they are looked up in its text; that and the
  // fragment check read the passage, so they are only done while a passage could still reach the
  // top `limit` (candidates are taken in order of the best score they could get).
  const total = query.terms.length;
  const searched = new Set(plan.queries);
  // Also the word being typed: a passage with any word that begins with it covers it, even when
  // that word is not among the completions searched.
  const skipped = query.terms.filter((q) => q.prefix || !searched.has(q.term)).map((q) => q.term);
  const boostPossible = phraseNeedles.length > 0 || query.fragment !== '';
  const scored = results.map((r) => {
    const found = new Set(r.queryTerms.map((t) => plan.origin.get(t) ?? t));
    let reachable = found.size;
    for (const t of skipped) if (!found.has(t)) reachable++;
    const bound = r.score * (reachable / total) ** 2 * (boostPossible ? FRAGMENT_BOOST : 1);
    return { r, found, bound };
  });
  scored.sort((a, b) => b.bound - a.bound);
  const hits: SearchHit[] = [];
  const best: number[] = []; // the top `limit` final scores so far, highest first
  for (const { r, found, bound } of scored.slice(0, MAX_RERANKED)) {
    const floor = best.length >= limit ? (best[limit - 1] ?? 0) : 0;
    if (bound < floor) break;
    const id = r.id as string;
    const passage = index.passages.get(id);
    if (!passage) continue;
    const forms = index.phraseForms.get(id);
    const phrasesOk = phraseNeedles.every((ph, i) =>
      inEither(forms, ph, lastPhraseTyping && i === phraseNeedles.length - 1),
    );
    if (!phrasesOk) continue;
    // A word begins with its stem (nearly always: "negoti" → "negotiations"), so a skipped term is
    // looked for as the start of a word in the passage's phrase form.
    for (const t of skipped) if (!found.has(t) && forms && inEither(forms, ` ${t}`, true)) found.add(t);
    const fragment = query.fragment !== '' && inEither(forms, query.fragment, query.typing);
    const score =
      r.score * (found.size / total) ** 2 * (fragment || phraseNeedles.length > 0 ? FRAGMENT_BOOST : 1);
    hits.push({ passage, score, matched: r.terms, queryTerms: [...found] });
    best.push(score);
    best.sort((a, b) => b - a);
    if (best.length > limit) best.length = limit;
  }
  if (hits.length === 0) return verbatimScan(index, raw, query, keep, limit, deadline);
  hits.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
  const floor = (hits[0]?.score ?? 0) * MIN_RELATIVE_SCORE;
  return hits.filter((h) => h.score >= floor).slice(0, limit);
}

interface QueryPlan {
  /** The exact index terms MiniSearch scores. */
  readonly queries: string[];
  /** Weight of a completion or near-spelling, relative to the word itself. */
  readonly boost: ReadonlyMap<string, number>;
  /** Completion or near-spelling → the query word, so coverage counts query words. */
  readonly origin: ReadonlyMap<string, string>;
}

/**
 * Chooses the exact index terms MiniSearch scores, within {@link MAX_POSTINGS}: the word being
 * typed becomes its most frequent completions, a word the articles do not have becomes its most
 * frequent near-spellings, and when a query would visit too many postings the commonest words are
 * the first to go.
 */
function planQuery(index: SearchIndex, query: ParsedQuery, fuzzy: boolean, deadline: number): QueryPlan {
  const df = (t: string) => index.documentFrequency.get(t) ?? 0;
  const boost = new Map<string, number>();
  const origin = new Map<string, string>();
  const candidates: { term: string; cost: number }[] = [];
  const variant = (term: string, of: string, weight: number, cost: number) => {
    if (origin.has(term) || query.terms.some((q) => q.term === term)) return;
    boost.set(term, weight);
    origin.set(term, of);
    candidates.push({ term, cost });
  };
  const mistyped: string[] = [];
  for (const q of query.terms) {
    const completions: [string, number][] = [];
    if (q.prefix) {
      for (const entry of index.vocabulary.atPrefix(q.term)) if (entry[0] !== q.term) completions.push(entry);
    }
    candidates.push({ term: q.term, cost: df(q.term) });
    // Typo tolerance only for a word the articles do not have (nor, while it is being typed, any
    // word it begins): a real word is taken as meant.
    if (fuzzy && df(q.term) === 0 && completions.length === 0 && fuzzinessFor(q.term) > 0)
      mistyped.push(q.term);
    completions.sort((a, b) => b[1] - a[1]);
    for (const [term, n] of completions.slice(0, MAX_PREFIX_EXPANSIONS)) {
      // Weighed as MiniSearch weighs a prefix match: less the more letters the completion adds.
      variant(
        term,
        q.term,
        (PREFIX_WEIGHT * q.term.length) / (q.term.length + 0.3 * (term.length - q.term.length)),
        n,
      );
    }
  }
  // Near-spellings of the longest mistyped words, while there is time.
  mistyped.sort((a, b) => b.length - a.length);
  for (const term of mistyped.slice(0, MAX_FUZZY_TERMS)) {
    // Near-spellings are looked up in the first half of the time budget only.
    if (performance.now() > deadline - SEARCH_BUDGET_MS / 2) break;
    // Two edits cost a hundred times more to look up than one: only the longest word gets them.
    const distance = term === mistyped[0] ? fuzzinessFor(term) : Math.min(1, fuzzinessFor(term));
    const found = [...index.vocabulary.fuzzyGet(term, distance)]
      .sort((a, b) => b[1][0] - a[1][0])
      .slice(0, MAX_FUZZY_VARIANTS);
    for (const [near, [n, distance]] of found) {
      // Weighed as MiniSearch weighs a fuzzy match.
      variant(near, term, (FUZZY_WEIGHT * term.length) / (term.length + distance), n);
    }
  }
  candidates.sort((a, b) => a.cost - b.cost);
  const queries: string[] = [];
  let postings = 0;
  for (const c of candidates) {
    // A term in too many passages (at library scale) is left out; a query of nothing but such
    // terms is answered by the verbatim scan.
    if (c.cost === 0 || postings + c.cost > MAX_POSTINGS) continue;
    postings += c.cost;
    queries.push(c.term);
  }
  return { queries, boost, origin };
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

/** Bumped whenever the index's terms or options change, so older saved indexes are rebuilt. */
export const SAVED_INDEX_VERSION = 3;
const SAVED_FORMAT = 'discussion-guide-search-index';
/** First line of a saved index: its format, version and the sha256 of everything after the line. */
const SAVED_HEADER = new RegExp(`^${SAVED_FORMAT} v${SAVED_INDEX_VERSION} sha256:([0-9a-f]{64})$`);

interface SavedIndex {
  readonly format: typeof SAVED_FORMAT;
  readonly version: number;
  /** Of the passages indexed: a saved index only fits the passages it was built from. */
  readonly fingerprint: string;
  readonly mini: unknown;
  readonly documentFrequency: [string, number][];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A digest of what is indexed of each passage, in order. */
export function passagesFingerprint(passages: Iterable<Passage>): string {
  const hash = createHash('sha256');
  for (const p of passages) hash.update(`${p.id}\u0000${p.text}\u0000${p.corrected}\u0001`);
  return `${SAVED_INDEX_VERSION}:${hash.digest('hex')}`;
}

/**
 * The index as text, to be restored with {@link loadSearchIndex} over the same passages: a header
 * line with the sha256 of the rest, then the index as JSON.
 */
export function saveSearchIndex(index: SearchIndex): string {
  const saved: SavedIndex = {
    format: SAVED_FORMAT,
    version: SAVED_INDEX_VERSION,
    fingerprint: passagesFingerprint(index.passages.values()),
    mini: index.mini.toJSON(),
    documentFrequency: [...index.documentFrequency],
  };
  const body = JSON.stringify(saved);
  return `${SAVED_FORMAT} v${SAVED_INDEX_VERSION} sha256:${sha256(body)}\n${body}`;
}

/**
 * Restores a saved index over the passages it was built from. Throws when the text is not a saved
 * index of this version, does not match its own checksum (altered or damaged: the passages'
 * fingerprint alone would not notice a changed document-id map), or was saved for other passages:
 * the caller then builds a fresh one.
 * `fingerprint`: the passages' {@link passagesFingerprint}, when the caller has it already.
 */
export function loadSearchIndex(
  text: string,
  passages: Iterable<Passage>,
  fingerprint?: string,
): SearchIndex {
  const newline = text.indexOf('\n');
  const checksum = SAVED_HEADER.exec(newline === -1 ? '' : text.slice(0, newline))?.[1];
  if (checksum === undefined)
    throw new Error('This is not a saved search index of this version, or it is damaged.');
  const body = text.slice(newline + 1);
  if (sha256(body) !== checksum)
    throw new Error('The saved search index does not match its checksum: it was altered or damaged.');
  let saved: Partial<SavedIndex>;
  try {
    saved = JSON.parse(body) as Partial<SavedIndex>;
  } catch {
    throw new Error('The saved search index is truncated or damaged.');
  }
  if (saved.format !== SAVED_FORMAT || saved.version !== SAVED_INDEX_VERSION || !saved.documentFrequency)
    throw new Error('This is not a saved search index of this version.');
  const list = [...passages];
  if (saved.fingerprint !== (fingerprint ?? passagesFingerprint(list)))
    throw new Error('The saved search index was built from other passages.');
  const mini = MiniSearch.loadJS(saved.mini as Parameters<typeof MiniSearch.loadJS>[0], MINI_OPTIONS);
  const byId = new Map<string, Passage>();
  const phraseForms = new Map<string, { text: string; corrected: string }>();
  for (const p of list) {
    byId.set(p.id, p);
    phraseForms.set(p.id, phraseFormsOf(p));
  }
  return assemble(mini, byId, phraseForms, new Map(saved.documentFrequency));
}
