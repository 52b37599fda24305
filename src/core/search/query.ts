/**
 * Reading a query: typography is folded, "quoted phrases" are pulled out, stop words dropped,
 * words stemmed. The last word, while still being typed, is kept as a prefix.
 */
import { foldTypography, normalizeWord, phraseForm, stem, words } from '../text.js';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from './tuning.js';

/** A query word, as searched. */
export interface QueryTerm {
  /** The index term searched for: a stem, or the raw prefix being typed. */
  readonly term: string;
  /** The word as typed, normalised but not stemmed: what a compound is split from or joined to. */
  readonly word: string;
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
  /**
   * The stems of every whole word in order, stop words too ("turned down" → "turn", "down"), where
   * phrasal verbs are looked for (see families.ts). Not the word being typed.
   */
  readonly sequence: readonly string[];
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
  const sequence: string[] = [];
  ws.forEach((w, i) => {
    const last = i === ws.length - 1;
    const prefix = typing && last;
    const lower = foldTypography(w.word).toLowerCase();
    if (!prefix && /^[a-z]+$/.test(lower)) sequence.push(stem(lower));
    const n = prefix ? foldTypography(w.word).toLowerCase().replace(/'/g, '') : normalizeWord(w.word);
    if (n === null || n === '' || (prefix && n.length < 2)) return;
    const term = prefix ? n : stem(n);
    if (seen.has(term) || terms.length >= MAX_QUERY_TERMS) return;
    seen.add(term);
    terms.push({ term, word: n, prefix });
  });
  const fragment = phrases.length === 0 && ws.length >= 2 ? phraseForm(withoutPhrases) : '';
  return { terms, phrases, fragment, typing, sequence };
}
