/**
 * Text processing shared by indexing, querying, phrase checks and highlighting.
 *
 * Everything here is deliberate and documented, because search quality depends on it:
 * - Unicode is NFKC-normalised, lower-cased, and curly quotes and dashes are folded to plain ones.
 * - "U.S." and "US" become the single token `usa`, so the country never collides with the pronoun.
 * - Possessive `'s` is dropped ("Trump’s" → `trump`); other apostrophes are removed ("doesn’t" → `doesnt`).
 * - Stop words are dropped from the index and from queries, except negations, which carry meaning here.
 * - Words are stemmed with the Porter stemmer; the unstemmed form is indexed too so that
 *   as-you-type prefixes ("negotia") and typos ("negotiaton") still meet a real word.
 */
import { stemmer } from 'stemmer';

/** Common English words that carry no topic. Negations ("not", "no", "never", "nor") are kept on purpose. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most my ' +
    'myself of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up ' +
    'very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves also us s t d ll m re ve'
  ).split(' '),
);

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;

const PLAIN_ASCII = /^[^`\u0080-\uffff]*$/;

/** Folds typography so that `’` = `'`, `“` = `"`, `—` = `-`, and removes invisible characters. */
export function foldTypography(text: string): string {
  // ASCII without a backtick is folded already (NFKC leaves ASCII as it is).
  if (PLAIN_ASCII.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/** A word found in a text, with its position, for highlighting. */
export interface WordSpan {
  /** The word as written. */
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// Letters/digits, allowing inner apostrophes ("doesn't") and dotted abbreviations ("U.S.").
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** Splits text into words, keeping their offsets in the original string. */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Normalises one word to its unstemmed index form, or `null` for a stop word or nothing.
 * Case matters only to tell "US" (the country) from "us".
 */
export function normalizeWord(word: string): string | null {
  const folded = foldTypography(word);
  if (/^(?:U\.S\.?|US)$/.test(folded)) return 'usa';
  let w = folded.toLowerCase();
  w = w.replace(/'s$/, '').replace(/'/g, '').replace(/\./g, '');
  if (w.length === 0 || STOP_WORDS.has(w)) return null;
  return w;
}

/** The stem of an already normalised word. */
export function stem(normalized: string): string {
  return /^\p{N}+$/u.test(normalized) ? normalized : stemmer(normalized);
}

/** Words already turned into index terms: text repeats its words, and stemming is the costly part. */
const termCache = new Map<string, readonly string[]>();
/** Entries kept before the cache starts over, so it cannot grow without bound. */
const TERM_CACHE_MAX = 200_000;
const NO_TERMS: readonly string[] = Object.freeze([]);

/** Index terms for one word: its stem, and its unstemmed form when that differs. Do not mutate. */
export function indexTerms(word: string): readonly string[] {
  const cached = termCache.get(word);
  if (cached) return cached;
  const terms = uncachedIndexTerms(word);
  if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
  termCache.set(word, terms);
  return terms;
}

/**
 * {@link indexTerms}, worked out without the module's cache: for a caller that keeps its own while
 * it lasts (building an index), so that the cache is not left holding every word of the articles.
 */
export function uncachedIndexTerms(word: string): readonly string[] {
  const n = normalizeWord(word);
  if (n === null) return NO_TERMS;
  const s = stem(n);
  return Object.freeze(s === n ? [n] : [s, n]);
}

/** Every index term of a text (duplicates kept, as the index counts frequencies). */
export function textTerms(text: string): string[] {
  return words(text).flatMap((w) => indexTerms(w.word));
}

/** A text of ASCII characters only, where {@link WORD} reduces to {@link ASCII_WORD}. */
const ASCII = /^[^\u0080-\uffff]*$/;
/** {@link WORD} over ASCII text: `\p{L}` is `[A-Za-z]` there, and `\p{N}` is `[0-9]`. */
const ASCII_WORD = /(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:'[A-Za-z]+)*/g;

/**
 * The words of a text, as {@link words} finds them, without their offsets: what indexing reads. A
 * text of ASCII characters (nearly every one) is split by a plain regular expression, which is faster.
 */
export function wordList(text: string): string[] {
  if (ASCII.test(text)) return text.match(ASCII_WORD) ?? [];
  return words(text).map((w) => w.word);
}

/**
 * Text reduced for phrase and fragment comparison: folded, lower-cased, punctuation removed,
 * whitespace collapsed, with single spaces around. `"oh, well"` → `" oh well "`. Built as one flat
 * string; to keep one, see {@link compactString}.
 */
export function phraseForm(text: string): string {
  const folded = foldTypography(text);
  const ws = ASCII.test(folded)
    ? (folded.toLowerCase().match(ASCII_WORD) ?? [])
    : words(folded).map((w) => w.word.toLowerCase());
  if (ws.length === 0) return '  ';
  for (let i = 0; i < ws.length; i++) ws[i] = (ws[i] as string).replace(/['.]/g, '');
  ws.unshift('');
  ws.push('');
  return ws.join(' ');
}

const LATIN1 = /^[^\u0100-\uffff]*$/;

/**
 * The same text, stored one byte per character when every character allows it, for a string kept
 * long (a passage's phrase form): V8 keeps a string cut from a two-byte text (one with a curly
 * quote, say) two bytes per character even once its characters all fit in one. Costs a copy.
 */
export function compactString(text: string): string {
  return LATIN1.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : text;
}
