/**
 * The numbers that shape search: how a query is read, how matches are weighed, and the guards
 * that keep one search short however large the corpus and whatever is typed.
 */

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
/**
 * Weight of a word a compound query word was split into ("nordstream" → "nord", "stream"), or of
 * two query words joined ("co aggressor" → "coaggressor"), relative to an exact match.
 */
export const COMPOUND_WEIGHT = 0.9;
/**
 * Weight of a match in the names of the people whose words a passage holds (its voice and the people
 * quoted in it), relative to a match in its text: a person's name in a query finds their words first.
 */
export const SPEAKER_BOOST = 3;
/** Score multiplier for a passage that contains the whole query verbatim. */
export const FRAGMENT_BOOST = 2;

/**
 * Weight of a query word in a passage's coverage of the query, on top of its rarity (its inverse
 * document frequency, about 1 to 8): a word in nearly every passage still counts a little.
 */
export const RARITY_FLOOR = 1;

/** Results scoring below this share of the best result's score are dropped as noise. */
export const MIN_RELATIVE_SCORE = 0.05;

// Guards that keep one search short however large the corpus and whatever is typed. MiniSearch
// visits every posting of every term it searches, so the cost of a search is about the number of
// postings: a word being typed can stand for thousands of words ("co…"), and a very common word is
// in most passages. Common words carry little weight in BM25 anyway, so the rarest terms are kept.
/** Most postings (passages per term, summed) one search may visit. */
export const MAX_POSTINGS = 8_000;
/**
 * Most postings the synonyms of a query's words may add to one search, within {@link MAX_POSTINGS}:
 * they rank below the words themselves, so they are not worth a search's whole cost.
 */
export const MAX_SYNONYM_POSTINGS = 1_000;
/**
 * Most postings the completions of a word being typed may add to one search, within
 * {@link MAX_POSTINGS}: a short beginning ("ma") completes to the commonest words, in thousands of
 * passages at library scale, which weigh at most half a word each (bench at 100,000 passages: as-you-type
 * p50 down a fifth, MRR@25 unchanged or better).
 */
export const MAX_COMPLETION_POSTINGS = 1_500;
/** Most words a word being typed is completed to: the most frequent ones. */
export const MAX_PREFIX_EXPANSIONS = 6;
/** Most query words searched with typo tolerance: the longest ones, where typos are likeliest. */
export const MAX_FUZZY_TERMS = 4;
/** Most results re-ranked against their text: the best by MiniSearch's score. */
export const MAX_RERANKED = 500;
/** Most near-spellings searched for one mistyped word: the most frequent ones. */
export const MAX_FUZZY_VARIANTS = 12;
/**
 * Edits allowed in a word being typed, read as a misspelled beginning (a fuzzy prefix: "amuni" →
 * "ammunition"), when no word begins with it as typed. One: each edit multiplies the beginnings
 * looked up by about 50.
 */
export const MAX_PREFIX_EDITS = 1;
/**
 * Longest word read with swapped letters or as a misspelled beginning (longer words still get
 * ordinary near-spellings): the lookups grow with the square of its length, and no word is longer.
 */
export const MAX_SPELLED_LENGTH = 24;
/** Shortest word a compound is split into ("co" of "coaggressor"). */
export const MIN_COMPOUND_PART = 2;
/**
 * Time after which a search stops looking further (near-spellings, the verbatim scan) and answers
 * with what it has. With the postings cap, this keeps the event loop free for other students.
 */
export const SEARCH_BUDGET_MS = 20;

/**
 * Edit distance allowed for a query word: none up to 4 letters, 1 up to 8, 2 beyond. A swap of two
 * neighbouring letters counts as one edit ("ruboi" → "rubio").
 */
export function fuzzinessFor(term: string): number {
  if (term.length <= 4 || /^\p{N}+$/u.test(term)) return 0;
  return term.length <= 8 ? 1 : 2;
}
